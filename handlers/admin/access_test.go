package admin_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/admin"
)

// pages are the GET pages that need a session.
var pages = []string{
	"/admin/", "/admin/faqs", "/admin/faqs?try=研修", "/admin/faqs/new", "/admin/faqs/training-period/edit",
	"/admin/faqs/training-period/delete", "/admin/faqs/export.yaml", "/admin/faqs/import", "/admin/misses",
	"/admin/misses/1/attach", "/admin/applications", "/admin/applications.csv", "/admin/applications/1",
	"/admin/events", "/admin/events?when=past", "/admin/events/new", "/admin/events/new?kind=interview",
	"/admin/sources", "/admin/sources.csv", "/admin/sources/new",
	"/admin/no-such-page",
}

// changes are the POST routes that change something.
var changes = []string{
	"/admin/logout", "/admin/faqs", "/admin/faqs/training-period/edit", "/admin/faqs/training-period/enabled",
	"/admin/faqs/training-period/delete", "/admin/faqs/import", "/admin/misses/1/dismiss",
	"/admin/misses/1/attach", "/admin/misses/1/phrasing", "/admin/applications/1/status",
	"/admin/events", "/admin/events/1/edit", "/admin/events/1/state", "/admin/events/1/cancel",
	"/admin/bookings/1/attendance", "/admin/calendar/rotate",
	"/admin/sources", "/admin/sources/1/edit", "/admin/sources/1/disabled",
}

func TestPagesNeedASession(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		for _, p := range pages {
			// A browser goes to the login, and comes back afterwards.
			r := e.get(p)
			loc := wantRedirect(t, r, "/admin/login")
			if p != "/admin/" && !strings.Contains(loc, "next="+url.QueryEscape(p)) {
				t.Errorf("GET %s: login %q does not lead back", p, loc)
			}
			// Anything else gets 401.
			r = e.do(e.client, http.MethodGet, p, nil, http.Header{"Accept": {"*/*"}})
			wantStatus(t, r, http.StatusUnauthorized)
		}
		for _, p := range changes {
			r := e.post(p, url.Values{"csrf": {"x"}, "status": {"offer"}})
			wantRedirect(t, r, "/admin/login")
			r = e.do(e.client, http.MethodPost, p, url.Values{}, http.Header{"Accept": {"application/json"}})
			wantStatus(t, r, http.StatusUnauthorized)
		}
		// The login page and the stylesheet are open.
		wantStatus(t, e.get("/admin/login"), http.StatusOK)
		wantStatus(t, e.get("/admin/static/admin.css"), http.StatusOK)
		wantStatus(t, e.get("/admin/static/"), http.StatusNotFound)
		// And with a session, every page answers.
		e.login()
		addApplication(t, e.store, "U-1", "北見 太郎", "")
		e.store.RecordMiss(context.Background(), "寮はありますか", "寮はありますか")
		for _, p := range pages {
			want := http.StatusOK
			if p == "/admin/no-such-page" {
				want = http.StatusNotFound
			}
			wantStatus(t, e.get(p), want)
		}
	})
}

func TestLogin(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		r := e.get("/admin/login?next=/admin/faqs")
		wantBody(t, r, `name="password"`, `name="next" value="/admin/faqs"`)

		// A wrong password: 401, a message, no session.
		r = e.post("/admin/login", url.Values{"password": {"sake"}})
		wantStatus(t, r, http.StatusUnauthorized)
		wantBody(t, r, "パスワードが正しくありません")
		if len(r.Cookies()) != 0 {
			t.Errorf("a wrong password set cookies: %v", r.Cookies())
		}
		wantRedirect(t, e.get("/admin/"), "/admin/login")

		// The right one: a session cookie, and back to where the staff member wanted to go.
		r = e.post("/admin/login", url.Values{"password": {password}, "next": {"/admin/faqs?q=寮"}})
		wantRedirect(t, r, "/admin/faqs?q=")
		c := sessionCookie(t, r)
		if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/admin/" || c.Secure || len(c.Value) < 20 {
			t.Errorf("session cookie = %+v; want HttpOnly, SameSite=Lax, path /admin/, not Secure over http", c)
		}
		wantStatus(t, e.get("/admin/"), http.StatusOK)
		// Logged in, the login page goes on to the dashboard.
		wantRedirect(t, e.get("/admin/login"), "/admin/")

		// Never a redirect elsewhere.
		for _, next := range []string{"https://evil.example/", "//evil.example/admin/", "/\\evil.example", "/elsewhere"} {
			r = e.do(newClient(t), http.MethodPost, "/admin/login", url.Values{"password": {password}, "next": {next}}, nil)
			if loc := r.Header.Get("Location"); loc != "/admin/" {
				t.Errorf("next=%q redirected to %q, want /admin/", next, loc)
			}
		}
	})
}

