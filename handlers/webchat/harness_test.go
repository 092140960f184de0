package webchat_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/handlers"
	"github.com/sakemodel/sakebot/handlers/clientip"
	"github.com/sakemodel/sakebot/handlers/webchat"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

func TestMain(m *testing.M) {
	code := m.Run()
	stopBrowser() // the browser tests' Chromium, if they started it
	storetest.Shutdown()
	os.Exit(code)
}

// allowedSite is the one site the tests' chat may be embedded in.
const allowedSite = "https://recruit.example.co.jp"

// env is the web chat over a real store: the server with the chat
// mounted as serve mounts it, the worker running, the engine behind it.
type env struct {
	t       *testing.T
	store   *store.Store
	srv     *httptest.Server
	worker  *worker.Worker
	clock   *storetest.Clock
	proxies []netip.Prefix
}

func newEnv(t *testing.T, url string) *env { return newEnvTrusting(t, url, nil) }

// newEnvTrusting is newEnv behind the proxies given (TRUSTED_PROXIES).
func newEnvTrusting(t *testing.T, url string, proxies []netip.Prefix) *env {
	return newEnvOn(t, url, proxies, storetest.NewRunningClock(t))
}

// newEnvOn is newEnvTrusting on the clock given (a stopped one holds the
// rate limits' buckets still).
func newEnvOn(t *testing.T, url string, proxies []netip.Prefix, clock *storetest.Clock) *env {
	e := &env{t: t, clock: clock, proxies: proxies}
	e.store = storetest.Open(t, url, e.clock.Now)
	ctx := context.Background()
	if _, err := e.store.SeedFAQs(ctx, faqfile.Default()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	hub := webchat.NewHub()
	eng := bot.NewEngine(bot.Config{Store: e.store, Logger: log, Now: e.clock.Now})
	e.worker = worker.New(worker.Config{Engine: eng, Inbox: e.store, Outbox: e.store, Logger: log,
		Senders: map[bot.Channel]worker.Sender{bot.ChannelWeb: webchat.NewSender(e.store, hub)},
		Now:     e.clock.Now, RateLimit: 20, RateCounter: e.store, Batch: e.store, Poll: 50 * time.Millisecond})
	secret, err := e.store.WebChatSecret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := webchat.New(webchat.Config{Log: e.store, Inbox: e.worker, Hub: hub, Secret: secret,
		AllowedOrigins: []string{allowedSite}, Proxies: clientip.Proxies(proxies), VisitorTTL: 14 * 24 * time.Hour,
		Now: e.clock.Now, Logger: log})
	e.srv = httptest.NewServer(handlers.NewHandler(handlers.Config{Logger: log, Ready: e.store.Ready,
		Mounts: map[string]http.Handler{"GET /{$}": h, "/webchat/": h}}))
	runCtx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); e.worker.Run(runCtx) }()
	go hub.Poll(runCtx, e.store, 100*time.Millisecond, e.clock.Now, log)
	t.Cleanup(func() { e.srv.CloseClientConnections(); e.srv.Close(); stop(); <-done })
	return e
}

// visitor is one browser: its cookie jar and its page's origin.
type visitor struct {
	e      *env
	client *http.Client
	origin string
}

// newVisitor opens the chat page, which gives the browser its cookie.
func (e *env) newVisitor() *visitor {
	jar, _ := cookiejar.New(nil)
	v := &visitor{e: e, client: &http.Client{Jar: jar, Timeout: 10 * time.Second}, origin: e.srv.URL}
	res, err := v.client.Get(e.srv.URL + "/")
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		e.t.Fatalf("GET / = %d", res.StatusCode)
	}
	return v
}

// id is the visitor's id, read from their cookie.
func (v *visitor) id() string {
	req, _ := http.NewRequest("GET", v.e.srv.URL+"/", nil)
	for _, c := range v.client.Jar.Cookies(req.URL) {
		if c.Name == "sakebot_chat" {
			id, _, _ := strings.Cut(c.Value, ".")
			return id
		}
	}
	v.e.t.Fatal("no visitor cookie")
	return ""
}

// post sends a JSON body as the page does and returns the status and the
// error message shown, if any.
func (v *visitor) post(body any) (int, string) {
	v.e.t.Helper()
	data, _ := json.Marshal(body)
	return v.postRaw("application/json", data)
}

func (v *visitor) postRaw(contentType string, data []byte) (int, string) {
	v.e.t.Helper()
	req, _ := http.NewRequest("POST", v.e.srv.URL+"/webchat/messages", bytes.NewReader(data))
	req.Header.Set("Content-Type", contentType)
	if v.origin != "" {
		req.Header.Set("Origin", v.origin)
	}
	res, err := v.client.Do(req)
	if err != nil {
		v.e.t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Error string `json:"error"`
	}
	json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out.Error
}

// say sends a typed message and wants it accepted; it returns its id.
func (v *visitor) say(text string) string {
	v.e.t.Helper()
	id := newClientID()
	if status, msg := v.post(map[string]string{"id": id, "kind": "message", "text": text}); status != 202 {
		v.e.t.Fatalf("say %q = %d %s", text, status, msg)
	}
	return id
}

