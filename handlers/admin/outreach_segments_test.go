package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

// versionPattern finds an editor's version in a page.
var versionPattern = regexp.MustCompile(`name="version" value="(\d+)"`)

// versionOf reads the version an editor page carries.
func versionOf(t *testing.T, r response) string {
	t.Helper()
	m := versionPattern.FindStringSubmatch(r.Body)
	if m == nil {
		t.Fatalf("no version on %s:\n%s", r.Request.URL, clip(r.Body))
	}
	return m[1]
}

// TestOutreachSegmentCount: a 採用担当 creates a segment with every kind of
// condition the editor has; the list shows what it selects and who is in
// it now (all, reachable, on LINE), and a student who writes 「配信停止」
// drops out of the reachable ones at once. 「人数を確認」 counts without
// saving.
func TestOutreachSegmentCount(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		ctx := context.Background()
		c, csrf := e.slackStaff("rec@example.jp", "採用 二郎", "", bot.RoleRecruiter)
		e.students3()
		src := e.createSource(c, csrf, "北見工業大学 12月説明会", "session", "")
		r := e.do(c, http.MethodGet, "/admin/segments", nil, nil)
		wantBody(t, r, "セグメントはまだありません", `href="/admin/segments/new"`, `href="/admin/broadcasts"`, ">配信</a>",
			`href="/admin/rules"`)
		wantBody(t, e.do(c, http.MethodGet, "/admin/segments/new", nil, nil), `name="channels" value="line"`,
			`name="sources" value="`+itoa(src.ID)+`"`, "北見工業大学 12月説明会", `name="statuses" value="offer"`,
			`name="applied" value="yes"`, `name="event_kind" value="session"`, `name="active_days"`, `name="inactive_days"`)

		// 「人数を確認」 counts what was typed and stores nothing.
		form := url.Values{"name": {"北見工大 2027年卒 LINE"}, "channels": {"line"}, "school": {"北見"}, "grad_year": {"２０２７"},
			"applied": {"yes"}, "booked": {""}, "attended": {""}, "event_kind": {""}, "active_days": {""}, "inactive_days": {""}}
		count := url.Values{"csrf": {csrf}, "action": {"count"}}
		for k, v := range form {
			count[k] = v
		}
		r = e.do(c, http.MethodPost, "/admin/segments", count, nil)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "合計 3名・配信できる 3名（うちLINE 3名）", "学校名に「北見」を含む", `value="北見工大 2027年卒 LINE"`)
		if segs, _ := e.store.ListSegments(ctx); len(segs) != 0 {
			t.Fatalf("counting stored %+v", segs)
		}

		seg := e.createSegment(c, csrf, form)
		if seg.Filter.GradYear != 2027 || seg.Filter.School != "北見" || seg.Filter.Applied != bot.PresenceYes ||
			len(seg.Filter.Channels) != 1 || seg.CreatedBy == "" || seg.Version != 1 {
			t.Fatalf("stored %+v", seg)
		}
		all := e.createSegment(c, csrf, url.Values{"name": {"全員"}})
		r = e.do(c, http.MethodGet, "/admin/segments?msg=segment_created", nil, nil)
		wantBody(t, r, "セグメントを作成しました", "北見工大 2027年卒 LINE",
			"チャネル: LINE、学校名に「北見」を含む、2027年卒業（見込み）、応募あり", "すべての学生",
			`id="segment-`+itoa(seg.ID)+`"`, `data-count="total">3<`, `data-count="reachable">3<`, `data-count="line">3<`,
			// 全員: three applicants and a newcomer on LINE, one student on Slack.
			`data-count="total">5<`, `data-count="reachable">5<`, `data-count="line">4<`)

		// A student asks for no more announcements: still in the segment,
		// no longer reachable.
		e.students().say("U-seg-1", "配信停止")
		r = e.do(c, http.MethodGet, "/admin/segments", nil, nil)
		wantBody(t, r, `data-count="total">3<`, `data-count="reachable">2<`, `data-count="line">2<`)

		// The editor shows the stored segment and its count; a source and
		// a presence survive the round trip.
		edit := segmentEditURL(all.ID)
		r = e.do(c, http.MethodGet, edit, nil, nil)
		wantBody(t, r, `value="全員"`, "合計 5名・配信できる 4名（うちLINE 3名）", `name="applied" value="" checked`)
		wantRedirect(t, e.do(c, http.MethodPost, edit, url.Values{"csrf": {csrf}, "version": {versionOf(t, r)}, "name": {"説明会の経路・未応募"},
			"sources": {itoa(src.ID)}, "applied": {"no"}, "booked": {"yes"}, "event_kind": {"session"}, "inactive_days": {"30"}}, nil),
			"/admin/segments?msg=segment_saved")
		got, err := e.store.SegmentByID(ctx, all.ID)
		if err != nil || got.Version != 2 || got.Filter.Applied != bot.PresenceNo || got.Filter.Booked != bot.PresenceYes ||
			got.Filter.EventKind != bot.EventSession || got.Filter.InactiveDays != 30 || len(got.Filter.Sources) != 1 {
			t.Fatalf("after edit %+v %v", got, err)
		}
		wantBody(t, e.do(c, http.MethodGet, "/admin/segments", nil, nil),
			"流入経路: 北見工業大学 12月説明会、応募なし、説明会の予約あり、30日以上メッセージなし")
		wantBody(t, e.do(c, http.MethodGet, edit, nil, nil), `name="sources" value="`+itoa(src.ID)+`" checked`,
			`name="applied" value="no" checked`, `name="booked" value="yes" checked`, `name="event_kind" value="session" checked`,
			`name="inactive_days" value="30"`)
		wantStatus(t, e.do(c, http.MethodGet, "/admin/segments/999999/edit", nil, nil), http.StatusNotFound)
	})
}

