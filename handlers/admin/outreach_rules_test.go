package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// ruleForm is a valid automatic message's form.
func ruleForm(csrf string) url.Values {
	return url.Values{"csrf": {csrf}, "name": {"内定のお祝い"}, "trigger": {"status"}, "status": {"offer"}, "event_kind": {""},
		"days": {"0"}, "segment": {"0"}, "text": {"内定おめでとうございます！<script>x</script>"}, "buttons": {"person"},
		"quiet_start": {"21"}, "quiet_end": {"8"}}
}

// TestOutreachRulesCreateEnableDisable: a 採用担当 creates an automatic
// message (off by default, quiet 21:00–8:00), switches it on; an
// application that reaches the status afterwards gets it once, which the
// list counts; switching it off stops it. A stale edit shows the newer
// version.
func TestOutreachRulesCreateEnableDisable(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		ctx := context.Background()
		c, csrf := e.slackStaff("rec@example.jp", "採用 二郎", "", bot.RoleRecruiter)
		wantBody(t, e.do(c, http.MethodGet, "/admin/rules", nil, nil), "自動メッセージはまだありません", `href="/admin/rules/new"`)
		r := e.do(c, http.MethodGet, "/admin/rules/new", nil, nil)
		wantBody(t, r, `<option value="21" selected>21:00</option>`, `<option value="8" selected>8:00</option>`,
			`name="trigger" value="status" checked`, bot.TriggerFollow.Label(), bot.TriggerAttended.Label(), `name="enabled" value="1">`)

		// 「プレビュー」 shows the message with the 配信停止 line and stores nothing.
		preview := ruleForm(csrf)
		preview.Set("action", "preview")
		r = e.do(c, http.MethodPost, "/admin/rules", preview, nil)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, stopFooter, "<li>担当者と話す</li>", "内定おめでとうございます！&lt;script&gt;x&lt;/script&gt;")

		wantRedirect(t, e.do(c, http.MethodPost, "/admin/rules", ruleForm(csrf), nil), "/admin/rules?msg=rule_created")
		rules, err := e.store.ListRules(ctx)
		if err != nil || len(rules) != 1 || rules[0].Enabled || rules[0].Quiet != bot.DefaultQuietHours || rules[0].Status != bot.StatusOffer {
			t.Fatalf("created %+v %v", rules, err)
		}
		rule := rules[0]
		r = e.do(c, http.MethodGet, "/admin/rules?msg=rule_created", nil, nil)
		wantBody(t, r, "自動メッセージを作成しました", "内定のお祝い", "応募状況が「"+bot.StatusOffer.Label()+"」になってすぐ",
			"指定なし（すべての学生）", "21:00〜8:00", `<span class="badge badge-off">停止中</span>`, `data-count="sent">0<`, "有効にする")

		// Switched on: only what happens from now on counts.
		before := addApplication(t, e.store, "U-rule-0", "北見 前子", "")
		setStatus(t, e, before.ID, bot.StatusOffer)
		e.clock.Advance(time.Second)
		toggle := "/admin/rules/" + itoa(rule.ID) + "/enabled"
		wantRedirect(t, e.do(c, http.MethodPost, toggle, url.Values{"csrf": {csrf}, "enabled": {"yes"}}, nil), "/admin/rules?msg=rule_enabled")
		if got := e.rule(rule.ID); !got.Enabled || got.EnabledAt.IsZero() {
			t.Fatalf("enabled %+v", got)
		}
		e.clock.Advance(time.Second)
		app := addApplication(t, e.store, "U-rule-1", "北見 後子", "")
		setStatus(t, e, app.ID, bot.StatusOffer)
		if run := e.run(nil); run.Queued != 1 {
			t.Fatalf("run %+v", run)
		}
		e.settle()
		if got := e.pushesTo("U-rule-1"); len(got) == 0 || !strings.Contains(got[len(got)-1], "内定おめでとうございます") {
			t.Fatalf("pushes to the student: %q", got)
		}
		if got := e.pushesTo("U-rule-0"); len(got) != 0 && strings.Contains(got[len(got)-1], "内定おめでとうございます") {
			t.Fatalf("a student who qualified before the rule was on got it: %q", got)
		}
		r = e.do(c, http.MethodGet, "/admin/rules?msg=rule_enabled", nil, nil)
		wantBody(t, r, "自動メッセージを有効にしました", `<span class="badge badge-on">有効</span>`, `data-count="sent">1<`, "停止する")

		wantRedirect(t, e.do(c, http.MethodPost, toggle, url.Values{"csrf": {csrf}, "enabled": {"no"}}, nil), "/admin/rules?msg=rule_disabled")
		if got := e.rule(rule.ID); got.Enabled {
			t.Fatalf("still on %+v", got)
		}
		wantBody(t, e.do(c, http.MethodGet, "/admin/rules", nil, nil), `<span class="badge badge-off">停止中</span>`, `data-count="sent">1<`)
		wantStatus(t, e.do(c, http.MethodPost, toggle, url.Values{"csrf": {csrf}, "enabled": {"maybe"}}, nil), http.StatusBadRequest)

		// Edit: an attended rule with a segment and other quiet hours; a
		// stale edit is refused with the newer version shown.
		seg := e.createSegment(c, csrf, url.Values{"name": {"未応募"}, "applied": {"no"}})
		edit := "/admin/rules/" + itoa(rule.ID) + "/edit"
		r = e.do(c, http.MethodGet, edit, nil, nil)
		wantBody(t, r, `value="内定のお祝い"`, `<option value="offer" selected>`, `name="buttons" value="person" checked`)
		version := versionOf(t, r)
		form := ruleForm(csrf)
		form.Set("version", version)
		form.Set("name", "説明会のお礼")
		form.Set("trigger", "attended")
		form.Set("event_kind", "session")
		form.Set("days", "3")
		form.Set("segment", itoa(seg.ID))
		form.Set("quiet_start", "22")
		form.Set("quiet_end", "9")
		form.Set("enabled", "1")
		wantRedirect(t, e.do(c, http.MethodPost, edit, form, nil), "/admin/rules?msg=rule_saved")
		got := e.rule(rule.ID)
		if got.Trigger != bot.TriggerAttended || got.EventKind != bot.EventSession || got.Status != "" || got.Days != 3 ||
			got.SegmentID != seg.ID || got.Quiet != (bot.QuietHours{Start: 22, End: 9}) || !got.Enabled {
			t.Fatalf("after edit %+v", got)
		}
		wantBody(t, e.do(c, http.MethodGet, "/admin/rules", nil, nil), "説明会に出席して（終了から）3日後", "未応募", "22:00〜9:00",
			`<span class="badge badge-on">有効</span>`)
		form.Set("name", "古い版からの編集")
		r = e.do(c, http.MethodPost, edit, form, nil)
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "ほかの方が先に保存しました", "説明会のお礼", "説明会に出席して（終了から）3日後", `value="古い版からの編集"`)
		if got := e.rule(rule.ID); got.Name != "説明会のお礼" {
			t.Fatalf("the stale edit was saved: %+v", got)
		}
		wantStatus(t, e.do(c, http.MethodGet, "/admin/rules/999999/edit", nil, nil), http.StatusNotFound)
	})
}

