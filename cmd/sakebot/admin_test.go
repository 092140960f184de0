package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// TestAdminMount: the admin page is always mounted (staff sign in with
// their accounts); ADMIN_PASSWORD only adds the break-glass sign-in, and
// the login page says so.
func TestAdminMount(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &env{cfg: config{DatabaseURL: storetest.SQLiteURL(t), FormExpiry: 24 * time.Hour}}
	a, err := openApp(context.Background(), e, log)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	wk := worker.New(worker.Config{Engine: a.engine, Inbox: a.store, Outbox: a.store})
	for _, pw := range []string{"", "a-long-break-glass-pw"} {
		e.cfg.AdminPassword = pw
		h, ok := adminMount(a, e.cfg, log, wk, nil)
		if !ok || h == nil {
			t.Fatalf("ADMIN_PASSWORD %q: the page is off", pw)
		}
		srv := httptest.NewServer(h)
		res, err := http.Get(srv.URL + "/admin/login")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		srv.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET /admin/login = %d", res.StatusCode)
		}
		if glass := strings.Contains(string(body), "緊急用の管理者パスワード"); glass != (pw != "") {
			t.Errorf("ADMIN_PASSWORD %q: the login page mentions the break-glass password: %v", pw, glass)
		}
	}
}