func TestSecureCookieBehindHTTPSProxy(t *testing.T) {
	forEachEngineTrusting(t, loopback, func(t *testing.T, e *env) {
		r := e.do(e.client, http.MethodPost, "/admin/login", url.Values{"password": {password}},
			http.Header{"X-Forwarded-Proto": {"https"}})
		if c := sessionCookie(t, r); !c.Secure {
			t.Errorf("behind an HTTPS proxy the cookie is not Secure: %+v", c)
		}
	})
}

func TestLoginSlowsDownAfterFailures(t *testing.T) {
	forEachEngineTrusting(t, loopback, func(t *testing.T, e *env) {
		for i := range 5 {
			r := e.post("/admin/login", url.Values{"password": {"guess"}})
			wantStatus(t, r, http.StatusUnauthorized)
			_ = i
		}
		// Now even the right password must wait.
		r := e.post("/admin/login", url.Values{"password": {password}})
		wantStatus(t, r, http.StatusTooManyRequests)
		wantBody(t, r, "しばらく受け付けを止めています")
		if r.Header.Get("Retry-After") == "" {
			t.Error("no Retry-After")
		}
		// Another address is not slowed down (a trusted proxy says who the client is).
		other := e.do(newClient(t), http.MethodPost, "/admin/login", url.Values{"password": {password}},
			http.Header{"X-Forwarded-For": {"203.0.113.7"}})
		wantRedirect(t, other, "/admin/")
		// After the wait, it works, and the count starts again.
		e.clock.Advance(3 * time.Second)
		e.login()
		r = e.do(newClient(t), http.MethodPost, "/admin/login", url.Values{"password": {"guess"}}, nil)
		wantStatus(t, r, http.StatusUnauthorized)
	})
}

func TestLogoutEndsTheSession(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		r := e.post("/admin/login", url.Values{"password": {password}})
		stolen := sessionCookie(t, r)
		csrf := e.csrf()
		r = e.post("/admin/logout", url.Values{"csrf": {csrf}})
		wantRedirect(t, r, "/admin/login")
		if c := sessionCookie(t, r); c.MaxAge >= 0 {
			t.Errorf("logout did not clear the cookie: %+v", c)
		}
		wantRedirect(t, e.get("/admin/"), "/admin/login")
		wantBody(t, e.get("/admin/login?msg=loggedout"), "ログアウトしました")
		// The old token is dead in the database, not just forgotten by this browser.
		r = e.do(newClient(t), http.MethodGet, "/admin/", nil, http.Header{"Cookie": {stolen.Name + "=" + stolen.Value}})
		wantRedirect(t, r, "/admin/login")
	})
}

func TestSessionsExpire(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		e.clock.Advance(admin.DefaultSessionTTL - time.Minute)
		wantStatus(t, e.get("/admin/"), http.StatusOK)
		e.clock.Advance(2 * time.Minute)
		wantRedirect(t, e.get("/admin/"), "/admin/login")
		r := e.do(e.client, http.MethodGet, "/admin/applications.csv", nil, http.Header{"Accept": {"text/csv"}})
		wantStatus(t, r, http.StatusUnauthorized)
	})
}

