package admin_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/store/storetest"
)

// freeTries is how many wrong passwords in a row a client may send before
// it must wait.
const freeTries = 5

// loopback is the test server's peer address range: trusting it makes the
// test client a proxy.
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

// forEachEngineTrusting runs fn with an admin page over SQLite and over
// PostgreSQL that trusts the forwarded headers of proxies (none when nil),
// on a stopped clock, so no wait runs out while a test counts.
func forEachEngineTrusting(t *testing.T, proxies []netip.Prefix, fn func(t *testing.T, e *env)) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		t.Parallel()
		e := newEnv(t, dbURL)
		e.clock = storetest.NewClock(t)
		h, err := admin.New(admin.Config{Password: password, Store: e.store, Desk: e.engine,
			Answerer: e.engine.Answerer(), Logger: slog.New(slog.DiscardHandler), Now: e.clock.Now,
			TrustedProxies: proxies, PasswordCost: testHashCost})
		if err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		mux.Handle("/admin/", h)
		e.srv.Close()
		e.srv = httptest.NewServer(mux)
		t.Cleanup(e.srv.Close)
		fn(t, e)
	})
}

// wrongLogin posts a wrong password with header, from a fresh browser.
func (e *env) wrongLogin(header http.Header) response {
	e.t.Helper()
	return e.do(newClient(e.t), http.MethodPost, "/admin/login", url.Values{"password": {"not-the-password"}}, header)
}

// xff is a request header that says, through X-Forwarded-For, that the
// request came from addrs, in the order the proxies appended them.
func xff(addrs ...string) http.Header {
	return http.Header{"X-Forwarded-For": {strings.Join(addrs, ", ")}}
}

// TestForwardedForOfAnUntrustedPeerIsIgnored sends 40 wrong passwords, each
// claiming another address, from a peer that is no trusted proxy (the
// default): the claims are ignored, so the peer is slowed down after the
// free tries, right password or not.
func TestForwardedForOfAnUntrustedPeerIsIgnored(t *testing.T) {
	forEachEngineTrusting(t, nil, func(t *testing.T, e *env) {
		codes := map[int]int{}
		for i := range 40 {
			h := xff(fmt.Sprintf("203.0.113.%d", i+1))
			h.Set("X-Real-IP", fmt.Sprintf("198.51.100.%d", i+1))
			h.Set("Forwarded", fmt.Sprintf("for=192.0.2.%d", i+1))
			r := e.wrongLogin(h)
			codes[r.StatusCode]++
			want := http.StatusUnauthorized
			if i >= freeTries {
				want = http.StatusTooManyRequests
			}
			if r.StatusCode != want {
				t.Errorf("try %d = %d, want %d", i+1, r.StatusCode, want)
			}
		}
		t.Logf("40 forged addresses: %v", codes)
		r := e.do(newClient(t), http.MethodPost, "/admin/login", url.Values{"password": {password}},
			xff("203.0.113.250"))
		wantStatus(t, r, http.StatusTooManyRequests)
		wantBody(t, r, "しばらく受け付けを止めています")
	})
}

