package admin_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	slackh "github.com/sakemodel/sakebot/handlers/slack"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// TestMain removes the sakebot binary the browser test built, and stops the
// throwaway PostgreSQL cluster, if the tests started one.
func TestMain(m *testing.M) {
	code := m.Run()
	if cli.path != "" {
		os.RemoveAll(filepath.Dir(cli.path))
	}
	storetest.Shutdown()
	os.Exit(code)
}

const (
	// password is the staff password of every test server.
	password = "sake-model-2026"
	// notifyChannel is the Slack channel recruiters are notified in.
	notifyChannel = "CRECRUIT"
	// slackToken is the bot token the fake Slack API expects.
	slackToken = "xoxb-test-token"
)

// env is a running admin page over a real, seeded store, wired as serve
// wires it: status changes and deletions go through an engine that
// notifies recruiters in Slack, and a worker delivers the outbox to fake
// LINE and Slack APIs.
type env struct {
	t      *testing.T
	dbURL  string
	store  *store.Store
	engine *bot.Engine
	worker *worker.Worker
	line   *linetest.API
	slack  *slacktest.API
	srv    *httptest.Server
	clock  *storetest.Clock
	client *http.Client // a browser: keeps cookies, does not follow redirects
}

// forEachEngine runs fn with an admin page over SQLite and over PostgreSQL.
func forEachEngine(t *testing.T, fn func(t *testing.T, e *env)) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		t.Parallel()
		fn(t, newEnv(t, dbURL))
	})
}

// newEnv opens and seeds the database at dbURL and serves the page.
func newEnv(t *testing.T, dbURL string) *env {
	t.Helper()
	return newEnvNotify(t, dbURL, bot.Notify{Channel: bot.ChannelSlack, To: notifyChannel, Inbox: true})
}

