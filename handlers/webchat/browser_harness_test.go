package webchat_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/handlers"
	"github.com/sakemodel/sakebot/handlers/webchat"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// The environment the browser tests read (as in handlers/admin).
const (
	// envChromium overrides where Chromium is.
	envChromium = "SAKEBOT_CHROMIUM"
	// envRequireBrowser, when "1", makes a missing Chromium fail the browser
	// tests instead of skipping them (CI sets it).
	envRequireBrowser = "SAKEBOT_REQUIRE_BROWSER"
	// defaultChromium is where Debian's chromium package puts it.
	defaultChromium = "/usr/bin/chromium"
)

// waitTimeout bounds every wait for the page or the server: generous, for
// a loaded machine under -race (the first page also waits for Chromium and
// the engine's dictionary to load); only a failing test waits that long.
const waitTimeout = 60 * time.Second

// chromium returns the path of the Chromium binary, skipping the test when
// there is none (failing it when the browser is required).
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv(envChromium)
	if path == "" {
		path = defaultChromium
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv(envRequireBrowser) == "1" {
			t.Fatalf("Chromium is required (%s=1) but not found at %s: %v", envRequireBrowser, path, err)
		}
		t.Skipf("skipping browser test: no Chromium at %s (install Debian's chromium package, or set %s; "+
			"%s=1 makes this a failure)", path, envChromium, envRequireBrowser)
	}
	return path
}

// browser is the one headless Chromium of the browser tests: the first
// of them starts it, each test works in a browser context of its own (its
// own cookies, as a fresh profile), and TestMain stops it.
var browser struct {
	once sync.Once
	ctx  context.Context // a first tab; tests open theirs from it
	stop func()
	err  error
}

// sharedBrowser returns the context of the tests' Chromium, starting it
// the first time.
func sharedBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromium(t)
	browser.once.Do(func() {
		allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(path),
			chromedp.Flag("headless", true),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.WindowSize(1024, 900)) // a profile in a temporary directory, removed when it stops
		ctx, cancelTab := chromedp.NewContext(allocCtx)
		browser.ctx, browser.stop = ctx, func() { cancelTab(); cancelAlloc() }
		browser.err = chromedp.Do(ctx) // start it now, with no deadline
	})
	if browser.err != nil {
		t.Fatalf("start Chromium: %v", browser.err)
	}
	return browser.ctx
}

// stopBrowser stops the tests' Chromium, if a test started it.
func stopBrowser() {
	if browser.stop != nil {
		browser.stop()
	}
}

// newBrowser opens a tab in a new browser context of the tests' Chromium
// (a fresh profile: no cookies), with a viewport of width×height, and
// returns a context to drive it and the record of the JavaScript dialogs
// its pages open. A dialog (an injected alert(1) would open one) is
// dismissed at once so the page goes on, and fails the test unless it is
// a probe (its message starts with "probe"). The tab and its browser
// context go when the test ends.
func newBrowser(t *testing.T, width, height int64) (context.Context, *dialogs) {
	t.Helper()
	ctx, cancelTab := chromedp.NewContext(sharedBrowser(t), chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	d := &dialogs{}
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			d.add(ev.Message)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	t.Cleanup(func() { // before the tab closes
		for _, m := range d.seen() {
			if !strings.HasPrefix(m, "probe") {
				t.Errorf("a page opened a JavaScript dialog: %q", m)
			}
		}
	})
	return ctx, d
}

// dialogs records the messages of the JavaScript dialogs pages opened.
type dialogs struct {
	mu   sync.Mutex
	msgs []string
}

func (d *dialogs) add(m string) {
	d.mu.Lock()
	d.msgs = append(d.msgs, m)
	d.mu.Unlock()
}

func (d *dialogs) seen() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.msgs...)
}

