package admin_test

import (
	"context"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	qr "github.com/piglig/go-qr"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/store"
)

// testSources adapts the store's source reads to the page's SourceStore,
// as cmd does.
type testSources struct{ *store.Store }

func (s testSources) SourceCounts(ctx context.Context) ([]admin.SourceCount, error) {
	counts, err := s.Store.SourceCounts(ctx)
	out := make([]admin.SourceCount, len(counts))
	for i, c := range counts {
		out[i] = admin.SourceCount(c)
	}
	return out, err
}

// testBasicIDValue is the LINE basic ID of the test servers.
const testBasicIDValue = "@123abcde"

// testBasicID is the test servers' LINE basic ID look-up.
func testBasicID(context.Context) (string, error) { return testBasicIDValue, nil }

// sourceIDPattern finds the source's id in the address an editor redirects to.
var sourceIDPattern = regexp.MustCompile(`^/admin/sources/(\d+)\?`)

// createSource creates a source through the page, as c, and returns it.
func (e *env) createSource(c *http.Client, csrf, name, kind, welcome string) bot.Source {
	e.t.Helper()
	r := e.do(c, http.MethodPost, "/admin/sources", url.Values{"csrf": {csrf}, "name": {name}, "kind": {kind}, "welcome": {welcome}}, nil)
	loc := wantRedirect(e.t, r, "/admin/sources/")
	m := sourceIDPattern.FindStringSubmatch(loc)
	if m == nil {
		e.t.Fatalf("created source at %q", loc)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	src, err := e.store.SourceByID(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return src
}

// arrive records that a LINE student arrived with the source's code, as
// the conversation does.
func (e *env) arrive(sourceID int64, userID string) {
	e.t.Helper()
	ctx := context.Background()
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: userID}
	err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
		c := bot.Candidate{Key: key, DisplayName: userID}
		if err := tx.SaveCandidate(ctx, &c); err != nil {
			return err
		}
		_, err := tx.TagCandidate(ctx, c.ID, sourceID, e.clock.Now())
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

// wantLINEURL is the LINE link of a source as the page must write it.
func wantLINEURL(src bot.Source) string {
	return "https://line.me/R/oaMessage/%40123abcde/?" + strings.ReplaceAll(url.QueryEscape("#"+src.Code+" "+src.Name+"から来ました"), "+", "%20")
}

// TestSourcesCreateEditDisable: a 採用担当 creates a source (it gets a
// code), sees its printable page with the LINE and web chat links, edits
// it (the code stays), disables and enables it again; the list and its
// CSV count what it brought.
func TestSourcesCreateEditDisable(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.addStaff("rec@example.jp", "採用 二郎", bot.RoleRecruiter)
		c := e.signIn("rec@example.jp")
		csrf := e.csrfOf(c)
		r := e.do(c, http.MethodGet, "/admin/sources", nil, nil)
		wantBody(t, r, "流入経路はまだありません", `href="/admin/sources/new"`)
		wantBody(t, e.do(c, http.MethodGet, "/admin/sources/new", nil, nil), `name="name"`, `value="session" checked`, "#K0612 北見工業大学 12月説明会から来ました")

		src := e.createSource(c, csrf, "北見工業大学 12月説明会", "session", "ご参加ありがとうございました！")
		if !regexp.MustCompile(`^[A-Z]\d{4}$`).MatchString(src.Code) || src.Kind != bot.SourceSession || src.CreatedBy == "" {
			t.Fatalf("created %+v", src)
		}
		page := "/admin/sources/" + itoa(src.ID)
		r = e.do(c, http.MethodGet, page+"?msg=source_created", nil, nil)
		wantBody(t, r, "流入経路を作成しました", "#"+src.Code, "ご参加ありがとうございました！",
			wantLINEURL(src),
			e.srv.URL+"/?src="+src.Code, page+"/qr.png", page+"/qr.svg?download=1", page+"/qr.png?for=web",
			"コードを停止", "編集")

		// Edit: name, kind, welcome change; the code stays.
		r = e.do(c, http.MethodPost, page+"/edit", url.Values{"csrf": {csrf}, "name": {"北見工業大学 1月説明会"},
			"kind": {"school"}, "welcome": {""}}, nil)
		wantRedirect(t, r, page+"?msg=source_saved")
		got, err := e.store.SourceByID(ctx, src.ID)
		if err != nil || got.Name != "北見工業大学 1月説明会" || got.Kind != bot.SourceSchool || got.Welcome != "" || got.Code != src.Code {
			t.Fatalf("after edit %+v %v (was %+v)", got, err, src)
		}
		wantBody(t, e.do(c, http.MethodGet, page+"/edit", nil, nil), `value="北見工業大学 1月説明会"`, "#"+src.Code, `value="school" checked`)

		// Disable and enable.
		wantRedirect(t, e.do(c, http.MethodPost, page+"/disabled", url.Values{"csrf": {csrf}, "disabled": {"yes"}}, nil), page+"?msg=source_disabled")
		if got, _ := e.store.SourceByID(ctx, src.ID); !got.Disabled {
			t.Fatal("not disabled")
		}
		wantBody(t, e.do(c, http.MethodGet, page, nil, nil), "停止中", "コードを再開", "変更の履歴",
			"流入経路を作成（#"+src.Code+"）", "コードを停止（#"+src.Code+"）", "採用 二郎")
		wantBody(t, e.do(c, http.MethodGet, "/admin/sources", nil, nil), "停止中")
		wantStatus(t, e.do(c, http.MethodPost, page+"/disabled", url.Values{"csrf": {csrf}, "disabled": {"maybe"}}, nil), http.StatusBadRequest)
		wantRedirect(t, e.do(c, http.MethodPost, page+"/disabled", url.Values{"csrf": {csrf}, "disabled": {"no"}}, nil), page+"?msg=source_enabled")
		if got, _ := e.store.SourceByID(ctx, src.ID); got.Disabled {
			t.Fatal("not enabled again")
		}

		// What it brought: two students, one applied; a third student came
		// first from another source and later from this one.
		other := e.createSource(c, csrf, "=HYPERLINK(\"http://evil.example\")", "poster", "")
		e.arrive(src.ID, "U-src-1")
		e.arrive(src.ID, "U-src-2")
		e.arrive(other.ID, "U-src-3")
		e.arrive(src.ID, "U-src-3")
		addApplication(t, e.store, "U-src-1", "北見 太郎", "")
		r = e.do(c, http.MethodGet, "/admin/sources", nil, nil)
		wantBody(t, r, `data-label="学生" class="num">2<span class="sub">流入 3回`, "50.0%", "=HYPERLINK(&#34;http://evil.example&#34;)")
		wantBody(t, e.do(c, http.MethodGet, page, nil, nil), `data-count="students">2<`, `data-count="applications">1<`)
		// The dashboard's card: the sources that brought the most students.
		wantBody(t, e.do(c, http.MethodGet, "/admin/", nil, nil), "流入経路ごとの実績", "すべての流入経路（2件）",
			`href="`+page+`"`, "北見工業大学 1月説明会", `data-label="学生" class="num">2名`, "50.0%")

		// The CSV: a BOM, a header, a row per source, formula cells defused.
		r = e.do(c, http.MethodGet, "/admin/sources.csv", nil, nil)
		wantStatus(t, r, http.StatusOK)
		if ct := r.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" || !strings.Contains(r.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("csv headers %q %q", ct, r.Header.Get("Content-Disposition"))
		}
		lines := strings.Split(strings.TrimSuffix(r.Body, "\r\n"), "\r\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[0], "\ufeffコード,名前,種類,状態,学生数") {
			t.Fatalf("csv:\n%s", r.Body)
		}
		want := src.Code + ",北見工業大学 1月説明会,学校,有効,2,3,1,0,0,50.0%,"
		if !strings.Contains(r.Body, want) {
			t.Errorf("csv lacks %q:\n%s", want, r.Body)
		}
		if !strings.Contains(r.Body, `,"'=HYPERLINK(""http://evil.example"")",ポスター,有効,1,1,0,0,0,0.0%,`) {
			t.Errorf("the formula cell is not defused:\n%s", r.Body)
		}
	})
}

