package admin_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sakemodel/sakebot/bot"
)

// seedOutreachA11y stores, through out, a segment of LINE applicants, a
// draft broadcast to it with every button, one scheduled for tomorrow, one
// sent (queued to its students), and an automatic message switched on,
// and returns the 配信 pages to check: the lists, the forms (empty, with
// their errors, filled), and a broadcast in each state.
func seedOutreachA11y(t *testing.T, e *env, out *bot.Outreach) []a11yPage {
	t.Helper()
	ctx := context.Background()
	seg := bot.Segment{Name: "LINEの応募者", Filter: bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelLINE}, Applied: bot.PresenceYes}}
	mustOK(t, out.SaveSegment(ctx, &seg, "admin"))
	msg := bot.Announcement{Text: "12月20日に北見工業大学で説明会を開きます。\nご参加をお待ちしています。", Buttons: bot.ButtonKinds()}
	draft := bot.Broadcast{Title: "12月の説明会のお知らせ", Message: msg, SegmentID: seg.ID}
	mustOK(t, out.SaveBroadcast(ctx, &draft, "admin"))
	later := bot.Broadcast{Title: "応募締切のお知らせ（予約）", Message: bot.Announcement{Text: "応募の受付は今月末までです。"}, SegmentID: seg.ID}
	mustOK(t, out.SaveBroadcast(ctx, &later, "admin"))
	mustOK(t, out.SendBroadcast(ctx, bot.SendRequest{ID: later.ID, Version: later.Version, At: e.clock.Now().Add(24 * time.Hour), Actor: "admin"}, nil))
	sent := bot.Broadcast{Title: "11月の説明会のお知らせ（送信済み）", Message: msg, SegmentID: seg.ID}
	mustOK(t, out.SaveBroadcast(ctx, &sent, "admin"))
	mustOK(t, out.SendBroadcast(ctx, bot.SendRequest{ID: sent.ID, Version: sent.Version, Actor: "admin"}, nil))
	if _, err := out.Run(ctx, nil); err != nil {
		t.Fatal(err)
	}
	rule := bot.Rule{Name: "応募から3日後のご案内", Trigger: bot.TriggerStatus, Status: bot.StatusSubmitted, Days: 3,
		SegmentID: seg.ID, Message: bot.Announcement{Text: "ご応募ありがとうございます。面談のご予約はこちらからどうぞ。", Buttons: []bot.ButtonKind{bot.ButtonBooking}},
		Enabled: true, Quiet: bot.DefaultQuietHours}
	mustOK(t, out.SaveRule(ctx, &rule, "admin"))

	submit := func(action string) []chromedp.Action[chromedp.Void] {
		return []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`form[action="` + action + `"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".field-error")),
		}
	}
	return []a11yPage{
		{name: "セグメント一覧", path: "/admin/segments"},
		{name: "セグメント作成", path: "/admin/segments/new"},
		{name: "セグメント作成（入力エラー）", path: "/admin/segments/new", then: submit("/admin/segments")},
		{name: "セグメント編集", path: "/admin/segments/" + itoa(seg.ID) + "/edit"},
		{name: "一斉配信一覧", path: "/admin/broadcasts"},
		{name: "一斉配信作成", path: "/admin/broadcasts/new"},
		{name: "一斉配信作成（入力エラー）", path: "/admin/broadcasts/new", then: submit("/admin/broadcasts")},
		{name: "一斉配信（下書き）", path: "/admin/broadcasts/" + itoa(draft.ID)},
		{name: "一斉配信（予約済み）", path: "/admin/broadcasts/" + itoa(later.ID)},
		{name: "一斉配信（送信済み）", path: "/admin/broadcasts/" + itoa(sent.ID)},
		{name: "一斉配信編集", path: "/admin/broadcasts/" + itoa(draft.ID) + "/edit"},
		{name: "自動メッセージ一覧", path: "/admin/rules"},
		{name: "自動メッセージ作成", path: "/admin/rules/new"},
		{name: "自動メッセージ作成（入力エラー）", path: "/admin/rules/new", then: submit("/admin/rules")},
		{name: "自動メッセージ編集", path: "/admin/rules/" + itoa(rule.ID) + "/edit"},
	}
}
