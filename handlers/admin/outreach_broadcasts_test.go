package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
)

// stopFooter is the line every announcement ends with.
const stopFooter = "※お知らせの配信を止めたい場合は「配信停止」とお送りください。"

// hostileText is a broadcast's text with markup for HTML and for Slack.
const hostileText = "12月10日に説明会を開きます。\n<script>alert(1)</script> <!channel> <@U123> &amp; *太字*"

// kitamiSegment creates the segment of the three LINE applicants of
// students3, as c.
func (e *outreachEnv) kitamiSegment(c *http.Client, csrf string) bot.Segment {
	e.t.Helper()
	return e.createSegment(c, csrf, url.Values{"name": {"北見工大の学生（LINE）"}, "channels": {"line"}, "school": {"北見"}})
}

// TestOutreachBroadcastPreviewTestSendAndStats is the flow: a
// 採用担当 writes a broadcast with buttons, previews it as LINE shows it
// (the 配信停止 line, the buttons, markup shown as text), sees what it
// costs, tests it in their own Slack DM, sends it now; the run queues it
// to each student once, and the page counts what was sent and who
// replied.
func TestOutreachBroadcastPreviewTestSendAndStats(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		ctx := context.Background()
		c, csrf := e.slackStaff("sato@example.jp", "佐藤 花子", "USATO", bot.RoleRecruiter)
		e.students3()
		seg := e.kitamiSegment(c, csrf)
		wantBody(t, e.do(c, http.MethodGet, "/admin/broadcasts", nil, nil), "一斉配信はまだありません", `href="/admin/broadcasts/new"`)
		wantBody(t, e.do(c, http.MethodGet, "/admin/broadcasts/new", nil, nil), `<option value="`+itoa(seg.ID)+`">北見工大の学生（LINE）</option>`,
			`name="buttons" value="booking"`, `name="buttons" value="apply"`, `name="buttons" value="person"`)

		form := url.Values{"title": {"<b>12月説明会</b>のご案内"}, "text": {hostileText}, "buttons": {"booking", "apply"},
			"segment": {itoa(seg.ID)}}
		// 「プレビュー」 shows the message as it is sent and stores nothing.
		preview := url.Values{"csrf": {csrf}, "action": {"preview"}}
		for k, v := range form {
			preview[k] = v
		}
		r := e.do(c, http.MethodPost, "/admin/broadcasts", preview, nil)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, stopFooter, "<li>"+bot.ButtonBooking.Label()+"</li>", "<li>応募する</li>", "&lt;script&gt;alert(1)&lt;/script&gt;")
		if list, _ := e.store.ListBroadcasts(ctx, 0); len(list) != 0 {
			t.Fatalf("the preview stored %+v", list)
		}

		b := e.createBroadcast(c, csrf, form)
		if b.State != bot.BroadcastDraft || b.SegmentID != seg.ID || len(b.Message.Buttons) != 2 || b.Version != 1 {
			t.Fatalf("created %+v", b)
		}
		page := broadcastURL(b.ID)
		r = e.do(c, http.MethodGet, page+"?msg=broadcast_created", nil, nil)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "下書きを保存しました", "&lt;b&gt;12月説明会&lt;/b&gt;のご案内", "下書き",
			"12月10日に説明会を開きます。\n&lt;script&gt;alert(1)&lt;/script&gt; &lt;!channel&gt; &lt;@U123&gt; &amp;amp; *太字*\n\n"+stopFooter,
			"<li>"+bot.ButtonBooking.Label()+"</li>", "<li>応募する</li>",
			"合計 3名・配信できる 3名（うちLINE 3名）", "この配信で使うLINE送信数: 3通 / 今月の残り: 取得できません",
			"自分のSlackにテスト送信", `name="when" value="now" checked`, `name="send_at"`, `href="`+page+`/edit"`)
		if strings.Contains(r.Body, "<script>alert") || strings.Contains(r.Body, "<b>12月") || strings.Contains(r.Body, "<li>担当者と話す</li>") {
			t.Errorf("markup or an unchosen button on the page:\n%s", clip(r.Body))
		}

		// テスト送信: one delivery, to the staff member's own Slack DM,
		// marked as a test; nothing to the students, the draft unchanged.
		wantRedirect(t, e.do(c, http.MethodPost, page+"/test", url.Values{"csrf": {csrf}}, nil), page+"?msg=broadcast_tested")
		if st, err := e.store.OutboxStats(ctx); err != nil || st.Pending != 1 {
			t.Fatalf("outbox after the test %+v %v", st, err)
		}
		e.settle()
		dm := e.slack.Messages(slacktest.DMChannel("USATO"))
		if len(dm) != 1 || !strings.Contains(dm[0].Text, "【テスト送信】") || !strings.Contains(dm[0].Text, "12月10日に説明会を開きます。") {
			t.Fatalf("the test DM: %+v", dm)
		}
		if got := e.pushesTo("U-seg-1"); len(got) != 0 {
			t.Fatalf("a student got the test: %q", got)
		}
		if got := e.broadcast(b.ID); got.State != bot.BroadcastDraft || got.Version != 1 {
			t.Fatalf("the test changed the draft: %+v", got)
		}

		// 今すぐ送信: scheduled now; it can no longer be edited.
		r = e.do(c, http.MethodGet, page, nil, nil)
		wantRedirect(t, e.do(c, http.MethodPost, page+"/send", url.Values{"csrf": {csrf}, "version": {versionOf(t, r)}, "when": {"now"}}, nil),
			page+"?msg=broadcast_sending")
		got := e.broadcast(b.ID)
		if got.State != bot.BroadcastScheduled || got.SendAt.IsZero() || got.QuotaAllowedBy != "" {
			t.Fatalf("after send %+v", got)
		}
		wantStatus(t, e.do(c, http.MethodGet, page+"/edit", nil, nil), http.StatusConflict)
		wantStatus(t, e.do(c, http.MethodPost, page+"/send", url.Values{"csrf": {csrf}, "version": {itoa(int64(got.Version))}, "when": {"now"}}, nil),
			http.StatusConflict)
		r = e.do(c, http.MethodGet, page+"?msg=broadcast_sending", nil, nil)
		wantBody(t, r, "送信を受け付けました", "予約済み", "配信を中止する")
		if strings.Contains(r.Body, `action="`+page+`/send"`) {
			t.Error("a scheduled broadcast still offers to send it")
		}

		// The run queues it once to each student; the page counts it.
		if run := e.run(nil); run.Queued != 3 {
			t.Fatalf("run %+v", run)
		}
		if run := e.run(nil); run.Queued != 0 {
			t.Fatalf("a second run queued again: %+v", run)
		}
		wantBody(t, e.do(c, http.MethodGet, page, nil, nil), "送信済み", `data-count="recipients">3<`, `data-count="pending">3<`,
			`data-count="sent">0<`, "最新の状態に更新")
		e.settle()
		for _, u := range []string{"U-seg-1", "U-seg-2", "U-seg-3"} {
			if got := e.pushesTo(u); len(got) != 1 || !strings.Contains(got[0], stopFooter) || !strings.Contains(got[0], "<script>alert(1)</script>") {
				t.Fatalf("pushes to %s: %q", u, got)
			}
		}
		e.students().say("U-seg-2", "参加したいです")
		r = e.do(c, http.MethodGet, page, nil, nil)
		wantBody(t, r, `data-count="recipients">3<`, `data-count="pending">0<`, `data-count="sent">3<`, `data-count="failed">0<`,
			`data-count="replies">1<`)
		r = e.do(c, http.MethodGet, "/admin/broadcasts", nil, nil)
		wantBody(t, r, `href="`+page+`"`, "北見工大の学生（LINE）", `<span class="badge broadcast-sent">送信済み</span>`,
			`<td data-label="送信済み" class="num">3</td>`, `<td data-label="返信" class="num">1</td>`)
	})
}