// probe opens an alert in the page and waits until d records it: it
// proves the record would have seen a dialog an injected script opened.
func (d *dialogs) probe(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[chromedp.Void](t, ctx, `setTimeout(() => alert('probe'), 0)`)
	deadline := time.Now().Add(waitTimeout)
	for !slices.Contains(d.seen(), "probe") {
		if time.Now().After(deadline) {
			t.Fatal("an alert of the page was not seen: the check for dialogs sees nothing")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// do runs browser steps and fails the test on an error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs a browser action that returns a value and fails the test on an
// error.
func get[T any](t *testing.T, ctx context.Context, what string, action chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return get(t, ctx, "evaluate "+expr, chromedp.Evaluate[T](expr))
}

// waitJS waits until the function fn (JavaScript source), called with
// args, returns a truthy value in the page (or in the frame of the iframe
// node frame, when not nil).
func waitJS(t *testing.T, ctx context.Context, what, fn string, frame *chromedp.Node, args ...any) {
	t.Helper()
	opts := []chromedp.PollOption{chromedp.WithPollingTimeout(waitTimeout), chromedp.WithPollingInterval(50 * time.Millisecond),
		chromedp.WithPollingArgs(args...)}
	if frame != nil {
		opts = append(opts, chromedp.WithPollingInFrame(frame))
	}
	wctx, cancel := context.WithTimeout(ctx, waitTimeout+5*time.Second) // even if the predicate throws
	defer cancel()
	if _, err := chromedp.Run(wctx, chromedp.PollFunction[chromedp.Void](fn, opts...)); err != nil {
		t.Fatalf("wait until %s: %v\nthe page shows:\n%s", what, err, describeLog(ctx, frame))
	}
}

// describeLog is the log of the chat as text, for failure messages.
func describeLog(ctx context.Context, frame *chromedp.Node) string {
	opts := []chromedp.PollOption{chromedp.WithPollingTimeout(2 * time.Second)}
	if frame != nil {
		opts = append(opts, chromedp.WithPollingInFrame(frame))
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.PollFunction[string](`() => {
		const log = document.getElementById('log');
		if (!log) return 'no #log: ' + document.location.href;
		const rows = Array.from(log.querySelectorAll('.line')).map((l) =>
			'[' + l.className + ' id=' + (l.dataset.id || '') + '] ' + l.textContent.replace(/\s+/g, ' '));
		const err = document.getElementById('error');
		const status = document.getElementById('status');
		return rows.join('\n') + '\nerror: ' + (err ? err.textContent : '') + '\nstatus: ' + (status && !status.hidden ? status.textContent : '');
	}`, opts...))
	if err != nil {
		return "(cannot read the page: " + err.Error() + ")"
	}
	return out
}

// pageLine is a line of the chat as the page shows it.
type pageLine struct {
	Class    string   `json:"class"`
	ID       string   `json:"id"`
	ClientID string   `json:"clientId"`
	Text     string   `json:"text"`    // the bubbles' text
	Choices  []string `json:"choices"` // the labels of its choice buttons
	Summary  string   `json:"summary"` // the summary card's text
}

func (l pageLine) bot() bool     { return strings.Contains(" "+l.Class+" ", " bot ") }
func (l pageLine) visitor() bool { return strings.Contains(" "+l.Class+" ", " visitor ") }

// linesJS reads the lines of the chat's log.
const linesJS = `Array.from(document.querySelectorAll('#log .line')).map((l) => ({
	class: l.className, id: l.dataset.id || '', clientId: l.dataset.clientId || '',
	text: Array.from(l.querySelectorAll('.bubble')).map((b) => b.textContent).join('\n'),
	choices: Array.from(l.querySelectorAll('button.choice')).map((b) => b.textContent),
	summary: Array.from(l.querySelectorAll('section.summary')).map((s) => s.textContent).join('\n'),
}))`

// lines reads the lines the page shows.
func lines(t *testing.T, ctx context.Context) []pageLine {
	t.Helper()
	return eval[[]pageLine](t, ctx, linesJS)
}

// botLines is how many lines of the bot the page shows.
func botLines(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `document.querySelectorAll('#log .line.bot').length`)
}

// openChat opens the chat page at url and waits for the first "ready" of
// its stream (the log is no longer busy) and a line of the bot.
func openChat(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	do(t, ctx, "open "+url, chromedp.Navigate(url))
	waitReady(t, ctx)
}

// waitReady waits until the page has its history (aria-busy false) and
// shows at least one line of the bot.
func waitReady(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, "the chat is ready", `() => document.getElementById('log').getAttribute('aria-busy') === 'false' &&
		document.querySelector('#log .line.bot .bubble') !== null`, nil)
}

// waitBot waits until a line of the bot after the first after of them
// contains every string of want, and nothing waits to be sent.
func waitBot(t *testing.T, ctx context.Context, after int, want ...string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("the bot says %q", want), `(after, want) => {
		if (document.querySelector('#log .line.pending')) return false;
		const bots = Array.from(document.querySelectorAll('#log .line.bot')).slice(after);
		return bots.some((l) => (want || []).every((w) => l.textContent.includes(w)));
	}`, nil, after, want)
}