// TestSourceValidation: what the engine refuses comes back next to each
// field, with what was typed kept; nothing is stored.
func TestSourceValidation(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		csrf := e.csrf()
		for _, c := range []struct {
			name, kind, welcome string
			want                []string
		}{
			{"", "session", "", []string{"名前を入力してください。", `aria-describedby="name-error" aria-invalid="true"`}},
			{strings.Repeat("長", 61), "session", "", []string{"名前は60文字以内で入力してください。"}},
			{"ポスター", "flyer", "", []string{"種類は「説明会」「学校」「ポスター」「Web」から選んでください。", `value="ポスター"`}},
			{"学内ポスター", "poster", strings.Repeat("あ", 1001), []string{"ウェルカムメッセージは1000文字以内で入力してください。", `value="学内ポスター"`, `value="poster" checked`}},
		} {
			r := e.post("/admin/sources", url.Values{"csrf": {csrf}, "name": {c.name}, "kind": {c.kind}, "welcome": {c.welcome}})
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, append(c.want, "入力内容をご確認ください")...)
		}
		if list, err := e.store.ListSources(context.Background()); err != nil || len(list) != 0 {
			t.Errorf("stored %v %v", list, err)
		}
		// An edit is checked the same way; an unknown source is 404.
		src := e.createSource(e.client, csrf, "Webサイト", "web", "")
		r := e.post("/admin/sources/"+itoa(src.ID)+"/edit", url.Values{"csrf": {csrf}, "name": {" "}, "kind": {"web"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "名前を入力してください。", "#"+src.Code)
		wantStatus(t, e.get("/admin/sources/999999"), http.StatusNotFound)
		wantStatus(t, e.get("/admin/sources/x/edit"), http.StatusNotFound)
		wantStatus(t, e.post("/admin/sources/999999/disabled", url.Values{"csrf": {csrf}, "disabled": {"yes"}}), http.StatusNotFound)
	})
}

