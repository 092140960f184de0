package worker_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// recruiters is where the engine notifies recruiters (handoffs, notices).
var recruiters = bot.Notify{Channel: bot.ChannelSlack, To: "CRECRUIT"}

// harness is a worker over a real, seeded store and a real engine, on a
// stopped clock, with fake LINE and Slack senders.
type harness struct {
	t        *testing.T
	ctx      context.Context
	store    *store.Store
	clock    *storetest.Clock
	engine   *bot.Engine
	line     *sender // the LINE sender of workers made by newWorker
	slack    *sender // the Slack sender (recruiters)
	observed observer
	w        *worker.Worker // the default worker
	n        int            // events made so far, for their ids
}

// forEachEngine runs fn with a fresh harness on SQLite and on PostgreSQL,
// in parallel with the other tests (each has its own database and clock).
func forEachEngine(t *testing.T, fn func(t *testing.T, h *harness)) {
	t.Helper()
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		fn(t, newHarness(t, url))
	})
}

func newHarness(t *testing.T, url string) *harness {
	t.Helper()
	h := &harness{t: t, ctx: context.Background(), clock: storetest.NewClock(t), line: &sender{}, slack: &sender{}}
	h.store = storetest.Open(t, url, h.clock.Now)
	if _, err := h.store.SeedFAQs(h.ctx, faqfile.Default()); err != nil {
		t.Fatal(err)
	}
	h.engine = bot.NewEngine(bot.Config{Store: h.store, Now: h.clock.Now, Notify: recruiters})
	h.w = h.newWorker(worker.Config{})
	return h
}

// newWorker returns a worker sharing the harness's store, engine and clock
// (another replica); the Engine, Inbox and Senders cfg leaves unset come
// from the harness. Its Batch is nil: AcceptEvents only stores events.
func (h *harness) newWorker(cfg worker.Config) *worker.Worker {
	if cfg.Engine == nil {
		cfg.Engine = h.engine
	}
	if cfg.Inbox == nil {
		cfg.Inbox = h.store
	}
	cfg.Outbox, cfg.Now, cfg.Observer = h.store, h.clock.Now, &h.observed
	if cfg.Senders == nil {
		cfg.Senders = map[bot.Channel]worker.Sender{bot.ChannelLINE: h.line, bot.ChannelSlack: h.slack}
	}
	return worker.New(cfg)
}

// lineUser is the key of a LINE user.
func lineUser(id string) bot.UserKey { return bot.UserKey{Channel: bot.ChannelLINE, UserID: id} }

// message is an event of user saying text, received now, whose reply
// carries token (so a delivery names the event it answers).
func (h *harness) message(user, text, token string) worker.Event {
	h.n++
	now := h.clock.Now()
	return worker.Event{ID: fmt.Sprintf("ev-%d", h.n), ReplyToken: token, ReceivedAt: now,
		Incoming: bot.Incoming{Key: lineUser(user), Kind: bot.KindMessage, Text: text, At: now}}
}

// accept stores events through the worker and expects all of them new.
func (h *harness) accept(w *worker.Worker, events ...worker.Event) {
	h.t.Helper()
	n, err := w.AcceptEvents(h.ctx, events)
	if err != nil || n != len(events) {
		h.t.Fatalf("AcceptEvents = %d, %v; want %d new", n, err, len(events))
	}
}

// process runs w.ProcessEvents until a call processes nothing and nothing
// failed in it (a failed event ends a call early), and returns how many
// events were processed.
func (h *harness) process(w *worker.Worker) int {
	h.t.Helper()
	total := 0
	for range 100 {
		failed := h.observed.failed.Load()
		n, err := w.ProcessEvents(h.ctx)
		if err != nil {
			h.t.Fatalf("ProcessEvents: %v", err)
		}
		total += n
		if n == 0 && h.observed.failed.Load() == failed {
			return total
		}
	}
	h.t.Fatal("ProcessEvents never ran out of events")
	return 0
}

// deliver runs w.DeliverDue once and returns how many deliveries it sent.
func (h *harness) deliver(w *worker.Worker) int {
	h.t.Helper()
	n, err := w.DeliverDue(h.ctx)
	if err != nil {
		h.t.Fatalf("DeliverDue: %v", err)
	}
	return n
}

// observer counts the events whose processing failed.
type observer struct{ failed atomic.Int64 }

func (o *observer) EventProcessed(_ bot.Channel, _ time.Duration, err error) {
	if err != nil {
		o.failed.Add(1)
	}
}
func (o *observer) DeliveryDone(bot.Channel, bot.DeliveryKind, string, time.Duration) {}

// sender is a fake channel: it records every attempt and accepts it
// unless onSend (when set) returns an error; onSend may also block.
type sender struct {
	mu     sync.Mutex
	onSend func(d bot.Delivery) error
	tries  []bot.Delivery // every call, in order
	sent   []bot.Delivery // the accepted ones, in order
}

func (s *sender) Send(_ context.Context, d bot.Delivery) error {
	s.mu.Lock()
	s.tries = append(s.tries, d)
	hook := s.onSend
	s.mu.Unlock()
	var err error
	if hook != nil {
		err = hook(d)
	}
	if err == nil {
		s.mu.Lock()
		s.sent = append(s.sent, d)
		s.mu.Unlock()
	}
	return err
}

// fail sets what Send does before accepting (nil: accept everything).
func (s *sender) fail(hook func(d bot.Delivery) error) {
	s.mu.Lock()
	s.onSend = hook
	s.mu.Unlock()
}

// tokens lists the reply tokens of the tried (all) or sent deliveries.
func (s *sender) tokens(all bool) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ds := s.sent
	if all {
		ds = s.tries
	}
	out := []string{}
	for _, d := range ds {
		out = append(out, d.ReplyToken)
	}
	return out
}

// attempts returns every attempt so far.
func (s *sender) attempts() []bot.Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]bot.Delivery(nil), s.tries...)
}

// delivered returns the accepted deliveries so far.
func (s *sender) delivered() []bot.Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]bot.Delivery(nil), s.sent...)
}

// text joins the texts of a delivery's replies.
func text(d bot.Delivery) string {
	out := ""
	for _, r := range d.Replies {
		out += r.Text + "\n"
	}
	return out
}
