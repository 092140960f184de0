package webchat_test

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestBadRequestsStoreNothing: every refused request answers with its
// status and a Japanese message for the page, and nothing is stored.
func TestBadRequestsStoreNothing(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		v := e.newVisitor()
		ok := map[string]string{"id": newClientID(), "kind": "message", "text": "研修は何ヶ月ですか"}
		noCookie := &visitor{e: e, client: &http.Client{Timeout: 5 * time.Second}, origin: e.srv.URL}
		forged := e.newVisitor()
		forgeCookie(t, forged, v.id()) // another visitor's id with a signature of its own making
		other := e.newVisitor()
		other.origin = "https://evil.example"
		noOrigin := e.newVisitor()
		noOrigin.origin = ""
		cases := []struct {
			name   string
			v      *visitor
			ct     string
			body   string
			status int
		}{
			{"no cookie", noCookie, "application/json", mustJSON(ok), 401},
			{"forged cookie", forged, "application/json", mustJSON(ok), 401},
			{"other site", other, "application/json", mustJSON(ok), 403},
			{"no origin", noOrigin, "application/json", mustJSON(ok), 403},
			{"form post", v, "application/x-www-form-urlencoded", "text=x", 415},
			{"malformed", v, "application/json", `{"id":`, 400},
			{"bad id", v, "application/json", `{"id":"<x>","kind":"message","text":"hi"}`, 400},
			{"unknown kind", v, "application/json", `{"id":"abcdefgh1","kind":"follow"}`, 400},
			{"empty", v, "application/json", `{"id":"abcdefgh2","kind":"message","text":"  \u0000 "}`, 400},
			{"too long", v, "application/json", `{"id":"abcdefgh3","kind":"message","text":"` + strings.Repeat("あ", 2001) + `"}`, 400},
			{"too large", v, "application/json", `{"id":"abcdefgh4","kind":"message","text":"` + strings.Repeat("a", 20000) + `"}`, 413},
		}
		for _, c := range cases {
			status, msg := c.v.postRaw(c.ct, []byte(c.body))
			if status != c.status {
				t.Errorf("%s: status %d; want %d", c.name, status, c.status)
			}
			if !strings.HasSuffix(msg, "。") {
				t.Errorf("%s: message %q; want a Japanese sentence for the page", c.name, msg)
			}
		}
		time.Sleep(200 * time.Millisecond)
		for _, who := range []*visitor{v, forged, other, noOrigin} {
			if lines, err := e.store.WebLastMessages(context.Background(), who.id(), 10); err != nil || len(lines) != 0 {
				t.Errorf("refused requests stored %d lines (%v)", len(lines), err)
			}
		}
		if g, err := e.store.Gauges(context.Background()); err != nil || g.InboxPending != 0 || g.Candidates != 0 {
			t.Errorf("refused requests reached the inbox: %+v %v", g, err)
		}
	})
}

// TestAllowedSiteMayPost: the page inside the widget's frame on an
// allowed site posts with that site's origin.
func TestAllowedSiteMayPost(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	v := e.newVisitor()
	v.origin = allowedSite
	s := v.open(0)
	s.ready()
	v.say("北見の冬は寒いですか")
	s.botSays(answerOf(t, "kitami-winter"))
}

// TestControlCharactersAreCleaned: a NUL (PostgreSQL refuses it) and a
// right-to-left override are removed before anything is stored; the
// question is answered.
func TestControlCharactersAreCleaned(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		v := e.newVisitor()
		s := v.open(0)
		s.ready()
		v.say("研修\u0000は何ヶ月\u202eですか")
		lines := s.until(func(l line) bool { return l.From == "bot" })
		if lines[0].Text != "研修は何ヶ月ですか" {
			t.Errorf("stored %q", lines[0].Text)
		}
		if want := answerOf(t, "training-period"); !strings.Contains(lines[len(lines)-1].text(), want) {
			t.Errorf("answer = %q", lines[len(lines)-1].text())
		}
	})
}

