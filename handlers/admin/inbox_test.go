package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// forEachEngineNotify is forEachEngine with an engine that tells staff as
// n says.
func forEachEngineNotify(t *testing.T, n bot.Notify, fn func(t *testing.T, e *env)) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		t.Parallel()
		fn(t, newEnvNotify(t, dbURL, n))
	})
}

// countOf counts the texts that contain want.
func countOf(texts []string, want string) int {
	n := 0
	for _, s := range texts {
		if strings.Contains(s, want) {
			n++
		}
	}
	return n
}

// TestInboxAnswersAStudentWithoutSlack is the issue: with Slack off, a
// LINE student asks for a person; 対応中の会話 lists them, a reply from
// the page reaches them once, marked as from the recruiting team, and
// 対応終了 hands them back to the bot.
func TestInboxAnswersAStudentWithoutSlack(t *testing.T) {
	forEachEngineNotify(t, inboxOnly, func(t *testing.T, e *env) {
		ctx := context.Background()
		students := e.students()
		app := addApplication(t, e.store, "U-in", "北見 花子", "")
		students.say("U-in", "担当者と話したい")
		if last := e.lastTo("U-in"); !strings.Contains(last, "担当者からこのトークでお返事します") {
			t.Fatalf("the student was told: %q", last)
		}
		students.say("U-in", "面談の日程を相談したいです")
		h := e.openHandoff("U-in")

		e.login()
		r := e.get("/admin/inbox")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "北見 花子", "LINE", app.Ref, `href="/admin/applications/`+itoa(app.ID)+`"`, "1件", "1分未満",
			`href="/admin/inbox/`+itoa(h.ID)+`"`, `data-inbox-number>1<`)
		wantBody(t, e.get("/admin/"), `href="/admin/inbox"`, "「対応中の会話」からご対応ください")

		r = e.get("/admin/inbox/" + itoa(h.ID))
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "北見 花子さんとの会話", "面談の日程を相談したいです", "担当者との会話を希望", `action="/admin/inbox/`+itoa(h.ID)+`/reply"`,
			`action="/admin/inbox/`+itoa(h.ID)+`/close"`)

		// The reply: sent once, even when the form is posted twice.
		csrf, key := e.replyForm(h.ID)
		form := url.Values{"csrf": {csrf}, "reply_id": {key}, "text": {"  担当の佐藤です。\r\n木曜日の10時はいかがですか。\x00  "}}
		wantRedirect(t, e.post("/admin/inbox/"+itoa(h.ID)+"/reply", form), "/admin/inbox/"+itoa(h.ID)+"?msg=replied")
		wantRedirect(t, e.post("/admin/inbox/"+itoa(h.ID)+"/reply", form), "/admin/inbox/"+itoa(h.ID)+"?msg=replied")
		e.work()
		const sent = "【採用担当より】\n担当の佐藤です。\n木曜日の10時はいかがですか。\n"
		if pushes := e.pushesTo("U-in"); len(pushes) != 1 || pushes[0] != sent {
			t.Fatalf("LINE pushes to the student: %q, want one %q", pushes, sent)
		}
		wantBody(t, e.get("/admin/inbox/"+itoa(h.ID)+"/live"), "担当の佐藤です。\n木曜日の10時はいかがですか。",
			"緊急用パスワード（管理画面）")
		r = e.get("/admin/inbox")
		wantBody(t, r, "返信済み", "0件")

		// 対応終了: the student hears the bot is back, and it answers again.
		wantRedirect(t, e.post("/admin/inbox/"+itoa(h.ID)+"/close", url.Values{"csrf": {e.csrf()}}), "/admin/inbox?msg=handoff_closed")
		e.work()
		if pushes := e.pushesTo("U-in"); len(pushes) != 2 || !strings.Contains(pushes[1], "ボットがご案内します") {
			t.Fatalf("pushes after 対応終了: %q", pushes)
		}
		if got, err := e.store.Handoff(ctx, h.ID); err != nil || got.Status != bot.HandoffClosed || got.ClosedBy != "admin" {
			t.Fatalf("handoff after 対応終了: %+v %v", got, err)
		}
		wantBody(t, e.get("/admin/inbox"), "いま、担当者の対応を待っている方はいません")
		wantBody(t, e.get("/admin/inbox/"+itoa(h.ID)), "この会話は終了しています", "担当者が対応を終了しました")
		students.say("U-in", "研修は何ヶ月ですか")
		if last := e.lastTo("U-in"); !strings.Contains(last, "4ヶ月") {
			t.Fatalf("after the handoff the bot answered %q", last)
		}

		// A reply after the close is refused, and nothing is sent.
		r = e.post("/admin/inbox/"+itoa(h.ID)+"/reply", url.Values{"csrf": {e.csrf()}, "text": {"遅れてすみません"}})
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "この会話はすでに終了しています。返信は送られていません。")
		e.work()
		if pushes := e.pushesTo("U-in"); countOf(pushes, "遅れてすみません") != 0 || len(pushes) != 2 {
			t.Fatalf("pushes after a late reply: %q", pushes)
		}
	})
}

