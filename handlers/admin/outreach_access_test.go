package admin_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

// outreachPages are the 配信 pages any staff member may read.
var outreachPages = []string{"/admin/segments", "/admin/segments/new", "/admin/broadcasts", "/admin/broadcasts/new",
	"/admin/rules", "/admin/rules/new"}

// TestOutreachRolesAndSessions: without a session the 配信 pages send the
// browser to the login and refuse posts; a 閲覧 account reads every page
// (without the buttons that change things) and gets 403 on every post,
// changing nothing.
func TestOutreachRolesAndSessions(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		rec, csrfR := e.slackStaff("rec@example.jp", "採用 二郎", "", bot.RoleRecruiter)
		seg := e.createSegment(rec, csrfR, url.Values{"name": {"全員"}})
		b := e.createBroadcast(rec, csrfR, url.Values{"title": {"お知らせ"}, "text": {"こんにちは"}, "segment": {itoa(seg.ID)}})
		wantRedirect(t, e.do(rec, http.MethodPost, "/admin/rules", ruleForm(csrfR), nil), "/admin/rules?msg=rule_created")
		rules, _ := e.store.ListRules(t.Context())
		rule := rules[0]
		page, ruleURL := broadcastURL(b.ID), "/admin/rules/"+itoa(rule.ID)
		posts := []string{"/admin/segments", segmentEditURL(seg.ID), "/admin/broadcasts", page + "/edit", page + "/test",
			page + "/send", page + "/cancel", "/admin/rules", ruleURL + "/edit", ruleURL + "/enabled"}
		gets := append(outreachPages, page, page+"/edit", segmentEditURL(seg.ID), ruleURL+"/edit")

		anon := newClient(t)
		for _, p := range gets {
			wantRedirect(t, e.do(anon, http.MethodGet, p, nil, nil), "/admin/login")
		}
		for _, p := range posts {
			wantRedirect(t, e.do(anon, http.MethodPost, p, url.Values{"csrf": {"x"}}, nil), "/admin/login")
		}

		e.addStaff("view@example.jp", "閲覧 三郎", bot.RoleViewer)
		viewer := e.signIn("view@example.jp")
		csrfV := e.csrfOf(viewer)
		for _, p := range gets {
			wantStatus(t, e.do(viewer, http.MethodGet, p, nil, nil), http.StatusOK)
		}
		for _, p := range []string{"/admin/segments", "/admin/broadcasts", "/admin/rules", page} {
			r := e.do(viewer, http.MethodGet, p, nil, nil)
			for _, button := range []string{"＋ セグメントを作成", "＋ 一斉配信を作成", "＋ 自動メッセージを作成", "有効にする", "送信する", "自分のSlackにテスト送信"} {
				if strings.Contains(r.Body, button) {
					t.Errorf("%s offers %q to a 閲覧 account", p, button)
				}
			}
		}
		for _, p := range posts {
			r := e.do(viewer, http.MethodPost, p, url.Values{"csrf": {csrfV}, "name": {"閲覧の変更"}, "title": {"閲覧の変更"},
				"text": {"閲覧"}, "segment": {itoa(seg.ID)}, "when": {"now"}, "version": {"1"}, "enabled": {"yes"}}, nil)
			wantStatus(t, r, http.StatusForbidden)
			wantBody(t, r, "この操作の権限がありません")
		}
		// A recruiter's post without the CSRF token is refused too.
		wantStatus(t, e.do(rec, http.MethodPost, page+"/send", url.Values{"when": {"now"}, "version": {"1"}}, nil), http.StatusForbidden)
		if got := e.broadcast(b.ID); got.State != bot.BroadcastDraft || got.Title != "お知らせ" {
			t.Fatalf("changed by a refused post: %+v", got)
		}
		if got := e.rule(rule.ID); got.Enabled {
			t.Fatalf("switched on by a refused post: %+v", got)
		}
		if segs, _ := e.store.ListSegments(t.Context()); len(segs) != 1 || segs[0].Name != "全員" {
			t.Fatalf("segments changed by refused posts: %+v", segs)
		}
	})
}

// TestOutreachOffWithoutWiring: a page wired without the outreach desk
// says the 配信 pages are off, politely, instead of failing.
func TestOutreachOffWithoutWiring(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		for _, p := range []string{"/admin/segments", "/admin/broadcasts", "/admin/rules", "/admin/broadcasts/1"} {
			r := e.get(p)
			wantStatus(t, r, http.StatusServiceUnavailable)
			wantBody(t, r, "配信の機能はこのサーバーでは使えません")
		}
	})
}