// TestSourcesForViewers: a 閲覧 account reads the list, the page, the QR
// codes and the CSV, without the buttons that change them, and is refused
// every change; nothing changes.
func TestSourcesForViewers(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		src := e.createSource(e.client, e.csrf(), "学内ポスター", "poster", "")
		e.addStaff("view@example.jp", "見る 太郎", bot.RoleViewer)
		v := e.signIn("view@example.jp")
		vcsrf := e.csrfOf(v)
		page := "/admin/sources/" + itoa(src.ID)
		for _, p := range []string{"/admin/sources", page} {
			r := e.do(v, http.MethodGet, p, nil, nil)
			wantStatus(t, r, http.StatusOK)
			for _, button := range []string{"＋ 流入経路を作成", "コードを停止", page + "/edit"} {
				if strings.Contains(r.Body, button) {
					t.Errorf("閲覧 sees %q on %s", button, p)
				}
			}
		}
		for _, p := range []string{"/admin/sources.csv", page + "/qr.png", page + "/qr.svg?for=web"} {
			wantStatus(t, e.do(v, http.MethodGet, p, nil, nil), http.StatusOK)
		}
		for _, p := range []string{"/admin/sources", page + "/edit", page + "/disabled"} {
			r := e.do(v, http.MethodPost, p, url.Values{"csrf": {vcsrf}, "name": {"閲覧の変更"}, "kind": {"web"}, "disabled": {"yes"}}, nil)
			if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "権限がありません") {
				t.Errorf("閲覧 POST %s = %d; want 403", p, r.StatusCode)
			}
		}
		got, err := e.store.SourceByID(context.Background(), src.ID)
		if err != nil || got.Name != "学内ポスター" || got.Disabled {
			t.Errorf("the source changed: %+v %v", got, err)
		}
		if list, _ := e.store.ListSources(context.Background()); len(list) != 1 {
			t.Errorf("閲覧 created a source: %d sources", len(list))
		}
	})
}

