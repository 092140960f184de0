package line_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/handlers"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

func TestMain(m *testing.M) { storetest.Main(m) }

const secret = "test-channel-secret"

// env is the whole LINE path over a real store: the server with the
// webhook mounted, the worker, and a fake LINE API.
type env struct {
	t      *testing.T
	url    string
	api    *linetest.API
	store  *store.Store
	srv    *httptest.Server
	worker *worker.Worker
	clock  *storetest.Clock // the one clock of the store, the engine, the worker and the webhook
	seq    atomic.Int64
	// slow turns the fast lane off: the webhook only stores events, as
	// when a batch cannot be answered at once (and as Slack's do).
	slow bool
	// backlog is the worker's LaneBacklog (0: the default).
	backlog int
}

func newEnv(t *testing.T, url string) *env { return newEnvWith(t, url, &env{}) }

// newEnvLane is newEnv with the fast lane on or off.
func newEnvLane(t *testing.T, url string, lane bool) *env {
	return newEnvWith(t, url, &env{slow: !lane})
}

// newEnvWith is newEnv with the options set in e (slow, backlog).
func newEnvWith(t *testing.T, url string, e *env) *env {
	e.t, e.url, e.api, e.clock = t, url, linetest.NewAPI(t), storetest.NewRunningClock(t)
	e.store = storetest.Open(t, url, e.clock.Now)
	if _, err := e.store.SeedFAQs(context.Background(), faqfile.Default()); err != nil {
		t.Fatal(err)
	}
	e.start()
	return e
}

// start builds the server and the worker, as a process start would.
func (e *env) start() {
	cfg := line.Config{Secret: secret, PreviousSecret: "old-secret", Token: "test-token", APIBase: e.api.URL, DataAPIBase: e.api.URL,
		Now: e.clock.Now}
	client, err := line.NewClient(cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	log := testLogger(e.t)
	eng := bot.NewEngine(bot.Config{Store: e.store, Logger: log, Now: e.clock.Now})
	e.worker = worker.New(worker.Config{Engine: eng, Inbox: e.store, Outbox: e.store, Logger: log,
		Senders:   map[bot.Channel]worker.Sender{bot.ChannelLINE: line.NewSender(client, log)},
		Profiles:  map[bot.Channel]worker.ProfileSource{bot.ChannelLINE: client},
		Now:       e.clock.Now,
		RateLimit: 20, RateCounter: e.store, Batch: e.store, LaneBacklog: e.backlog})
	// As serve wires it: the worker's fast lane stores and answers the events.
	var wh http.Handler = line.NewWebhook(cfg, e.worker, nil, log)
	if e.slow {
		wh = line.NewWebhook(cfg, e.store, e.worker.Wake, log)
	}
	h := handlers.NewHandler(handlers.Config{Logger: log, Ready: e.store.Ready, Mounts: map[string]http.Handler{"POST /line/webhook": wh}})
	e.srv = httptest.NewServer(h)
	e.t.Cleanup(e.srv.Close)
}

// post sends a signed webhook body and returns the status.
func (e *env) post(body []byte) int {
	return e.postSigned(body, linetest.Sign(secret, body))
}

func (e *env) postSigned(body []byte, sig string) int {
	e.t.Helper()
	req, _ := http.NewRequest("POST", e.srv.URL+"/line/webhook", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if sig != "" {
		req.Header.Set("X-Line-Signature", sig)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// run waits for the replies the fast lane is sending, then lets the worker
// process every event left pending and deliver what is due.
func (e *env) run() (processed, sent int) {
	e.t.Helper()
	e.worker.Settle()
	ctx := context.Background()
	p, err := e.worker.ProcessEvents(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	s, err := e.worker.DeliverDue(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	return p, s
}

// send posts one event (signed), expects 200 and runs the worker.
func (e *env) send(ev map[string]any) {
	e.t.Helper()
	if code := e.post(callback(ev)); code != 200 {
		e.t.Fatalf("webhook answered %d", code)
	}
	e.run()
}

// callback wraps events in a webhook body.
func callback(events ...map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"destination": "Uffffffffffffffffffffffffffffffff", "events": events})
	return b
}

// event builds an event of the current shape for user.
func (e *env) event(typ, user string, extra map[string]any) map[string]any {
	n := e.seq.Add(1)
	ev := map[string]any{
		"type": typ, "mode": "active", "timestamp": e.clock.Now().UnixMilli(),
		"source":          map[string]any{"type": "user", "userId": user},
		"webhookEventId":  fmt.Sprintf("01HTEST%020d", n),
		"deliveryContext": map[string]any{"isRedelivery": false},
		"replyToken":      fmt.Sprintf("token-%d", n),
	}
	for k, v := range extra {
		ev[k] = v
	}
	return ev
}

func (e *env) text(user, text string) map[string]any {
	return e.event("message", user, map[string]any{"message": map[string]any{"type": "text", "id": "m1", "text": text}})
}

func (e *env) postback(user, data string) map[string]any {
	return e.event("postback", user, map[string]any{"postback": map[string]any{"data": data}})
}

// lastTexts returns the text (or altText) of every message of the last delivery.
func (e *env) lastTexts() string {
	d := e.api.Delivered()
	if len(d) == 0 {
		e.t.Fatal("nothing delivered")
	}
	return messagesText(d[len(d)-1])
}

func messagesText(c linetest.Call) string {
	var b strings.Builder
	for _, m := range c.Messages() {
		if s, ok := m["text"].(string); ok {
			b.WriteString(s + "\n")
		}
		if s, ok := m["altText"].(string); ok {
			b.WriteString(s + "\n")
		}
	}
	return b.String()
}

// quickReplies returns label → postback data of the last delivery's quick
// reply and Flex buttons.
func (e *env) quickReplies() map[string]string {
	out := map[string]string{}
	d := e.api.Delivered()
	raw, _ := json.Marshal(d[len(d)-1].Body)
	linetest.CollectPostbacks(raw, out)
	return out
}

// tap sends the postback of the button labelled label in the last delivery.
func (e *env) tap(user, label string) {
	e.t.Helper()
	data, ok := e.quickReplies()[label]
	if !ok {
		e.t.Fatalf("no button %q in the last delivery: %v", label, e.quickReplies())
	}
	e.send(e.postback(user, data))
}

func testLogger(t *testing.T) *slogLogger { return newTestLogger(t) }
