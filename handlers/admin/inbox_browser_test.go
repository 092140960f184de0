package admin_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/sakemodel/sakebot/bot"
)

// TestInboxInBrowser drives a real headless Chromium through 対応中の会話
// with Slack off: a 採用担当 signs in with her account, sees the waiting
// student, replies (the fake LINE
// API receives it once, and the conversation shows it without a reload),
// and see the list take in a second student without a reload.
func TestInboxInBrowser(t *testing.T) {
	chromium(t) // skip early, before databases are made, when there is no browser
	forEachEngineNotify(t, inboxOnly, func(t *testing.T, e *env) {
		ctx := newBrowser(t, 1280, 900)
		students := e.students()
		addApplication(t, e.store, "U-b1", "北見 花子", "")
		students.say("U-b1", "担当者と話したい")
		students.say("U-b1", "面談の日程を相談したいです")
		first := e.openHandoff("U-b1")
		link := `a[href="/admin/inbox/` + itoa(first.ID) + `"]`

		e.addStaff("sato@example.jp", "佐藤 花子", bot.RoleRecruiter)
		signInAs(t, ctx, e, "sato@example.jp")
		do(t, ctx, "open 対応中の会話",
			chromedp.Click(chromedp.CSS(`nav a[href="/admin/inbox"]`)),
			chromedp.WaitVisible(chromedp.CSS(link)))
		wantText(t, ctx, "#inbox-list", "北見 花子", "LINE", "1分未満", "1件")
		wantText(t, ctx, "[data-inbox-number]", "1")

		const reply = "担当の佐藤です。木曜日の10時はいかがですか。"
		do(t, ctx, "reply",
			chromedp.Click(chromedp.CSS(link)),
			chromedp.WaitVisible(chromedp.CSS("#reply")),
			chromedp.SendKeys(chromedp.CSS("#reply"), reply),
			chromedp.Click(chromedp.CSS(`.reply-form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".notice-ok")))
		wantText(t, ctx, "#history", "面談の日程を相談したいです")
		mark(t, ctx)
		e.work() // the worker takes the reply, as serve's does at once
		if pushes := e.pushesTo("U-b1"); len(pushes) != 1 || pushes[0] != "【採用担当より】\n"+reply+"\n" {
			t.Fatalf("LINE pushes to the student: %q", pushes)
		}
		do(t, ctx, "see the reply in the conversation", chromedp.WaitVisible(chromedp.CSS("#history .chat-staff")))
		wantText(t, ctx, "#history", reply, "佐藤 花子")
		wantMarked(t, ctx)

		do(t, ctx, "back to the list",
			chromedp.Click(chromedp.CSS(`nav a[href="/admin/inbox"]`)),
			chromedp.WaitVisible(chromedp.CSS(link)))
		wantText(t, ctx, "#inbox-list", "返信済み")
		mark(t, ctx)
		students.say("U-b2", "担当者と話したい")
		second := e.openHandoff("U-b2")
		do(t, ctx, "see the second student without a reload",
			chromedp.WaitVisible(chromedp.CSS(`a[href="/admin/inbox/`+itoa(second.ID)+`"]`)))
		wantMarked(t, ctx)
		wantText(t, ctx, "#inbox-list tbody tr:first-child", "（名前未登録）", "LINE")
		wantText(t, ctx, "#live-status", "対応中の会話は2件")
		wantText(t, ctx, "[data-inbox-number]", "2")
	})
}

// mark leaves a mark on the page the browser shows, which a reload would
// wipe (see wantMarked).
func mark(t *testing.T, ctx context.Context) {
	t.Helper()
	get(t, ctx, "mark the page", chromedp.Evaluate[int]("window.sakebotMark = 42"))
}

// wantMarked fails the test unless the page is still the one mark marked.
func wantMarked(t *testing.T, ctx context.Context) {
	t.Helper()
	if v := get(t, ctx, "read the mark", chromedp.Evaluate[int]("window.sakebotMark || 0")); v != 42 {
		t.Fatal("the page was reloaded")
	}
}
