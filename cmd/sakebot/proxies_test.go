package main

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestMalformedTrustedProxiesAreRefused: an entry of TRUSTED_PROXIES that
// is neither an address nor a CIDR range stops serve with one line naming
// the variable and the entry.
func TestMalformedTrustedProxiesAreRefused(t *testing.T) {
	for _, v := range []string{"10.0.0.0/33", "localhost", "10.0.0.1, proxy.internal", "10.0.0.1/8/2",
		"fe80::1%eth0", "::ffff:10.0.0.0/64", "10.0.0.300"} {
		t.Run(v, func(t *testing.T) {
			err := refuse(t, map[string]string{"TRUSTED_PROXIES": v})
			if err == nil {
				t.Fatal("accepted; want an error")
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "TRUSTED_PROXIES must be") {
				t.Errorf("error = %q, want one line starting TRUSTED_PROXIES must be", msg)
			}
		})
	}
}

// TestTrustedProxiesForms reads the forms an operator may write: ranges,
// single addresses, IPv6, spaces and empty entries.
func TestTrustedProxiesForms(t *testing.T) {
	c, err := loadConfig(func(k string) string {
		return map[string]string{"TRUSTED_PROXIES": " 10.1.2.3/8, 192.0.2.1 ,,2001:db8::/32, ::ffff:172.16.0.0/108,::1"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.1/32"),
		netip.MustParsePrefix("2001:db8::/32"), netip.MustParsePrefix("172.16.0.0/12"), netip.MustParsePrefix("::1/128")}
	if !slices.Equal(c.TrustedProxies, want) {
		t.Errorf("TrustedProxies = %v, want %v", c.TrustedProxies, want)
	}
	if c, err := loadConfig(func(string) string { return "" }); err != nil || len(c.TrustedProxies) != 0 {
		t.Errorf("default TrustedProxies = %v, %v; want none", c.TrustedProxies, err)
	}
}

// TestServeBelievesOnlyTrustedProxies runs `sakebot serve` with the admin
// page on, as an operator would, once trusting this host as a proxy and
// once not: wrong passwords each forwarded for another address are counted
// apart only when the proxy is trusted, and only then does its
// X-Forwarded-Proto make the session cookie Secure.
func TestServeBelievesOnlyTrustedProxies(t *testing.T) {
	for _, tc := range []struct {
		name    string
		proxies string
		trusted bool
	}{{"untrusted", "", false}, {"trusted", "192.0.2.0/24, 127.0.0.1, ::1", true}} {
		t.Run(tc.name, func(t *testing.T) {
			addr := freeAddr(t)
			env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t), "ADDR": addr,
				"ADMIN_PASSWORD": "sake-model-2026", "TRUSTED_PROXIES": tc.proxies}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			var out syncBuffer
			go func() {
				done <- run(ctx, []string{"sakebot", "serve"}, func(k string) string { return env[k] },
					strings.NewReader(""), &out)
			}()
			defer func() {
				cancel()
				select {
				case <-done:
				case <-time.After(15 * time.Second):
					t.Error("serve did not stop")
				}
			}()
			waitFor(t, "healthz", func() bool {
				res, err := http.Get("http://" + addr + "/healthz")
				if err == nil {
					res.Body.Close()
				}
				return err == nil && res.StatusCode == http.StatusOK
			})
			blocked := 0
			for i := range 8 {
				res := postAdminLogin(t, addr, "wrong-password", http.Header{
					"X-Forwarded-For": {fmt.Sprintf("198.51.100.%d, 192.0.2.7", i+1)}})
				if res.StatusCode == http.StatusTooManyRequests {
					blocked++
				}
			}
			// Untrusted, all 8 come from this host: after 5, it waits (how
			// many are refused depends on the running clock; the page's own
			// tests count exactly).
			if tc.trusted != (blocked == 0) {
				t.Errorf("%d of 8 forwarded wrong logins were told to wait (proxy trusted: %v)", blocked, tc.trusted)
			}
			res := postAdminLogin(t, addr, "sake-model-2026", http.Header{
				"X-Forwarded-For": {"203.0.113.1"}, "X-Forwarded-Proto": {"https"}})
			if tc.trusted != (res.StatusCode == http.StatusSeeOther) {
				t.Fatalf("right password from a new forwarded address = %d", res.StatusCode)
			}
			for _, c := range res.Cookies() {
				if c.Name == "sakebot_admin" && c.Secure != tc.trusted {
					t.Errorf("session cookie Secure = %v, want %v", c.Secure, tc.trusted)
				}
			}
		})
	}
}

// postAdminLogin posts a password to the admin login of the server at addr.
func postAdminLogin(t *testing.T, addr, password string, h http.Header) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/admin/login",
		strings.NewReader(url.Values{"password": {password}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = h
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := &http.Client{Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}