// broadcastURL is the page of broadcast id.
func broadcastURL(id int64) string { return "/admin/broadcasts/" + itoa(id) }

// TestOutreachBroadcastTestNeedsSlack: without a Slack member id on the
// account, テスト送信 says how to get one, and queues nothing.
func TestOutreachBroadcastTestNeedsSlack(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		c, csrf := e.slackStaff("rec@example.jp", "採用 二郎", "", bot.RoleRecruiter)
		seg := e.createSegment(c, csrf, url.Values{"name": {"全員"}})
		b := e.createBroadcast(c, csrf, url.Values{"title": {"お知らせ"}, "text": {"こんにちは"}, "segment": {itoa(seg.ID)}})
		page := broadcastURL(b.ID)
		r := e.do(c, http.MethodGet, page, nil, nil)
		wantBody(t, r, "SlackのメンバーID", "data-test-off")
		if strings.Contains(r.Body, "自分のSlackにテスト送信") {
			t.Error("the test button is offered without a Slack member id")
		}
		r = e.do(c, http.MethodPost, page+"/test", url.Values{"csrf": {csrf}}, nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "SlackのメンバーID")
		if st, _ := e.store.OutboxStats(context.Background()); st.Pending != 0 {
			t.Fatalf("queued %d", st.Pending)
		}
	})
}

