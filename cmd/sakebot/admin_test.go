package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// TestAdminMount mounts the admin page only when ADMIN_PASSWORD is set.
func TestAdminMount(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &env{cfg: config{DatabaseURL: storetest.SQLiteURL(t), FormExpiry: 24 * time.Hour}}
	a, err := openApp(context.Background(), e, log)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()

	if h, ok := adminMount(a, e.cfg, log, nil); ok || h != nil {
		t.Fatalf("without ADMIN_PASSWORD: %v, %v; want off", h, ok)
	}
	e.cfg.AdminPassword = "pw"
	h, ok := adminMount(a, e.cfg, log, worker.New(worker.Config{Engine: a.engine, Inbox: a.store, Outbox: a.store}))
	if !ok {
		t.Fatal("with ADMIN_PASSWORD the page is off")
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", h)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/admin/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET /admin/login = %d", res.StatusCode)
	}
}