func newClientID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// line is one line as the page reads it.
type line struct {
	ID       int64       `json:"id"`
	From     string      `json:"from"`
	ClientID string      `json:"client_id"`
	Text     string      `json:"text"`
	Replies  []bot.Reply `json:"replies"`
}

// text is what the line says (the replies' texts joined).
func (l line) text() string {
	if l.From == "visitor" {
		return l.Text
	}
	var parts []string
	for _, r := range l.Replies {
		parts = append(parts, r.Text)
		if r.Summary != nil {
			parts = append(parts, r.Summary.Title)
		}
	}
	return strings.Join(parts, "\n")
}

// event is one server-sent event.
type event struct {
	name string
	id   string
	line line
}

// stream is an open /webchat/events of a visitor.
type stream struct {
	t      *testing.T
	events chan event
	cancel func()
}

// open opens the visitor's stream after cursor (0: none).
func (v *visitor) open(cursor int64) *stream {
	v.e.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", v.e.srv.URL+"/webchat/events", nil)
	if cursor > 0 {
		req.Header.Set("Last-Event-ID", strconv.FormatInt(cursor, 10))
	}
	client := &http.Client{Jar: v.client.Jar} // no timeout: a stream lasts
	res, err := client.Do(req)
	if err != nil {
		cancel()
		v.e.t.Fatal(err)
	}
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		cancel()
		v.e.t.Fatalf("GET /webchat/events = %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	s := &stream{t: v.e.t, events: make(chan event, 256), cancel: cancel}
	go s.read(res.Body)
	v.e.t.Cleanup(s.close)
	return s
}

func (s *stream) close() { s.cancel() }

// read parses the stream into events until it ends.
func (s *stream) read(body io.ReadCloser) {
	defer body.Close()
	defer close(s.events)
	sc := bufio.NewScanner(body)
	var ev event
	for sc.Scan() {
		l := sc.Text()
		switch {
		case l == "":
			if ev.name != "" {
				s.events <- ev
			}
			ev = event{}
		case strings.HasPrefix(l, "event: "):
			ev.name = strings.TrimPrefix(l, "event: ")
		case strings.HasPrefix(l, "id: "):
			ev.id = strings.TrimPrefix(l, "id: ")
		case strings.HasPrefix(l, "data: ") && ev.name == "line":
			if err := json.Unmarshal([]byte(strings.TrimPrefix(l, "data: ")), &ev.line); err != nil {
				s.t.Errorf("bad line data %q: %v", l, err)
			}
		}
	}
}

// next returns the next event, failing after a while without one.
func (s *stream) next() event {
	s.t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			s.t.Fatal("the stream ended")
		}
		return ev
	case <-time.After(10 * time.Second):
		s.t.Fatal("no event within 10s")
	}
	return event{}
}

// until collects lines up to and including the first line satisfying
// done; "ready" events are skipped.
func (s *stream) until(done func(line) bool) []line {
	s.t.Helper()
	var lines []line
	for {
		ev := s.next()
		if ev.name != "line" {
			continue
		}
		lines = append(lines, ev.line)
		if done(ev.line) {
			return lines
		}
	}
}

// ready reads the replay up to "ready" and returns its lines.
func (s *stream) ready() []line {
	s.t.Helper()
	var lines []line
	for {
		ev := s.next()
		switch ev.name {
		case "ready":
			return lines
		case "line":
			lines = append(lines, ev.line)
		}
	}
}

// botSays waits for a bot line containing want.
func (s *stream) botSays(want string) line {
	s.t.Helper()
	lines := s.until(func(l line) bool { return l.From == "bot" && strings.Contains(l.text(), want) })
	return lines[len(lines)-1]
}

// quiet reports whether no line comes for d.
func (s *stream) quiet(d time.Duration) (line, bool) {
	deadline := time.After(d)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				return line{}, true
			}
			if ev.name == "line" {
				return ev.line, false
			}
		case <-deadline:
			return line{}, true
		}
	}
}

// answerOf is the FAQ's answer to id, as the bot would send it.
func answerOf(t *testing.T, id string) string {
	for _, f := range faqfile.Default() {
		if f.ID == id {
			return f.Answer
		}
	}
	t.Fatalf("no FAQ entry %s", id)
	return ""
}

// forgeCookie gives v's browser a cookie naming id with a made-up signature.
func forgeCookie(t *testing.T, v *visitor, id string) {
	u, _ := url.Parse(v.e.srv.URL + "/")
	v.client.Jar.SetCookies(u, []*http.Cookie{{Name: "sakebot_chat", Value: id + ".AAAAAAAAAAAAAAAAAAAAAA", Path: "/"}})
}

// cookieOf is the visitor cookie a response sets.
func cookieOf(t *testing.T, res *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range res.Cookies() {
		if c.Name == "sakebot_chat" {
			return c
		}
	}
	t.Fatal("no visitor cookie set")
	return nil
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}