// TestOutreachBroadcastQuotaNeedsAnAdmin: a broadcast that needs more LINE
// pushes than the month has left is refused for a 採用担当 (even if they
// tick the box by hand), and a 管理者 sends it by ticking
// 「上限を超えても送信する（管理者の確認）」, which is recorded.
func TestOutreachBroadcastQuotaNeedsAnAdmin(t *testing.T) {
	forEachOutreach(t, fixedQuota(198, 200), func(t *testing.T, e *outreachEnv) {
		rec, csrfR := e.slackStaff("rec@example.jp", "採用 二郎", "", bot.RoleRecruiter)
		boss, csrfB := e.slackStaff("boss@example.jp", "管理 一郎", "", bot.RoleAdmin)
		e.students3()
		seg := e.kitamiSegment(rec, csrfR)
		b := e.createBroadcast(rec, csrfR, url.Values{"title": {"説明会のご案内"}, "text": {"説明会を開きます。"}, "segment": {itoa(seg.ID)}})
		page := broadcastURL(b.ID)
		r := e.do(rec, http.MethodGet, page, nil, nil)
		wantBody(t, r, "この配信で使うLINE送信数: 3通 / 今月の残り: 2通", "今月の残り送信数を超えます。送信には管理者の確認が必要です。")
		if strings.Contains(r.Body, `name="over_quota"`) {
			t.Error("a 採用担当 is offered to go beyond the quota")
		}
		for _, over := range []string{"", "1"} {
			r = e.do(rec, http.MethodPost, page+"/send", url.Values{"csrf": {csrfR}, "version": {"1"}, "when": {"now"}, "over_quota": {over}}, nil)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, "LINEの今月の残り送信数（2通）を超えます（必要: 3通）", "管理者に送信を依頼")
		}
		if got := e.broadcast(b.ID); got.State != bot.BroadcastDraft {
			t.Fatalf("refused but %+v", got)
		}

		r = e.do(boss, http.MethodGet, page, nil, nil)
		wantBody(t, r, `name="over_quota" value="1"`, "上限を超えても送信する（管理者の確認）")
		r = e.do(boss, http.MethodPost, page+"/send", url.Values{"csrf": {csrfB}, "version": {"1"}, "when": {"now"}}, nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "LINEの今月の残り送信数（2通）を超えます", `name="over_quota" value="1"`)
		wantRedirect(t, e.do(boss, http.MethodPost, page+"/send", url.Values{"csrf": {csrfB}, "version": {"1"}, "when": {"now"},
			"over_quota": {"1"}}, nil), page+"?msg=broadcast_sending")
		got := e.broadcast(b.ID)
		if got.State != bot.BroadcastScheduled || got.QuotaAllowedBy == "" {
			t.Fatalf("allowed but %+v", got)
		}
		wantBody(t, e.do(boss, http.MethodGet, page, nil, nil), "上限を超える送信", "管理 一郎（管理画面）が許可")
		r = e.do(boss, http.MethodGet, "/admin/audit", nil, nil)
		wantBody(t, r, "セグメントを作成：北見工大の学生（LINE）", "一斉配信を作成：「説明会のご案内」", "一斉配信の送信を予約：「説明会のご案内」")
	})
}