// TestSourcePostsNeedCSRF: without the session's token (or with another),
// no source is created, edited or disabled.
func TestSourcePostsNeedCSRF(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		src := e.createSource(e.client, e.csrf(), "学内ポスター", "poster", "")
		page := "/admin/sources/" + itoa(src.ID)
		for _, p := range []string{"/admin/sources", page + "/edit", page + "/disabled"} {
			for _, token := range []string{"", "forged-token"} {
				form := url.Values{"name": {"偽の変更"}, "kind": {"web"}, "disabled": {"yes"}}
				if token != "" {
					form.Set("csrf", token)
				}
				r := e.post(p, form)
				wantStatus(t, r, http.StatusForbidden)
				wantBody(t, r, "送信を受け付けられませんでした")
			}
		}
		r := e.do(e.client, http.MethodPost, page+"/disabled", url.Values{"csrf": {e.csrf()}, "disabled": {"yes"}},
			http.Header{"Sec-Fetch-Site": {"cross-site"}})
		wantStatus(t, r, http.StatusForbidden)
		got, _ := e.store.SourceByID(context.Background(), src.ID)
		if got.Name != "学内ポスター" || got.Disabled {
			t.Errorf("the source changed: %+v", got)
		}
		if list, _ := e.store.ListSources(context.Background()); len(list) != 1 {
			t.Errorf("a source was created: %d sources", len(list))
		}
	})
}