// lastBot is the last line of the bot the page shows.
func lastBot(t *testing.T, ctx context.Context) pageLine {
	t.Helper()
	ls := lines(t, ctx)
	for i := len(ls) - 1; i >= 0; i-- {
		if ls[i].bot() {
			return ls[i]
		}
	}
	t.Fatal("the page shows no line of the bot")
	return pageLine{}
}

// thinkTime is how long a person takes to read the bot's line and answer
// it. The tests' clock is moved by it before each message, as the send
// endpoint's rate limit (a burst of 20, then one every 2 seconds) counts
// on that clock: a test that typed a whole form at once would be refused.
const thinkTime = 4 * time.Second

// chat is a visitor at the chat's page of site, in the browser of ctx.
type chat struct {
	t    *testing.T
	ctx  context.Context
	site *chatSite
}

// think lets the visitor take a person's time before the next message.
func (c *chat) think() { c.site.clock.Advance(thinkTime) }

// send types text in the chat's input and presses Enter.
func (c *chat) send(text string) {
	c.t.Helper()
	c.think()
	typeText(c.t, c.ctx, text)
	do(c.t, c.ctx, "press Enter", pressEnter(0))
}

// say sends text, then waits for a new line of the bot containing every
// string of want and returns the bot's last line.
func (c *chat) say(text string, want ...string) pageLine {
	c.t.Helper()
	n := botLines(c.t, c.ctx)
	c.send(text)
	waitBot(c.t, c.ctx, n, want...)
	return lastBot(c.t, c.ctx)
}

// tap clicks the choice button labelled label with the mouse, then waits
// for a new line of the bot containing every string of want and returns
// the bot's last line.
func (c *chat) tap(label string, want ...string) pageLine {
	c.t.Helper()
	n := botLines(c.t, c.ctx)
	c.think()
	do(c.t, c.ctx, "tap "+label, chromedp.Click(choiceButton(label)))
	waitBot(c.t, c.ctx, n, want...)
	return lastBot(c.t, c.ctx)
}

// typeText types text into the chat's input as a keyboard's IME commits
// it (Input.insertText: beforeinput and input events, no keys).
func typeText(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	typeTextIn(t, ctx, nil, text)
}

// typeTextIn is typeText in the frame of the iframe node frame (nil: the
// page).
func typeTextIn(t *testing.T, ctx context.Context, frame *chromedp.Node, text string) {
	t.Helper()
	var opts []chromedp.QueryOption
	if frame != nil {
		opts = append(opts, chromedp.FromNode(frame))
	}
	do(t, ctx, "type "+text, chromedp.Focus(chromedp.CSS("#input"), opts...), insertText(text))
}

// insertText inserts text where the focus is, as an IME commits it.
func insertText(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}

// Key modifiers of input.DispatchKeyEvent.
const modShift = 8

// pressEnter presses and releases the Enter key as a keyboard does: a
// keydown that types "\r" unless the page cancels it, then a keyup.
func pressEnter(modifiers int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Modifiers: modifiers,
			Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13, Text: "\r", UnmodifiedText: "\r"}
		if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, down); err != nil {
			return err
		}
		up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Modifiers: modifiers,
			Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
		_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, up)
		return err
	})
}

// choiceButton selects the choice button of the log labelled label.
func choiceButton(label string) chromedp.JSPath {
	q, _ := json.Marshal(label)
	return chromedp.JSPath(`Array.from(document.querySelectorAll('#log button.choice')).find((b) => b.textContent === ` + string(q) + `)`)
}