// TestInboxConcurrentReplies: two staff members reply at once; both
// replies reach the student, in the order they were accepted, and both
// show in the conversation.
func TestInboxConcurrentReplies(t *testing.T) {
	forEachEngineNotify(t, inboxOnly, func(t *testing.T, e *env) {
		students := e.students()
		students.say("U-two", "担当者と話したい")
		h := e.openHandoff("U-two")
		rec := &recordingInbox{inbox: e.worker}
		staff := []*env{e.withInbox(rec), e.withInbox(rec)}
		texts := []string{"佐藤です。こちらでお答えします。", "鈴木です。補足します。"}
		forms := make([]url.Values, 2)
		for i, s := range staff {
			s.login()
			csrf, key := s.replyForm(h.ID)
			forms[i] = url.Values{"csrf": {csrf}, "reply_id": {key}, "text": {texts[i]}}
		}
		var wg sync.WaitGroup
		codes := make([]int, 2)
		for i, s := range staff {
			wg.Go(func() { codes[i] = s.post("/admin/inbox/"+itoa(h.ID)+"/reply", forms[i]).StatusCode })
		}
		wg.Wait()
		if codes[0] != http.StatusSeeOther || codes[1] != http.StatusSeeOther {
			t.Fatalf("replies answered %v", codes)
		}
		order := rec.accepted()
		if len(order) != 2 {
			t.Fatalf("accepted %q", order)
		}
		e.work()
		pushes := e.pushesTo("U-two")
		if len(pushes) != 2 || !strings.Contains(pushes[0], order[0]) || !strings.Contains(pushes[1], order[1]) {
			t.Fatalf("pushes %q, want %q in that order, once each", pushes, order)
		}
		for _, s := range staff { // each sees both replies, in that order
			body := s.get("/admin/inbox/" + itoa(h.ID) + "/live").Body
			if i, j := strings.Index(body, order[0]), strings.Index(body, order[1]); i < 0 || j < i {
				t.Fatalf("conversation does not show %q then %q:\n%s", order[0], order[1], body)
			}
		}
	})
}