// TestSourceQRCodes: the QR codes are a PNG that decodes to the link
// (LINE's oaMessage link, or the web chat's with ?src=) and a well-formed
// SVG; ?download=1 saves them under the code's name.
func TestSourceQRCodes(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		src := e.createSource(e.client, e.csrf(), "北見工業大学 12月説明会", "session", "")
		base := "/admin/sources/" + itoa(src.ID)
		for _, c := range []struct{ query, link, which string }{
			{"", wantLINEURL(src), "line"},
			{"?for=line", wantLINEURL(src), "line"},
			{"?for=web", e.srv.URL + "/?src=" + src.Code, "web"},
		} {
			r := e.get(base + "/qr.png" + c.query)
			wantStatus(t, r, http.StatusOK)
			if ct := r.Header.Get("Content-Type"); ct != "image/png" {
				t.Fatalf("png Content-Type %q", ct)
			}
			img, err := png.Decode(strings.NewReader(r.Body))
			if err != nil {
				t.Fatalf("png %s: %v", c.query, err)
			}
			if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 200 {
				t.Errorf("png %s is %v", c.query, b)
			}
			text, err := qr.Decode(img)
			if err != nil || text != c.link {
				t.Errorf("png %s reads %q, %v; want %q", c.query, text, err, c.link)
			}

			r = e.get(base + "/qr.svg" + c.query)
			wantStatus(t, r, http.StatusOK)
			if ct := r.Header.Get("Content-Type"); ct != "image/svg+xml" {
				t.Fatalf("svg Content-Type %q", ct)
			}
			wantWellFormedSVG(t, r.Body)

			sep := "?"
			if c.query != "" {
				sep = "&"
			}
			r = e.get(base + "/qr.svg" + c.query + sep + "download=1")
			if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename="qr-`+src.Code+`-`+c.which+`.svg"` {
				t.Errorf("svg download %q", cd)
			}
		}
		wantStatus(t, e.get(base+"/qr.png?for=fax"), http.StatusNotFound)
		wantStatus(t, e.get("/admin/sources/999999/qr.png"), http.StatusNotFound)
	})
}

// wantWellFormedSVG fails the test unless body is well-formed XML whose
// root is an svg element.
func wantWellFormedSVG(t *testing.T, body string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(body))
	d.Strict = true
	root := ""
	paths := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("svg is not well-formed XML: %v\n%s", err, clip(body))
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Space + " " + se.Name.Local
			}
			if se.Name.Local == "path" {
				paths++
			}
		}
	}
	if root != "http://www.w3.org/2000/svg svg" || paths == 0 {
		t.Errorf("svg root %q with %d paths", root, paths)
	}
}

// TestSourcesWithoutBasicID: when the LINE basic ID is not known, the page
// says what to set and offers the web chat's QR code only; the look-up's
// failure is not cached for long.
func TestSourcesWithoutBasicID(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		src := e.createSource(e.client, e.csrf(), "Webサイト", "web", "")
		var calls atomic.Int32
		var fail atomic.Bool
		fail.Store(true)
		h, err := admin.New(admin.Config{Password: password, Store: e.store, Desk: e.engine, Answerer: e.engine.Answerer(),
			PasswordCost: testHashCost, Logger: slog.New(slog.DiscardHandler), Now: e.clock.Now, Sources: testSources{e.store},
			SiteURL: "https://bot.example.jp/",
			LINEBasicID: func(context.Context) (string, error) {
				calls.Add(1)
				if fail.Load() {
					return "", errors.New("line: bot info: 500")
				}
				return testBasicIDValue, nil
			}})
		if err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		mux.Handle("/admin/", h)
		srv := httptest.NewServer(mux)
		defer srv.Close()
		other := &env{t: t, store: e.store, srv: srv, clock: e.clock, client: newClient(t)}
		other.login()
		page := "/admin/sources/" + itoa(src.ID)
		r := other.get(page)
		wantBody(t, r, "LINE_BASIC_ID", "https://bot.example.jp/?src="+src.Code, page+"/qr.png?for=web")
		if strings.Contains(r.Body, "line.me") {
			t.Error("a LINE link without a basic ID")
		}
		r = other.get(page + "/qr.png")
		wantStatus(t, r, http.StatusNotFound)
		wantBody(t, r, "LINE_BASIC_ID")
		wantStatus(t, other.get(page+"/qr.svg?for=web"), http.StatusOK)
		// LINE answers again: after a minute, the link is there.
		fail.Store(false)
		before := calls.Load()
		other.get(page)
		if calls.Load() != before {
			t.Errorf("a failure was asked again at once (%d calls)", calls.Load())
		}
		e.clock.Advance(2 * time.Minute)
		wantBody(t, other.get(page), "https://line.me/R/oaMessage/%40123abcde/?")
		e.clock.Advance(10 * time.Minute)
		n := calls.Load()
		other.get(page)
		if calls.Load() != n {
			t.Errorf("the basic ID was read again within the hour")
		}
	})
}

// TestSourcesOff: a page without a SourceStore says the feature is off.
func TestSourcesOff(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		h, err := admin.New(admin.Config{Password: password, Store: e.store, Desk: e.engine, Answerer: e.engine.Answerer(),
			PasswordCost: testHashCost, Logger: slog.New(slog.DiscardHandler), Now: e.clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		mux.Handle("/admin/", h)
		srv := httptest.NewServer(mux)
		defer srv.Close()
		other := &env{t: t, store: e.store, srv: srv, clock: e.clock, client: newClient(t)}
		other.login()
		for _, p := range []string{"/admin/sources", "/admin/sources.csv", "/admin/sources/1", "/admin/sources/1/qr.png"} {
			r := other.get(p)
			wantStatus(t, r, http.StatusServiceUnavailable)
			wantBody(t, r, "流入経路の機能はこのサーバーでは使えません")
		}
	})
}

// TestSourceTextIsEscaped: markup typed in a source's name and welcome
// message shows as text on every page, and the links stay encoded.
func TestSourceTextIsEscaped(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		const evil = `<script>alert("x")</script><img src=x>`
		e.login()
		src := e.createSource(e.client, e.csrf(), "説明会"+evil, "session", "ようこそ"+evil)
		page := "/admin/sources/" + itoa(src.ID)
		for _, p := range []string{"/admin/sources", page, page + "/edit", "/admin/"} {
			r := e.get(p)
			wantStatus(t, r, http.StatusOK)
			if strings.Contains(r.Body, "<script") || strings.Contains(r.Body, "<img src=x") {
				t.Errorf("%s: markup is not escaped", p)
			}
			if !strings.Contains(r.Body, "&lt;script&gt;") {
				t.Errorf("%s: the typed markup is not shown as text", p)
			}
		}
		wantBody(t, e.get(page), "%3Cscript%3Ealert%28%22x%22%29%3C%2Fscript%3E")
	})
}