// setStatus changes an application's status through the engine, as staff
// do.
func setStatus(t *testing.T, e *outreachEnv, id int64, to bot.Status) {
	t.Helper()
	if _, _, err := e.engine.SetApplicationStatus(context.Background(), id, to, "test"); err != nil {
		t.Fatal(err)
	}
}

// TestOutreachRuleValidation: what the domain refuses, and what is no
// number, comes back next to its field; nothing is stored.
func TestOutreachRuleValidation(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		e.login()
		csrf := e.csrf()
		for _, c := range []struct {
			field, value string
			want         string
		}{
			{"name", "", "名前を入力してください。"},
			{"trigger", "birthday", "きっかけを一覧から選んでください。"},
			{"status", "", "応募状況を一覧から選んでください。"},
			{"days", "三", "日数を半角の数字で入力してください（0なら当日）。"},
			{"days", "61", "日数は0〜60で入力してください。"},
			{"segment", "999999", "送信先のセグメントが見つかりません。"},
			{"text", "", "本文を入力してください。"},
			{"buttons", "coupon", "ボタンは一覧から選んでください。"},
			{"quiet_start", "24", "送信しない時間帯は0〜23時で入力してください。"},
			{"quiet_end", "夜", "送信しない時間帯は0〜23時から選んでください。"},
		} {
			form := ruleForm(csrf)
			form.Set(c.field, c.value)
			r := e.post("/admin/rules", form)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, c.want, "入力内容をご確認ください")
		}
		if list, err := e.store.ListRules(context.Background()); err != nil || len(list) != 0 {
			t.Errorf("stored %v %v", list, err)
		}
	})
}
