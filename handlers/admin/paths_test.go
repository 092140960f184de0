package admin_test

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// nastyPaths are request paths an attacker tries: traversal, encoded
// slashes and dots, overlong and invalid UTF-8, NUL and control bytes, and
// very long paths. Each must get 400 or 404 (or, without a session, the
// way to the login, which shows nothing of the page).
var nastyPaths = []string{
	"/admin/static/..%c0%af..%c0%afetc/passwd",
	"/admin/static/%c0%ae%c0%ae%c0%afetc%c0%afpasswd",
	"/admin/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
	"/admin/static/..%2f..%2fetc%2fpasswd",
	"/admin/static/..%5c..%5cetc%5cpasswd",
	"/admin/static/admin.css%00",
	"/admin/static/admin.css%00.png",
	"/admin/static/%00",
	"/admin/static/%ff%fe",
	"/admin/static/%0d%0aSet-Cookie:%20x=1",
	"/admin/static/admin.css/",
	"/admin/static/" + strings.Repeat("a", 8000),
	"/admin/static/" + strings.Repeat("..%2f", 1000) + "etc/passwd",
	"/admin/static/" + strings.Repeat("%c0%af", 1000),
	"/admin/..%c0%af..%c0%afetc/passwd",
	"/admin/%2e%2e%2fetc%2fpasswd",
	"/admin/faqs/..%c0%af..%c0%afetc/edit",
	"/admin/faqs/%c0%af/edit",
	"/admin/faqs/%00/edit",
	"/admin/faqs/%ff/delete",
	"/admin/faqs/training-period%00/edit",
	"/admin/faqs/..%2f..%2f/edit",
	"/admin/faqs/" + strings.Repeat("x", 8000) + "/edit",
	"/admin/misses/%00/attach",
	"/admin/misses/%c0%af/attach",
	"/admin/applications/%00",
	"/admin/applications/%c0%af",
	"/admin/applications/" + strings.Repeat("9", 8000),
}

// dotPaths hold dot segments, which the server's mux answers with a
// redirect to the cleaned path; that path must then be refused too.
var dotPaths = []string{
	"/admin/static/./admin.css/..",
	"/admin/static/../../../etc/passwd",
	"/admin/faqs/../../etc/passwd",
}

// nastyQueries are queries that are no UTF-8, hold NUL or are badly
// encoded: 400, whatever page they are sent to.
var nastyQueries = []string{
	"/admin/faqs?try=%c0%af",
	"/admin/faqs?try=%00",
	"/admin/faqs?q=%ff%fe&category=%00",
	"/admin/faqs?try=%zz",
	"/admin/faqs/training-period/edit?try=%c0%af",
	"/admin/faqs/new?miss=%00",
	"/admin/faqs/new?miss=%c0%af",
	"/admin/applications?q=%00&status=%c0%af",
	"/admin/applications.csv?status=%ff",
	"/admin/login?next=%00",
	"/admin/login?next=%c0%af",
	"/admin/login?msg=%c0%af",
	"/admin/static/admin.css?v=%00",
	"/admin/?" + strings.Repeat("%c0%af=1&", 500),
}

// TestNastyPathsAreRefused sends each nasty path and query, logged in and
// not: 400 or 404, never a 500 and never a file from outside the page,
// while the real files and pages still answer.
func TestNastyPathsAreRefused(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		addApplication(t, e.store, "U-nasty", "北見 太郎", "")
		check := func(who string, c *http.Client) {
			t.Helper()
			for _, p := range nastyPaths {
				wantRefused(t, who, p, e.raw(c, http.MethodGet, p), http.StatusBadRequest, http.StatusNotFound)
			}
			for _, p := range nastyQueries {
				wantRefused(t, who, p, e.raw(c, http.MethodGet, p), http.StatusBadRequest)
			}
			for _, p := range dotPaths {
				r := e.raw(c, http.MethodGet, p)
				for range 3 {
					loc := r.Header.Get("Location")
					if r.StatusCode/100 != 3 || !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") {
						break
					}
					r = e.raw(c, http.MethodGet, loc)
				}
				wantRefused(t, who, p, r, http.StatusBadRequest, http.StatusNotFound)
			}
			// A post to a nasty path changes nothing either.
			wantRefused(t, who, "POST /admin/faqs/%00/delete",
				e.raw(c, http.MethodPost, "/admin/faqs/%00/delete"), http.StatusBadRequest, http.StatusForbidden)
		}
		check("anonymous", newClient(t))
		e.login()
		check("logged in", e.client)

		r := e.get("/admin/static/admin.css")
		wantStatus(t, r, http.StatusOK)
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
			t.Errorf("admin.css served as %q", ct)
		}
		wantStatus(t, e.get("/admin/static/icon.svg"), http.StatusOK)
		wantStatus(t, e.get("/admin/faqs/training-period/edit?try="+urlQuery("研修は\n何ヶ月\tですか")), http.StatusOK)
		wantStatus(t, e.get("/admin/applications?q="+urlQuery("北見")), http.StatusOK)
	})
}

// wantRefused fails the test unless r, the answer to target, has one of
// the codes (or sends an anonymous client to the login), shows the page's
// polite message and serves no outside file.
func wantRefused(t *testing.T, who, target string, r response, codes ...int) {
	t.Helper()
	short := shorten(target)
	if strings.Contains(r.Body, "root:") {
		t.Errorf("%s %s served a file from outside the page", who, short)
	}
	if who == "anonymous" && r.StatusCode == http.StatusSeeOther &&
		strings.HasPrefix(r.Header.Get("Location"), "/admin/login?next=") {
		return
	}
	if !slices.Contains(codes, r.StatusCode) {
		t.Errorf("%s %s = %d (%s), want one of %v\n%s", who, short, r.StatusCode,
			shorten(r.Header.Get("Location")), codes, shorten(r.Body))
		return
	}
	if r.StatusCode == http.StatusBadRequest && !strings.Contains(r.Body, "このアドレスは受け付けられません") {
		t.Errorf("%s %s: 400 without the page's message\n%s", who, short, shorten(r.Body))
	}
}

// raw sends a request whose target is exactly path, as written: no
// cleaning or re-encoding by the client.
func (e *env) raw(c *http.Client, method, path string) response {
	e.t.Helper()
	base, err := url.Parse(e.srv.URL)
	if err != nil {
		e.t.Fatal(err)
	}
	req := &http.Request{Method: method, Header: http.Header{"Accept": {"text/html"}}, Host: base.Host,
		URL: &url.URL{Scheme: base.Scheme, Host: base.Host, Opaque: path}}
	if c.Jar != nil { // the jar cannot match an opaque URL: send the page's cookies by hand
		for _, k := range c.Jar.Cookies(&url.URL{Scheme: base.Scheme, Host: base.Host, Path: "/admin/"}) {
			req.AddCookie(k)
		}
	}
	resp, err := c.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, shorten(path), err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return response{resp, string(b)}
}

// shorten cuts a long path or location for a failure message.
func shorten(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}
