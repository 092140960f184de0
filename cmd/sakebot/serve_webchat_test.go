package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
)

// serveWith runs `sakebot` (serve) with env until the test ends and
// returns its address and log.
func serveWith(t *testing.T, env map[string]string) (string, *syncBuffer) {
	t.Helper()
	addr := freeAddr(t)
	full := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t), "ADDR": addr}
	for k, v := range env {
		full[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"sakebot"}, func(k string) string { return full[k] }, strings.NewReader(""), out)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	})
	waitFor(t, "healthz", func() bool {
		res, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			res.Body.Close()
		}
		return err == nil && res.StatusCode == 200
	})
	return addr, out
}

// TestServeWithNothingConfiguredOpensWebChat: with no channel configured,
// serve logs where the web chat is and serves it at /; a visitor's
// question is answered there.
func TestServeWithNothingConfiguredOpensWebChat(t *testing.T) {
	addr, out := serveWith(t, nil)
	port := addr[strings.LastIndex(addr, ":")+1:]
	if want := "http://localhost:" + port + "/"; !strings.Contains(out.String(), want) {
		t.Errorf("start-up log does not say where the chat is (%s):\n%s", want, out.String())
	}
	if page := get(t, "http://"+addr+"/"); !strings.Contains(page, "サケモデル") || !strings.Contains(page, "チャット") {
		t.Errorf("/ is not the web chat page:\n%.400s", page)
	}
	for _, path := range []string{"/webchat/static/chat.js", "/webchat/static/chat.css", "/webchat/widget.js"} {
		res, err := http.Get("http://" + addr + path)
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("GET %s: %v %v", path, err, res)
		}
		res.Body.Close()
	}
}

// TestWebChatCanBeTurnedOff: WEBCHAT_ENABLED=false serves no chat and
// says so at start.
func TestWebChatCanBeTurnedOff(t *testing.T) {
	addr, out := serveWith(t, map[string]string{"WEBCHAT_ENABLED": "false"})
	for _, path := range []string{"/", "/webchat/", "/webchat/widget.js"} {
		res, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 404 {
			t.Errorf("GET %s = %d with the web chat off; want 404", path, res.StatusCode)
		}
	}
	if !strings.Contains(out.String(), "web chat is off") {
		t.Errorf("start-up log does not say the web chat is off:\n%s", out.String())
	}
}

// TestWebChatSettingsAreChecked: a malformed WEBCHAT_* variable stops
// serve with one line naming it.
func TestWebChatSettingsAreChecked(t *testing.T) {
	for _, env := range []map[string]string{
		{"WEBCHAT_ENABLED": "maybe"},
		{"WEBCHAT_ALLOWED_ORIGINS": "recruit.example.co.jp"},
		{"WEBCHAT_ALLOWED_ORIGINS": "https://recruit.example.co.jp/careers"},
		{"WEBCHAT_ALLOWED_ORIGINS": "https://a.example, javascript:alert(1)"},
	} {
		err := refuse(t, env)
		if err == nil {
			t.Errorf("%v accepted", env)
			continue
		}
		for k := range env {
			if !strings.Contains(err.Error(), k) {
				t.Errorf("%v: error %q does not name %s", env, err, k)
			}
		}
	}
	// Valid settings pass the check (serve then stops at its cancelled start).
	if err := refuse(t, map[string]string{"WEBCHAT_ENABLED": "off", "WEBCHAT_ALLOWED_ORIGINS": "https://recruit.example.co.jp, http://localhost:3000/"}); err != nil && strings.Contains(err.Error(), "WEBCHAT") {
		t.Errorf("valid settings refused: %v", err)
	}
}