// newEnvNotify is newEnv with an engine that tells staff as n says (the
// zero Channel: Slack is off, and staff answer on the page only).
func newEnvNotify(t *testing.T, dbURL string, n bot.Notify) *env {
	t.Helper()
	c := storetest.NewRunningClock(t)
	s := storetest.Open(t, dbURL, c.Now)
	if _, err := s.SeedFAQs(context.Background(), faqfile.Default()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &env{t: t, dbURL: dbURL, store: s, clock: c, client: newClient(t),
		line: linetest.NewAPI(t), slack: slacktest.NewAPI(t, slackToken, 1)}
	e.slack.Now = c.Now
	e.engine = bot.NewEngine(bot.Config{Store: s, Answerer: faq.NewAnswerer(s), Logger: log, Now: c.Now,
		Notify: n})
	e.worker = newWorker(t, e, log)
	h, err := admin.New(admin.Config{Password: password, Store: s, Desk: e.engine, Answerer: e.engine.Answerer(), PasswordCost: testHashCost,
		Inbox: e.worker, Logger: log, Now: c.Now, Sources: testSources{s}, LINEBasicID: testBasicID})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", h)
	e.srv = httptest.NewServer(mux)
	t.Cleanup(e.srv.Close)
	return e
}

// newWorker returns a worker that delivers e's outbox to its fake LINE and
// Slack APIs, as serve wires it; tests run it with settle.
func newWorker(t *testing.T, e *env, log *slog.Logger) *worker.Worker {
	t.Helper()
	client, err := line.NewClient(line.Config{Secret: "line-secret", Token: "line-token", APIBase: e.line.URL,
		DataAPIBase: e.line.URL, Now: e.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	sc := slackh.Config{Token: slackToken, SigningSecret: "slack-secret", APIURL: e.slack.APIURL(),
		NotifyChannel: notifyChannel, MinInterval: -1, Now: e.clock.Now}
	return worker.New(worker.Config{Engine: e.engine, Inbox: e.store, Outbox: e.store, Logger: log, Now: e.clock.Now,
		Senders: map[bot.Channel]worker.Sender{
			bot.ChannelLINE:  line.NewSender(client, log),
			bot.ChannelSlack: slackh.NewSender(sc, e.store, log),
		}})
}

// settle runs the worker, moving the clock on past every backoff, until
// nothing is left to deliver.
func (e *env) settle() {
	e.t.Helper()
	ctx := context.Background()
	for range 100 {
		if _, err := e.worker.DeliverDue(ctx); err != nil {
			e.t.Fatal(err)
		}
		st, err := e.store.OutboxStats(ctx)
		if err != nil {
			e.t.Fatal(err)
		}
		if st.Pending == 0 {
			return
		}
		e.clock.Advance(10 * time.Minute)
	}
	e.t.Fatal("deliveries still pending after many retries")
}

// newClient returns a client with its own cookies that shows redirects
// instead of following them.
func newClient(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// response is a finished response with its body read.
type response struct {
	*http.Response
	Body string
}

// do sends a request as a browser would (Accept: text/html).
func (e *env) do(c *http.Client, method, path string, form url.Values, header http.Header) response {
	e.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return response{resp, string(b)}
}

// get fetches a page in the env's browser.
func (e *env) get(path string) response {
	e.t.Helper()
	return e.do(e.client, http.MethodGet, path, nil, nil)
}

// post submits a form in the env's browser.
func (e *env) post(path string, form url.Values) response {
	e.t.Helper()
	return e.do(e.client, http.MethodPost, path, form, nil)
}

// login logs the env's browser in.
func (e *env) login() {
	e.t.Helper()
	r := e.post("/admin/login", url.Values{"password": {password}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/admin/" {
		e.t.Fatalf("login: %d %s\n%s", r.StatusCode, r.Header.Get("Location"), r.Body)
	}
}

// upload posts a YAML file to the import form, as a browser would.
func (e *env) upload(t *testing.T, csrf, yaml string) response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", csrf)
	fw, err := mw.CreateFormFile("file", "faq.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte(yaml))
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/admin/faqs/import", &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "text/html")
	resp, err := e.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp, string(b)}
}

// csrfPattern finds the CSRF token in a page.
var csrfPattern = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf returns the session's CSRF token, read from a page as a browser
// would.
func (e *env) csrf() string {
	e.t.Helper()
	r := e.get("/admin/")
	m := csrfPattern.FindStringSubmatch(r.Body)
	if m == nil {
		e.t.Fatalf("no CSRF token on the dashboard (%d)", r.StatusCode)
	}
	return m[1]
}

// wantStatus fails the test unless r has status code.
func wantStatus(t *testing.T, r response, code int) {
	t.Helper()
	if r.StatusCode != code {
		t.Fatalf("%s %s = %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, code, clip(r.Body))
	}
}

// wantRedirect fails the test unless r redirects (303) to a location that
// starts with prefix.
func wantRedirect(t *testing.T, r response, prefix string) string {
	t.Helper()
	loc := r.Header.Get("Location")
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("%s %s = %d to %q, want 303 to %s…\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, loc,
			prefix, clip(r.Body))
	}
	return loc
}

// wantBody fails the test unless the body contains every string.
func wantBody(t *testing.T, r response, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(r.Body, w) {
			t.Errorf("%s %s: body lacks %q\n%s", r.Request.Method, r.Request.URL, w, clip(r.Body))
		}
	}
}

// clip shortens a body for a failure message.
func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

// addApplication stores a LINE candidate and an application of theirs.
func addApplication(t *testing.T, s *store.Store, userID, name, motivation string) bot.Application {
	t.Helper()
	return addApplicationOn(t, s, bot.UserKey{Channel: bot.ChannelLINE, UserID: userID}, name, motivation)
}

// addApplicationOn stores a candidate of key and an application of theirs.
func addApplicationOn(t *testing.T, s *store.Store, key bot.UserKey, name, motivation string) bot.Application {
	t.Helper()
	ctx := context.Background()
	userID := key.UserID
	a := bot.Application{Key: key, Name: name, Kana: "キタミ タロウ", School: "北見工業大学",
		Department: "工学部 地球環境工学科", Graduation: "2027-03", Email: userID + "@example.jp",
		Phone: "09012345678", KitamiWish: "はい", ITExperience: "授業で少し", Motivation: motivation}
	err := s.InTx(ctx, key, func(tx bot.Tx) error {
		c := bot.Candidate{Key: key, DisplayName: name}
		if err := tx.SaveCandidate(ctx, &c); err != nil {
			return err
		}
		a.CandidateID = c.ID
		return tx.CreateApplication(ctx, &a)
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}