// visitorID is the visitor id of the browser's cookie for site.
func visitorID(t *testing.T, ctx context.Context, site string) string {
	t.Helper()
	res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{site + "/"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Cookies {
		if c.Name == "sakebot_chat" {
			id, _, _ := strings.Cut(c.Value, ".")
			return id
		}
	}
	t.Fatal("the browser has no visitor cookie")
	return ""
}

// chatSite is the web chat as `sakebot serve` runs it, listening on a
// fixed address of 127.0.0.1, over a real database: its process (the
// store's connections, the engine, the worker, the hub and the HTTP
// server) can be stopped and started again on the same address and
// database, as a restart of the server would.
type chatSite struct {
	t       *testing.T
	dbURL   string
	clock   *storetest.Clock
	store   *store.Store // another connection to the database, for the tests' checks (as the admin would)
	addr    string       // 127.0.0.1:port
	URL     string       // http://127.0.0.1:port
	allowed []string     // WEBCHAT_ALLOWED_ORIGINS

	mu      sync.Mutex
	proc    *process
	gateway *http.Server // answers 502 while the server is down, as a proxy in front of it would
	reqs    []request    // what the server (or the gateway) was asked, in order
	hold    chan struct{}
}

// request is one request the server got, and its answer's status.
type request struct {
	Method, Path, Query, Referer, Origin string
	LastEventID                          string // a stream's cursor, sent by the browser when it reconnects
	Status                               int
}

// process is one run of the server.
type process struct {
	srv    *http.Server
	store  *store.Store
	cancel context.CancelFunc
	bg     sync.WaitGroup // the worker, the hub's poll and Serve

	mu       sync.Mutex
	closed   bool
	handlers sync.WaitGroup // requests being answered
}

// newChatSite starts the web chat on a new database at dbURL, on a
// running clock, allowing the sites allowed to embed it.
func newChatSite(t *testing.T, dbURL string, allowed ...string) *chatSite {
	t.Helper()
	return newChatSiteOn(t, dbURL, storetest.NewRunningClock(t), allowed...)
}

// newChatSiteOn is newChatSite on the clock given (a stopped one holds the
// rate limits' buckets still).
func newChatSiteOn(t *testing.T, dbURL string, clock *storetest.Clock, allowed ...string) *chatSite {
	t.Helper()
	s := &chatSite{t: t, dbURL: dbURL, clock: clock, allowed: allowed}
	s.store = storetest.Open(t, dbURL, s.clock.Now) // migrates
	if _, err := s.store.SeedFAQs(context.Background(), faqfile.Default()); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	s.URL = "http://" + s.addr
	ln.Close()
	s.start()
	t.Cleanup(s.stop)
	return s
}

// start starts a new process of the server on the site's address.
func (s *chatSite) start() {
	t := s.t
	t.Helper()
	s.mu.Lock()
	running, gw := s.proc != nil, s.gateway
	s.gateway = nil
	s.mu.Unlock()
	if running {
		t.Fatal("the server is running already")
	}
	if gw != nil {
		gw.Close()
	}
	ctx := context.Background()
	st, err := store.Open(ctx, s.dbURL, s.clock.Now)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	log := slog.New(slog.DiscardHandler)
	hub := webchat.NewHub()
	eng := bot.NewEngine(bot.Config{Store: st, Logger: log, Now: s.clock.Now})
	wk := worker.New(worker.Config{Engine: eng, Inbox: st, Outbox: st, Logger: log,
		Senders: map[bot.Channel]worker.Sender{bot.ChannelWeb: webchat.NewSender(st, hub)},
		Now:     s.clock.Now, RateLimit: 20, RateCounter: st, Batch: st, Poll: 50 * time.Millisecond})
	secret, err := st.WebChatSecret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := webchat.New(webchat.Config{Log: st, Inbox: wk, Hub: hub, Secret: secret, AllowedOrigins: s.allowed,
		VisitorTTL: 14 * 24 * time.Hour, Now: s.clock.Now, Logger: log})
	p := &process{store: st}
	root := handlers.NewHandler(handlers.Config{Logger: log, Ready: st.Ready,
		Mounts: map[string]http.Handler{"GET /{$}": h, "/webchat/": h}})
	p.srv = handlers.NewServer(s.addr, s.track(p, root), log)
	ln := s.listen()
	runCtx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.bg.Add(3)
	go func() { defer p.bg.Done(); wk.Run(runCtx) }()
	go func() { defer p.bg.Done(); hub.Poll(runCtx, st, 100*time.Millisecond, s.clock.Now, log) }()
	go func() { defer p.bg.Done(); p.srv.Serve(ln) }()
	s.mu.Lock()
	s.proc = p
	s.mu.Unlock()
}

// listen listens on the site's address again (a port in TIME_WAIT is
// reused; another process may hold it a moment).
func (s *chatSite) listen() net.Listener {
	deadline := time.Now().Add(5 * time.Second)
	for {
		ln, err := net.Listen("tcp", s.addr)
		if err == nil {
			return ln
		}
		if !errors.Is(err, syscall.EADDRINUSE) || time.Now().After(deadline) {
			s.t.Fatalf("listen on %s again: %v", s.addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop stops the server's process as a restart does: the listener and
// every connection close (the pages' streams break), the requests being
// answered end, the worker and the hub stop, and the store is closed.
func (s *chatSite) stop() {
	s.mu.Lock()
	p := s.proc
	s.proc = nil
	if s.hold != nil {
		close(s.hold)
		s.hold = nil
	}
	s.mu.Unlock()
	if p == nil {
		return
	}
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.srv.Close()
	p.handlers.Wait()
	p.cancel()
	p.bg.Wait()
	if err := p.store.Close(); err != nil {
		s.t.Errorf("close the server's store: %v", err)
	}
}

// badGateway stops the server and answers every request on its address
// with 502 Bad Gateway until start, as a proxy in front of a server that
// is down does.
func (s *chatSite) badGateway() {
	s.stop()
	gw := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.reqs = append(s.reqs, request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
			Referer: r.Header.Get("Referer"), Origin: r.Header.Get("Origin"), LastEventID: r.Header.Get("Last-Event-ID"),
			Status: http.StatusBadGateway})
		s.mu.Unlock()
		http.Error(w, "502 Bad Gateway", http.StatusBadGateway)
	})}
	ln := s.listen()
	s.mu.Lock()
	s.gateway = gw
	s.mu.Unlock()
	go gw.Serve(ln)
	s.t.Cleanup(func() { gw.Close() })
}

// waitRequest waits until the server (or the gateway) has answered a
// request for path with status.
func (s *chatSite) waitRequest(path string, status int) {
	s.t.Helper()
	for deadline := time.Now().Add(waitTimeout); ; time.Sleep(20 * time.Millisecond) {
		for _, r := range s.requests(path) {
			if r.Status == status {
				return
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no request for %s was answered with %d: %+v", path, status, s.requests(path))
		}
	}
}

// track records each request and its status, holds the streams while the
// site holds them, and counts the requests being answered.
func (s *chatSite) track(p *process, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			http.Error(w, "stopping", http.StatusServiceUnavailable)
			return
		}
		p.handlers.Add(1)
		p.mu.Unlock()
		defer p.handlers.Done()
		s.mu.Lock()
		hold, i := s.hold, len(s.reqs)
		s.reqs = append(s.reqs, request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
			Referer: r.Header.Get("Referer"), Origin: r.Header.Get("Origin"), LastEventID: r.Header.Get("Last-Event-ID")})
		s.mu.Unlock()
		if hold != nil && r.URL.Path == "/webchat/events" {
			select {
			case <-hold:
			case <-r.Context().Done():
				return
			}
		}
		sw := &statusWriter{ResponseWriter: w, site: s, i: i}
		h.ServeHTTP(sw, r)
	})
}

// holdStreams makes the server hold new streams (/webchat/events) until
// release is called.
func (s *chatSite) holdStreams() (release func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan struct{})
	s.hold = ch
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.hold == ch {
			close(ch)
			s.hold = nil
		}
	}
}

// requests returns the requests received so far whose path is path (a
// status of 0: not answered yet).
func (s *chatSite) requests(path string) []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []request
	for _, r := range s.reqs {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// statusWriter remembers the status of a response; it passes Flush on (the
// stream needs it) through Unwrap.
type statusWriter struct {
	http.ResponseWriter
	site   *chatSite
	i      int // the request's index in site.reqs
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.record(code)
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.record(http.StatusOK)
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) record(code int) {
	if w.status != 0 {
		return
	}
	w.status = code
	w.site.mu.Lock()
	w.site.reqs[w.i].Status = code
	w.site.mu.Unlock()
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// storedLines is the visitor's conversation as stored.
func (s *chatSite) storedLines(visitor string) []bot.ChatLine {
	s.t.Helper()
	ls, err := s.store.WebLastMessages(context.Background(), visitor, 1000)
	if err != nil {
		s.t.Fatal(err)
	}
	return ls
}