// TestForwardedForOfATrustedProxyNamesTheClient trusts the test client as a
// proxy: each address it forwards is a client of its own, counted apart,
// and only the right-most address that is not a trusted proxy counts (the
// client can forge the entries before it).
func TestForwardedForOfATrustedProxyNamesTheClient(t *testing.T) {
	proxies := append([]netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}, loopback...)
	forEachEngineTrusting(t, proxies, func(t *testing.T, e *env) {
		for i := range 40 {
			r := e.wrongLogin(xff(fmt.Sprintf("203.0.113.%d", i+1)))
			wantStatus(t, r, http.StatusUnauthorized)
		}
		// One client forging what it likes to the left, through two proxies.
		for i := range freeTries + 3 {
			r := e.wrongLogin(xff(fmt.Sprintf("192.0.2.%d", i+1), "198.51.100.9", "10.1.2.3"))
			want := http.StatusUnauthorized
			if i >= freeTries {
				want = http.StatusTooManyRequests
			}
			if r.StatusCode != want {
				t.Errorf("forging try %d = %d, want %d", i+1, r.StatusCode, want)
			}
		}
		// The same client, whichever way it is written, is still waiting;
		// the headers may come on several lines.
		for _, h := range []http.Header{xff("198.51.100.9"), xff("198.51.100.9:4711"), xff("[198.51.100.9]:4711"),
			xff("::ffff:198.51.100.9"), {"X-Forwarded-For": {"192.0.2.200", "198.51.100.9, 10.9.9.9"}}} {
			if r := e.wrongLogin(h); r.StatusCode != http.StatusTooManyRequests {
				t.Errorf("X-Forwarded-For: %q = %d, want 429", h.Values("X-Forwarded-For"), r.StatusCode)
			}
		}
		// An entry that is no address is the proxy's doing: its clients
		// are counted together, as the proxy.
		for i := range freeTries + 1 {
			r := e.wrongLogin(xff("198.51.100.11", fmt.Sprintf("garbage-%d", i)))
			want := http.StatusUnauthorized
			if i >= freeTries {
				want = http.StatusTooManyRequests
			}
			if r.StatusCode != want {
				t.Errorf("mangled try %d = %d, want %d", i+1, r.StatusCode, want)
			}
		}
		// Another client is not.
		wantStatus(t, e.wrongLogin(xff("198.51.100.10", "10.1.2.3")), http.StatusUnauthorized)
		// After the wait, the forger may try again.
		e.clock.Advance(3 * time.Second)
		wantStatus(t, e.wrongLogin(xff("198.51.100.9")), http.StatusUnauthorized)
	})
}

// TestForwardedProtoOnlyFromTrustedProxies: the session cookie is Secure
// when a trusted proxy says the client used HTTPS, and not when any other
// peer says so (the browser would then never send it back over HTTP).
func TestForwardedProtoOnlyFromTrustedProxies(t *testing.T) {
	for _, tc := range []struct {
		name    string
		proxies []netip.Prefix
		secure  bool
	}{{"untrusted", nil, false}, {"trusted", loopback, true}} {
		t.Run(tc.name, func(t *testing.T) {
			forEachEngineTrusting(t, tc.proxies, func(t *testing.T, e *env) {
				r := e.do(newClient(t), http.MethodPost, "/admin/login", url.Values{"password": {password}},
					http.Header{"X-Forwarded-Proto": {"https"}})
				if c := sessionCookie(t, r); c.Secure != tc.secure {
					t.Errorf("X-Forwarded-Proto: https from an %s peer: Secure = %v, want %v", tc.name, c.Secure,
						tc.secure)
				}
			})
		})
	}
}

// TestParallelWrongLoginsCheckAtMostTheFreeTries sends 60 wrong passwords
// at once from one address: exactly the free tries are checked (401), every
// other one is told to wait (429), on both engines.
func TestParallelWrongLoginsCheckAtMostTheFreeTries(t *testing.T) {
	forEachEngineTrusting(t, nil, func(t *testing.T, e *env) {
		const n = 60
		var (
			wg    sync.WaitGroup
			mu    sync.Mutex
			codes = map[int]int{}
			start = make(chan struct{})
		)
		client := &http.Client{Timeout: 60 * time.Second}
		for range n {
			wg.Go(func() {
				<-start
				code, err := postLogin(client, e.srv.URL, "not-the-password")
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					t.Error(err)
					return
				}
				codes[code]++
			})
		}
		close(start)
		wg.Wait()
		t.Logf("%d parallel wrong logins: %v", n, codes)
		if codes[http.StatusUnauthorized] != freeTries || codes[http.StatusTooManyRequests] != n-freeTries {
			t.Errorf("answers = %v; want %d checked (401) and %d told to wait (429)", codes, freeTries, n-freeTries)
		}
	})
}

// postLogin posts a password to the login form and returns the status.
func postLogin(c *http.Client, base, pw string) (int, error) {
	req, err := http.NewRequest(http.MethodPost, base+"/admin/login",
		strings.NewReader(url.Values{"password": {pw}}.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	return res.StatusCode, nil
}
