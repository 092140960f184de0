package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// TestAdminEventsWiring: the admin page serve mounts reads the LINE quota
// with the LINE client (GET /v2/bot/message/quota and its consumption)
// and shows the staff calendar feed's address on ADMIN_BASE_URL, with the
// secret the calendar handler checks.
func TestAdminEventsWiring(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &env{cfg: config{DatabaseURL: storetest.SQLiteURL(t), FormExpiry: 24 * time.Hour,
		AdminPassword: "a-long-break-glass-pw", AdminBaseURL: "https://bot.example.jp"}}
	a, err := openApp(ctx, e, log)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	api := linetest.NewQuotaAPI(t, linetest.NewAPI(t), 200, 57)
	lc, err := line.NewClient(line.Config{Secret: "s", Token: "t", APIBase: api.URL, DataAPIBase: api.URL})
	if err != nil {
		t.Fatal(err)
	}
	wk := worker.New(worker.Config{Engine: a.engine, Inbox: a.store, Outbox: a.store})
	h, ok := adminMount(a, e.cfg, log, wk, lc)
	if !ok {
		t.Fatal("the page is off")
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	res, err := c.PostForm(srv.URL+"/admin/login", url.Values{"password": {e.cfg.AdminPassword}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	res, err = c.Get(srv.URL + "/admin/events")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	secret, err := a.store.CalendarFeedSecret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"57<small> / 200通</small>", `value="https://bot.example.jp/calendar/feed/` + secret + `.ics"`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("GET /admin/events (%d) lacks %q", res.StatusCode, want)
		}
	}
	if lineQuota(nil) != nil {
		t.Error("without LINE the page still reads a quota")
	}
}
