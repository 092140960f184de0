package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// TestAdminOutreachWired: serve's admin page has the 配信 pages, over the
// app's Outreach and store: a broadcast made through the app shows with
// its preview, and with Slack off テスト送信 says why it cannot be used.
func TestAdminOutreachWired(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &env{cfg: config{DatabaseURL: storetest.SQLiteURL(t), FormExpiry: 24 * time.Hour, AdminPassword: "a-long-break-glass-pw"}}
	a, err := openApp(ctx, e, log)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	seg := bot.Segment{Name: "全員"}
	if err := a.outreach.SaveSegment(ctx, &seg, "test"); err != nil {
		t.Fatal(err)
	}
	b := bot.Broadcast{Title: "説明会のご案内", SegmentID: seg.ID, Message: bot.Announcement{Text: "説明会を開きます。"}}
	if err := a.outreach.SaveBroadcast(ctx, &b, "test"); err != nil {
		t.Fatal(err)
	}
	wk := worker.New(worker.Config{Engine: a.engine, Inbox: a.store, Outbox: a.store})
	h, ok := adminMount(a, e.cfg, log, wk, nil)
	if !ok {
		t.Fatal("the admin page is off")
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
	for path, want := range map[string]string{
		"/admin/broadcasts": "説明会のご案内",
		"/admin/segments":   "全員",
		"/admin/rules":      "自動メッセージはまだありません",
		"/admin/broadcasts/" + strconv.FormatInt(b.ID, 10): "Slackが設定されていないため使えません",
	} {
		res, err := c.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("GET %s = %d, want 200 with %q", path, res.StatusCode, want)
		}
	}
}