// segmentEditURL is the editor of segment id.
func segmentEditURL(id int64) string { return "/admin/segments/" + itoa(id) + "/edit" }

// TestOutreachSegmentValidation: what the domain refuses, and what is no
// number, comes back next to its field with what was typed kept; nothing
// is stored.
func TestOutreachSegmentValidation(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		e.login()
		csrf := e.csrf()
		for _, c := range []struct {
			form url.Values
			want []string
		}{
			{url.Values{"name": {""}}, []string{"名前を入力してください。", `aria-describedby="name-error" aria-invalid="true"`}},
			{url.Values{"name": {strings.Repeat("長", 61)}}, []string{"名前は60文字以内で入力してください。"}},
			{url.Values{"name": {"卒業年"}, "grad_year": {"二千二十七"}}, []string{"卒業年は西暦の数字で入力してください（例：2027）。", `value="二千二十七"`}},
			{url.Values{"name": {"卒業年"}, "grad_year": {"1990"}}, []string{"の西暦で入力してください。", `value="1990"`}},
			{url.Values{"name": {"日数"}, "active_days": {"99999"}}, []string{"日数は0〜3650で入力してください。"}},
			{url.Values{"name": {"日数"}, "inactive_days": {"三十"}}, []string{"日数は半角の数字で入力してください"}},
			{url.Values{"name": {"チャネル"}, "channels": {"cli"}}, []string{"チャネルは LINE・Slack・Webチャットから選んでください。"}},
			{url.Values{"name": {"応募"}, "applied": {"maybe"}}, []string{"条件は「指定しない」「あり」「なし」から選んでください。"}},
			{url.Values{"name": {"状況"}, "statuses": {"hired"}}, []string{"応募状況は一覧から選んでください。"}},
		} {
			c.form.Set("csrf", csrf)
			r := e.post("/admin/segments", c.form)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, append(c.want, "入力内容をご確認ください")...)
		}
		if segs, err := e.store.ListSegments(context.Background()); err != nil || len(segs) != 0 {
			t.Errorf("stored %v %v", segs, err)
		}
	})
}

// TestOutreachSegmentStaleEdit: two staff members edit the same segment;
// the second save is refused and shows what the first saved beside what
// the second typed, which saves once they confirm.
func TestOutreachSegmentStaleEdit(t *testing.T) {
	forEachOutreach(t, nil, func(t *testing.T, e *outreachEnv) {
		a, csrfA := e.slackStaff("a@example.jp", "佐藤 花子", "", bot.RoleRecruiter)
		b, csrfB := e.slackStaff("b@example.jp", "鈴木 一郎", "", bot.RoleAdmin)
		seg := e.createSegment(a, csrfA, url.Values{"name": {"最初の名前"}})
		edit := segmentEditURL(seg.ID)
		pageA, pageB := e.do(a, http.MethodGet, edit, nil, nil), e.do(b, http.MethodGet, edit, nil, nil)
		wantRedirect(t, e.do(a, http.MethodPost, edit, url.Values{"csrf": {csrfA}, "version": {versionOf(t, pageA)},
			"name": {"佐藤さんの案"}, "school": {"北見工業大学"}}, nil), "/admin/segments?msg=segment_saved")
		r := e.do(b, http.MethodPost, edit, url.Values{"csrf": {csrfB}, "version": {versionOf(t, pageB)}, "name": {"鈴木さんの案"},
			"grad_year": {"2027"}}, nil)
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "ほかの方が先に保存しました", "佐藤さんの案", "学校名に「北見工業大学」を含む", `value="鈴木さんの案"`,
			`name="grad_year" value="2027"`, `name="version" value="2"`)
		if got, _ := e.store.SegmentByID(context.Background(), seg.ID); got.Name != "佐藤さんの案" {
			t.Fatalf("the stale edit was saved: %+v", got)
		}
		wantRedirect(t, e.do(b, http.MethodPost, edit, url.Values{"csrf": {csrfB}, "version": {versionOf(t, r)}, "name": {"鈴木さんの案"},
			"grad_year": {"2027"}}, nil), "/admin/segments?msg=segment_saved")
		if got, _ := e.store.SegmentByID(context.Background(), seg.ID); got.Name != "鈴木さんの案" || got.Version != 3 {
			t.Fatalf("after confirming %+v", got)
		}
	})
}
