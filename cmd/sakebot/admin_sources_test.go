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
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// TestLINEBasicIDSetting reads LINE_BASIC_ID (the @ may be left out, case
// does not matter) and refuses anything else with one line.
func TestLINEBasicIDSetting(t *testing.T) {
	for v, want := range map[string]string{"": "", "@123abcde": "@123abcde", " 123ABCDE ": "@123abcde", "@kitami.recruit": "@kitami.recruit"} {
		c, err := loadConfig(func(k string) string {
			if k == "LINE_BASIC_ID" {
				return v
			}
			return ""
		})
		if err != nil || c.LINEBasicID != want {
			t.Errorf("LINE_BASIC_ID=%q: %q, %v; want %q", v, c.LINEBasicID, err, want)
		}
	}
	for _, v := range []string{"@123 abcde", "https://line.me/R/ti/p/@123abcde", "@"} {
		err := refuse(t, map[string]string{"LINE_BASIC_ID": v})
		if err == nil || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "LINE_BASIC_ID must be") {
			t.Errorf("LINE_BASIC_ID=%q: %v", v, err)
		}
	}
}

// TestAdminSourcesWiring: the admin page serve mounts shows a source's
// LINE link with LINE_BASIC_ID, else with the basic ID the bot info API
// gives, else says what to set; its web chat link is on ADMIN_BASE_URL;
// the store's counts reach the page.
func TestAdminSourcesWiring(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &env{cfg: config{DatabaseURL: storetest.SQLiteURL(t), FormExpiry: 24 * time.Hour,
		AdminPassword: "a-long-break-glass-pw", AdminBaseURL: "https://bot.example.jp"}}
	a, err := openApp(ctx, e, log)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	src := bot.Source{Name: "学内ポスター", Kind: bot.SourcePoster}
	if err := a.engine.SaveSource(ctx, &src, "admin"); err != nil {
		t.Fatal(err)
	}
	counts, err := adminSources{a.store}.SourceCounts(ctx)
	if err != nil || len(counts) != 1 || counts[0].SourceID != src.ID || counts[0].Students != 0 {
		t.Fatalf("counts %+v %v", counts, err)
	}
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path != "/v2/bot/info" {
			io.WriteString(w, `{}`)
			return
		}
		io.WriteString(w, `{"userId":"Ub","basicId":"@fromapi","displayName":"sakebot","chatMode":"bot","markAsReadMode":"auto"}`)
	}))
	defer api.Close()
	lc, err := line.NewClient(line.Config{Secret: "s", Token: "t", APIBase: api.URL, DataAPIBase: api.URL})
	if err != nil {
		t.Fatal(err)
	}
	wk := worker.New(worker.Config{Engine: a.engine, Inbox: a.store, Outbox: a.store})
	for _, c := range []struct {
		basicID string
		lc      *line.Client
		want    string
	}{
		{"", lc, "https://line.me/R/oaMessage/%40fromapi/?%23" + src.Code},
		{"@fromconfig", lc, "https://line.me/R/oaMessage/%40fromconfig/?%23" + src.Code},
		{"", nil, "LINE_BASIC_ID"},
	} {
		cfg := e.cfg
		cfg.LINEBasicID = c.basicID
		h, ok := adminMount(a, cfg, log, wk, c.lc)
		if !ok {
			t.Fatal("the page is off")
		}
		srv := httptest.NewServer(h)
		jar, _ := cookiejar.New(nil)
		client := &http.Client{Jar: jar}
		res, err := client.PostForm(srv.URL+"/admin/login", url.Values{"password": {cfg.AdminPassword}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		res, err = client.Get(srv.URL + "/admin/sources/" + strconv.FormatInt(src.ID, 10))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		srv.Close()
		for _, want := range []string{c.want, "https://bot.example.jp/?src=" + src.Code, `data-count="students">0<`} {
			if res.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
				t.Errorf("LINE_BASIC_ID=%q, LINE on %v: GET the source's page (%d) lacks %q", c.basicID, c.lc != nil, res.StatusCode, want)
			}
		}
	}
}