// TestInboxReplyCheckedAndRacingTheClose: a reply must have 1 to 2000
// characters; one accepted just before the handoff is closed reaches
// nobody.
func TestInboxReplyCheckedAndRacingTheClose(t *testing.T) {
	forEachEngineNotify(t, inboxOnly, func(t *testing.T, e *env) {
		students := e.students()
		students.say("U-chk", "担当者と話したい")
		h := e.openHandoff("U-chk")
		e.login()
		path := "/admin/inbox/" + itoa(h.ID)
		r := e.post(path+"/reply", url.Values{"csrf": {e.csrf()}, "text": {" \n\x00 "}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "返信を入力してください。")
		long := strings.Repeat("あ", 2001)
		r = e.post(path+"/reply", url.Values{"csrf": {e.csrf()}, "text": {long}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "返信は2000文字以内で入力してください（いま2001文字です）。", long) // the text is kept in the box
		wantStatus(t, e.post(path+"/reply", url.Values{"text": {"CSRFなし"}}), http.StatusForbidden)
		wantStatus(t, e.post("/admin/inbox/999999/reply", url.Values{"csrf": {e.csrf()}, "text": {"x"}}), http.StatusNotFound)

		wantRedirect(t, e.post(path+"/reply", url.Values{"csrf": {e.csrf()}, "text": {strings.Repeat("い", 2000)}}), path)
		wantRedirect(t, e.post(path+"/close", url.Values{"csrf": {e.csrf()}}), "/admin/inbox?msg=handoff_closed")
		e.work()
		pushes := e.pushesTo("U-chk")
		if len(pushes) != 1 || !strings.Contains(pushes[0], "ボットがご案内します") {
			t.Fatalf("pushes: %q; want only the close", pushes)
		}
		wantRedirect(t, e.post(path+"/close", url.Values{"csrf": {e.csrf()}}), path+"?msg=handoff_over")
	})
}

// TestInboxEscapesAndScriptPolicy: what students typed shows as text on
// the inbox's pages, which run only the page's own script.
func TestInboxEscapesAndScriptPolicy(t *testing.T) {
	forEachEngineNotify(t, inboxOnly, func(t *testing.T, e *env) {
		const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`
		students := e.students()
		addApplication(t, e.store, "U-evil", "北見"+evil, "")
		students.say("U-evil", "担当者と話したい")
		students.say("U-evil", "質問です"+evil)
		h := e.openHandoff("U-evil")
		e.login()
		for _, p := range []string{"/admin/inbox", "/admin/inbox/live", "/admin/inbox/" + itoa(h.ID), "/admin/inbox/" + itoa(h.ID) + "/live"} {
			r := e.get(p)
			wantStatus(t, r, http.StatusOK)
			if strings.Contains(r.Body, "<script>") || strings.Contains(r.Body, "<img src=x") {
				t.Errorf("%s: markup is not escaped", p)
			}
			wantBody(t, r, "&lt;script&gt;")
			if strings.Contains(r.Body, "http://") || strings.Contains(r.Body, "https://") || strings.Contains(r.Body, " style=") {
				t.Errorf("%s: an external resource or an inline style", p)
			}
			if n := strings.Count(r.Body, "<script"); n > 1 || n == 1 && !strings.Contains(r.Body, `<script src="/admin/static/live.js" defer></script>`) {
				t.Errorf("%s: a script other than the page's own", p)
			}
			csp := r.Header.Get("Content-Security-Policy")
			if strings.Contains(csp, "unsafe") || !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("%s: CSP %q", p, csp)
			}
		}
		if csp := e.get("/admin/inbox").Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") ||
			!strings.Contains(csp, "connect-src 'self'") {
			t.Errorf("the inbox cannot run its script: %q", csp)
		}
		if csp := e.get("/admin/").Header.Get("Content-Security-Policy"); strings.Contains(csp, "script-src") {
			t.Errorf("the dashboard allows scripts: %q", csp)
		}
		js := e.get("/admin/static/live.js")
		wantStatus(t, js, http.StatusOK)
		if ct := js.Header.Get("Content-Type"); !strings.Contains(ct, "javascript") || strings.Contains(js.Body, "http") {
			t.Errorf("live.js: %s, loads from elsewhere: %v", ct, strings.Contains(js.Body, "http"))
		}
		// Without a session the fragments are refused, not redirected, so
		// the script can tell.
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/admin/inbox/live", nil)
		req.Header.Set("Accept", "*/*")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("fragment without a session: %d", res.StatusCode)
		}
	})
}