// TestSendRateLimit: a burst beyond the visitor's allowance is refused
// with 429 and a polite message, before anything is stored.
func TestSendRateLimit(t *testing.T) {
	e := newEnvOn(t, storetest.SQLiteURL(t), nil, storetest.NewClock(t)) // a stopped clock: no refill
	v := e.newVisitor()
	var accepted, refused int
	for i := range 25 {
		status, msg := v.post(map[string]string{"id": newClientID(), "kind": "message", "text": "こんにちは" + strings.Repeat("!", i)})
		switch status {
		case 202:
			accepted++
		case 429:
			refused++
			if !strings.Contains(msg, "時間をおいて") {
				t.Errorf("429 message %q", msg)
			}
		default:
			t.Fatalf("status %d", status)
		}
	}
	if accepted != 20 || refused != 5 {
		t.Errorf("accepted %d, refused %d; want 20 and 5 (a burst of 20)", accepted, refused)
	}
	time.Sleep(200 * time.Millisecond)
	lines, _ := e.store.WebLastMessages(context.Background(), v.id(), 100)
	var mine int
	for _, l := range lines {
		if !l.FromBot {
			mine++
		}
	}
	if mine != 20 {
		t.Errorf("stored %d of the visitor's lines; want the 20 accepted", mine)
	}
}

// TestPageHeadersAndCookie: the page may be framed only by itself and
// the allowed sites and loads nothing from elsewhere; the visitor cookie
// is HttpOnly and SameSite=Lax over plain HTTP, and Secure, SameSite=None
// and Partitioned (the widget's frame on another site) behind an HTTPS
// proxy.
func TestPageHeadersAndCookie(t *testing.T) {
	e := newEnvTrusting(t, storetest.SQLiteURL(t), []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")})
	res, err := http.Get(e.srv.URL + "/webchat/?embed=1")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'self' " + allowedSite} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	c := cookieOf(t, res)
	if !c.HttpOnly || c.Secure || c.SameSite != http.SameSiteLaxMode || c.MaxAge != 14*24*3600 {
		t.Errorf("cookie over http = %+v", c)
	}
	req, _ := http.NewRequest("GET", e.srv.URL+"/", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if c := cookieOf(t, res); !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteNoneMode || !c.Partitioned {
		t.Errorf("cookie behind an HTTPS proxy = %+v", c)
	}
}

// TestWidgetScriptOnlyForAllowedSites: widget.js is served to the allowed
// site (and when no referrer is sent) and refused to a page of another.
func TestWidgetScriptOnlyForAllowedSites(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	for referer, want := range map[string]int{
		"":                               200,
		allowedSite + "/careers/":        200,
		"https://evil.example/page.html": 403,
		e.srv.URL + "/":                  200,
	} {
		req, _ := http.NewRequest("GET", e.srv.URL+"/webchat/widget.js", nil)
		if referer != "" {
			req.Header.Set("Referer", referer)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("widget.js from %q = %d; want %d", referer, res.StatusCode, want)
		}
		if want == 200 && !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
			t.Errorf("widget.js Content-Type %q", res.Header.Get("Content-Type"))
		}
	}
	for _, path := range []string{"/webchat/static/..%2fchat.go", "/webchat/static/chat.html", "/webchat/static/nothing.js"} {
		res, err := http.Get(e.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 404 && res.StatusCode != 400 {
			t.Errorf("GET %s = %d; want 404 or 400", path, res.StatusCode)
		}
	}
}

// TestStreamsPerVisitorAreBounded: a visitor cannot hold more than a few
// streams open (each costs the server a goroutine and queries).
func TestStreamsPerVisitorAreBounded(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	v := e.newVisitor()
	for range 8 {
		v.open(0).ready()
	}
	req, _ := http.NewRequest("GET", e.srv.URL+"/webchat/events", nil)
	res, err := (&http.Client{Jar: v.client.Jar, Timeout: 5 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("the 9th stream = %d; want 429", res.StatusCode)
	}
}

// TestAddressLimitIgnoresForgedForwarding: X-Forwarded-For from a client
// that is not a trusted proxy is ignored, so many visitors from one
// address share its allowance however they label their requests.
func TestAddressLimitIgnoresForgedForwarding(t *testing.T) {
	e := newEnvOn(t, storetest.SQLiteURL(t), nil, storetest.NewClock(t))
	var accepted, refused int
	for i := range 7 {
		v := e.newVisitor()
		for j := range 10 {
			data := []byte(mustJSON(map[string]string{"id": newClientID(), "kind": "message", "text": "こんにちは"}))
			req, _ := http.NewRequest("POST", e.srv.URL+"/webchat/messages", strings.NewReader(string(data)))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Origin", e.srv.URL)
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("203.0.113.%d", i*10+j))
			res, err := v.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			switch res.StatusCode {
			case 202:
				accepted++
			case 429:
				refused++
			default:
				t.Fatalf("status %d", res.StatusCode)
			}
		}
	}
	// The clock stands still: the address has its burst of 60. Believed, the
	// forged headers would let all 70 through.
	if accepted != 60 || refused != 10 {
		t.Errorf("accepted %d, refused %d from one address; want 60 and 10 (its burst), whatever X-Forwarded-For said", accepted, refused)
	}
}