func TestPostsWithoutCSRFTokenChangeNothing(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		app := addApplication(t, e.store, "U-csrf", "北見 太郎", "")
		if err := e.store.RecordMiss(ctx, "寮はありますか", "寮はありますか"); err != nil {
			t.Fatal(err)
		}
		before, err := e.store.FAQ(ctx, "training-period")
		if err != nil {
			t.Fatal(err)
		}
		posts := []struct {
			path string
			form url.Values
		}{
			{"/admin/faqs/training-period/delete", url.Values{}},
			{"/admin/faqs/training-period/enabled", url.Values{"enabled": {"false"}, "version": {"1"}}},
			{"/admin/faqs/training-period/edit", url.Values{"question": {"x"}, "answer": {"x"}, "category": {"x"}, "version": {"1"}}},
			{"/admin/faqs", url.Values{"id": {"new-one"}, "question": {"x"}, "answer": {"x"}, "category": {"x"}}},
			{"/admin/applications/" + itoa(app.ID) + "/status", url.Values{"status": {"offer"}}},
			{"/admin/misses/1/dismiss", url.Values{}},
			{"/admin/misses/1/phrasing", url.Values{"faq": {"training-period"}}},
			{"/admin/logout", url.Values{}},
		}
		for _, p := range posts {
			for _, token := range []string{"", "forged-token"} {
				form := url.Values{}
				for k, v := range p.form {
					form[k] = v
				}
				if token != "" {
					form.Set("csrf", token)
				}
				r := e.post(p.path, form)
				wantStatus(t, r, http.StatusForbidden)
				wantBody(t, r, "送信を受け付けられませんでした")
			}
		}
		// A valid token from a cross-site page is refused too.
		r := e.do(e.client, http.MethodPost, "/admin/faqs/training-period/delete", url.Values{"csrf": {e.csrf()}},
			http.Header{"Sec-Fetch-Site": {"cross-site"}})
		wantStatus(t, r, http.StatusForbidden)

		after, err := e.store.FAQ(ctx, "training-period")
		if err != nil || after.Version != before.Version || !after.Enabled {
			t.Errorf("the entry changed: %+v, %v", after, err)
		}
		if _, err := e.store.FAQ(ctx, "new-one"); !errors.Is(err, bot.ErrNotFound) {
			t.Errorf("an entry was created: %v", err)
		}
		if got, _ := e.store.Application(ctx, app.ID); got.Status != bot.StatusSubmitted {
			t.Errorf("status = %s, want unchanged", got.Status)
		}
		if misses, _ := e.store.ListMisses(ctx, 0); len(misses) != 1 {
			t.Errorf("misses = %v, want the one still there", misses)
		}
		wantStatus(t, e.get("/admin/"), http.StatusOK) // still logged in
	})
}

func TestSecurityHeaders(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		check := func(r response) {
			t.Helper()
			h := r.Header
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'none'", "frame-ancestors 'none'", "form-action 'self'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("%s: CSP %q lacks %q", r.Request.URL.Path, csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "script-src") {
				t.Errorf("%s: CSP %q allows scripts", r.Request.URL.Path, csp)
			}
			for k, want := range map[string]string{"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
				"Referrer-Policy": "same-origin"} {
				if got := h.Get(k); got != want {
					t.Errorf("%s: %s = %q, want %q", r.Request.URL.Path, k, got, want)
				}
			}
			if strings.Contains(r.Body, "<script") || strings.Contains(r.Body, " style=") || strings.Contains(r.Body, "http://") ||
				strings.Contains(r.Body, "https://") {
				t.Errorf("%s: the page has a script, an inline style or an external resource", r.Request.URL.Path)
			}
		}
		check(e.get("/admin/login"))
		e.login()
		addApplication(t, e.store, "U-h", "北見 太郎", "")
		for _, p := range []string{"/admin/", "/admin/faqs?try=研修", "/admin/faqs/new", "/admin/faqs/training-period/edit",
			"/admin/misses", "/admin/applications", "/admin/applications/1"} {
			r := e.get(p)
			wantStatus(t, r, http.StatusOK)
			check(r)
			if r.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("%s may be cached", p)
			}
		}
	})
}

// sessionCookie returns the session cookie a response sets.
func sessionCookie(t *testing.T, r response) *http.Cookie {
	t.Helper()
	for _, c := range r.Cookies() {
		if c.Name == "sakebot_admin" {
			return c
		}
	}
	t.Fatalf("%s %s set no session cookie", r.Request.Method, r.Request.URL.Path)
	return nil
}