// TestOutreachBroadcastScheduleNightAndCancel: a time in the night must be
// confirmed; a past or malformed time is refused; a scheduled broadcast
// shows in the list with its JST time and can be cancelled once; a stale
// edit or send is refused with the newer version shown.
func TestOutreachBroadcastScheduleNightAndCancel(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		c, csrf := e.slackStaff("rec@example.jp", "採用 二郎", "", bot.RoleRecruiter)
		other, csrfO := e.slackStaff("other@example.jp", "別の 担当", "", bot.RoleRecruiter)
		seg := e.createSegment(c, csrf, url.Values{"name": {"全員"}})
		b := e.createBroadcast(c, csrf, url.Values{"title": {"夜のお知らせ"}, "text": {"こんばんは"}, "segment": {itoa(seg.ID)}})
		page := broadcastURL(b.ID)
		jst := time.FixedZone("JST", 9*60*60)
		now := e.clock.Now().In(jst)
		night := time.Date(now.Year(), now.Month(), now.Day()+1, 22, 0, 0, 0, jst)
		send := func(cl *http.Client, token, version, at string, extra ...string) response {
			form := url.Values{"csrf": {token}, "version": {version}, "when": {"at"}, "send_at": {at}}
			for i := 0; i+1 < len(extra); i += 2 {
				form.Set(extra[i], extra[i+1])
			}
			return e.do(cl, http.MethodPost, page+"/send", form, nil)
		}

		r := send(c, csrf, "1", now.Add(-24*time.Hour).Format("2006-01-02T15:04"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "送信日時が過ぎています。これから先の日時を指定してください。")
		r = send(c, csrf, "1", "来週の月曜")
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "送信日時を「2026/12/10 10:00」のように入力してください。", `value="来週の月曜"`)
		r = send(c, csrf, "1", night.Format("2006-01-02T15:04"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, night.Format("2006/01/02 15:04")+" は夜間（21:00〜8:00）です", `name="night" value="1"`,
			`name="when" value="at" checked`, `value="`+night.Format("2006-01-02T15:04")+`"`)
		if got := e.broadcast(b.ID); got.State != bot.BroadcastDraft {
			t.Fatalf("not confirmed but %+v", got)
		}

		// Someone edits the draft meanwhile: the edit and the send of the
		// page opened before are refused, showing the newer version.
		pageOld := e.do(c, http.MethodGet, page+"/edit", nil, nil)
		wantRedirect(t, e.do(other, http.MethodPost, page+"/edit", url.Values{"csrf": {csrfO}, "version": {"1"}, "title": {"夜のお知らせ（修正）"},
			"text": {"こんばんは。修正しました"}, "segment": {itoa(seg.ID)}, "buttons": {"person"}}, nil), page+"?msg=broadcast_saved")
		r = e.do(c, http.MethodPost, page+"/edit", url.Values{"csrf": {csrf}, "version": {versionOf(t, pageOld)}, "title": {"私の修正"},
			"text": {"こんばんは"}, "segment": {itoa(seg.ID)}}, nil)
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "ほかの方が先に保存しました", "夜のお知らせ（修正）", "こんばんは。修正しました", "担当者と話す", `value="私の修正"`,
			`name="version" value="2"`)
		r = send(c, csrf, "1", night.Format("2006-01-02T15:04"), "night", "1")
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "ほかの方が変更しました", "こんばんは。修正しました", `name="version" value="2"`)

		wantRedirect(t, send(c, csrf, "2", night.Format("2006-01-02T15:04"), "night", "1"), page+"?msg=broadcast_scheduled")
		got := e.broadcast(b.ID)
		if got.State != bot.BroadcastScheduled || !got.SendAt.Equal(night) {
			t.Fatalf("scheduled %+v, want at %v", got, night)
		}
		r = e.do(c, http.MethodGet, "/admin/broadcasts", nil, nil)
		wantBody(t, r, "夜のお知らせ（修正）", `<span class="badge broadcast-scheduled">予約済み</span>`, night.Format("2006/01/02 15:04"))
		if run := e.run(nil); run.Queued != 0 {
			t.Fatalf("queued before its time: %+v", run)
		}

		// 中止: once.
		wantRedirect(t, e.do(c, http.MethodPost, page+"/cancel", url.Values{"csrf": {csrf}}, nil), page+"?msg=broadcast_cancelled")
		if got := e.broadcast(b.ID); got.State != bot.BroadcastCancelled {
			t.Fatalf("after cancel %+v", got)
		}
		r = e.do(c, http.MethodGet, page+"?msg=broadcast_cancelled", nil, nil)
		wantBody(t, r, "配信を中止しました。", `<span class="badge broadcast-cancelled">中止</span>`)
		if strings.Contains(r.Body, "配信を中止する") || strings.Contains(r.Body, `action="`+page+`/send"`) {
			t.Error("a cancelled broadcast still offers actions")
		}
		wantStatus(t, e.do(c, http.MethodPost, page+"/cancel", url.Values{"csrf": {csrf}}, nil), http.StatusConflict)
		wantStatus(t, e.do(c, http.MethodGet, "/admin/broadcasts/999999", nil, nil), http.StatusNotFound)
		e.clock.Advance(48 * time.Hour)
		if run := e.run(nil); run.Queued != 0 {
			t.Fatalf("a cancelled broadcast was queued: %+v", run)
		}
	})
}

// TestOutreachBroadcastValidation: what the domain refuses comes back next
// to each field with what was typed kept; nothing is stored.
func TestOutreachBroadcastValidation(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		e.login()
		csrf := e.csrf()
		seg := e.createSegment(e.client, csrf, url.Values{"name": {"全員"}})
		for _, c := range []struct {
			form url.Values
			want []string
		}{
			{url.Values{"title": {""}, "text": {"本文"}, "segment": {itoa(seg.ID)}}, []string{"件名（管理用）を入力してください。"}},
			{url.Values{"title": {"件名"}, "text": {"  "}, "segment": {itoa(seg.ID)}}, []string{"本文を入力してください。", `value="件名"`}},
			{url.Values{"title": {"件名"}, "text": {strings.Repeat("あ", 2001)}, "segment": {itoa(seg.ID)}}, []string{"本文は2000文字以内で入力してください。"}},
			{url.Values{"title": {"件名"}, "text": {"本文"}}, []string{"送信先のセグメントを選んでください。"}},
			{url.Values{"title": {"件名"}, "text": {"本文"}, "segment": {"999999"}}, []string{"送信先のセグメントが見つかりません。"}},
			{url.Values{"title": {"件名"}, "text": {"本文"}, "segment": {itoa(seg.ID)}, "buttons": {"coupon"}}, []string{"ボタンは一覧から選んでください。"}},
		} {
			c.form.Set("csrf", csrf)
			r := e.post("/admin/broadcasts", c.form)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, append(c.want, "入力内容をご確認ください")...)
		}
		if list, err := e.store.ListBroadcasts(context.Background(), 0); err != nil || len(list) != 0 {
			t.Errorf("stored %v %v", list, err)
		}
	})
}

// leftQuota is a LINE quota with n pushes left this month.
type leftQuota int64

// QuotaLeft implements bot.Quota.
func (q leftQuota) QuotaLeft(context.Context) (int64, bool, error) { return int64(q), true, nil }

// TestOutreachBroadcastHeldForTheQuota: a broadcast scheduled while the
// quota sufficed is held when its time comes and the month has too few
// pushes left; its page says so, a 採用担当 cannot send it again, and a
// 管理者 sends it beyond the quota.
func TestOutreachBroadcastHeldForTheQuota(t *testing.T) {
	forEachOutreach(t, fixedQuota(0, 200), func(t *testing.T, e *outreachEnv) {
		rec, csrfR := e.slackStaff("rec@example.jp", "採用 二郎", "", bot.RoleRecruiter)
		boss, csrfB := e.slackStaff("boss@example.jp", "管理 一郎", "", bot.RoleAdmin)
		e.students3()
		seg := e.kitamiSegment(rec, csrfR)
		b := e.createBroadcast(rec, csrfR, url.Values{"title": {"説明会のご案内"}, "text": {"説明会を開きます。"}, "segment": {itoa(seg.ID)}})
		page := broadcastURL(b.ID)
		wantRedirect(t, e.do(rec, http.MethodPost, page+"/send", url.Values{"csrf": {csrfR}, "version": {"1"}, "when": {"now"}}, nil),
			page+"?msg=broadcast_sending")
		if run := e.run(leftQuota(1)); run.Held != 1 || run.Queued != 0 {
			t.Fatalf("run %+v", run)
		}
		got := e.broadcast(b.ID)
		if got.State != bot.BroadcastHeld {
			t.Fatalf("not held: %+v", got)
		}
		r := e.do(rec, http.MethodGet, page, nil, nil)
		wantBody(t, r, bot.BroadcastHeld.Label(), "LINEの今月の残り送信数では足りないため保留しています", `action="`+page+`/send"`, "配信を中止する")
		if strings.Contains(r.Body, `name="over_quota"`) {
			t.Error("a 採用担当 is offered to go beyond the quota")
		}
		r = e.do(boss, http.MethodGet, page, nil, nil)
		wantBody(t, r, `name="over_quota" value="1"`)
		wantRedirect(t, e.do(boss, http.MethodPost, page+"/send", url.Values{"csrf": {csrfB}, "version": {itoa(int64(got.Version))},
			"when": {"now"}, "over_quota": {"1"}}, nil), page+"?msg=broadcast_sending")
		if run := e.run(leftQuota(1)); run.Queued != 3 {
			t.Fatalf("the allowed broadcast was not queued: %+v", run)
		}
	})
}
