package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// WorkerConfig is what a Worker needs.
type WorkerConfig struct {
	Engine  *Engine
	Inbox   Inbox
	Outbox  Outbox
	Senders map[Channel]Sender // by Delivery.Key.Channel
	// Profiles look up display names for new followers, by channel.
	Profiles map[Channel]ProfileSource
	// Busy shows a "typing" indicator, by channel, when an event waited
	// more than BusyAfter before processing (a backlog).
	Busy      map[Channel]BusyIndicator
	BusyAfter time.Duration // default 1s
	// Now is the clock deliveries are scheduled by (tests move it).
	Now func() time.Time
	// RateLimit is how many events one user may send per minute; the
	// event over it gets a polite note, later ones are dropped until the
	// minute has passed. The form is left as it is. Zero turns it off.
	RateLimit   int
	RateCounter RateCounter
	// Observer is told about each event and delivery (metrics); optional.
	Observer Observer
	Logger   *slog.Logger
	// Poll is how often the queues are checked without a Wake (events
	// accepted by another replica, retries coming due). Default 500ms.
	Poll time.Duration
	// Processors is how many events are processed at once (different
	// users only). Default 4.
	Processors int
	// MaxAttempts is how often a delivery is tried before it is given up.
	// Default 12 (about half an hour of backoff).
	MaxAttempts int
}

// RateCounter counts a user's recent events, for the rate limit.
type RateCounter interface {
	// EventsUpTo counts the events received from key after from, up to
	// and including the event seq.
	EventsUpTo(ctx context.Context, key UserKey, from time.Time, seq int64) (int, error)
}

// Observer is told what the worker does, for metrics. Its methods must be
// cheap and safe for concurrent use.
type Observer interface {
	// EventProcessed reports one event's processing time and error.
	EventProcessed(ch Channel, took time.Duration, err error)
	// DeliveryDone reports an attempt: outcome is "sent", "retry" or
	// "failed"; sinceEvent is the time from the causing event to "sent".
	DeliveryDone(ch Channel, kind DeliveryKind, outcome string, sinceEvent time.Duration)
}

type nopObserver struct{}

func (nopObserver) EventProcessed(Channel, time.Duration, error)              {}
func (nopObserver) DeliveryDone(Channel, DeliveryKind, string, time.Duration) {}

// Worker processes the inbox (events → engine → outbox, one transaction
// per event) and delivers the outbox with retries. Any number of workers,
// in any number of replicas, can share one database.
type Worker struct {
	cfg       WorkerConfig
	log       *slog.Logger
	wakeInbox chan struct{}
	wakeOut   chan struct{}
}

// NewWorker returns a Worker configured by cfg.
func NewWorker(cfg WorkerConfig) *Worker {
	if cfg.Poll <= 0 {
		cfg.Poll = 500 * time.Millisecond
	}
	if cfg.Processors <= 0 {
		cfg.Processors = 4
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 12
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Observer == nil {
		cfg.Observer = nopObserver{}
	}
	if cfg.BusyAfter <= 0 {
		cfg.BusyAfter = time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Worker{cfg: cfg, log: log, wakeInbox: make(chan struct{}, 1), wakeOut: make(chan struct{}, 1)}
}

// Wake tells the worker that new events are waiting. It never blocks.
func (w *Worker) Wake() { signal(w.wakeInbox) }

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// Run processes and delivers until ctx ends, then returns after the work in
// hand is finished (an event's transaction, a send in flight).
func (w *Worker) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for range w.cfg.Processors {
		wg.Go(func() { w.loop(ctx, w.wakeInbox, w.ProcessEvents) })
	}
	wg.Go(func() { w.loop(ctx, w.wakeOut, w.DeliverDue) })
	wg.Wait()
}

// loop runs step until it finds nothing to do, then waits for a wake-up
// or the poll interval.
func (w *Worker) loop(ctx context.Context, wake chan struct{}, step func(context.Context) (int, error)) {
	t := time.NewTicker(w.cfg.Poll)
	defer t.Stop()
	for ctx.Err() == nil {
		if _, err := step(ctx); err != nil {
			w.log.Error("worker step failed", "err", err)
		}
		select {
		case <-ctx.Done():
		case <-wake:
		case <-t.C:
		}
	}
}

// ProcessEvents processes pending events until none is left (or ctx
// ends; the event in hand is finished regardless) and reports how many it
// processed. Tests call it directly.
func (w *Worker) ProcessEvents(ctx context.Context) (int, error) {
	stop, ctx := ctx, context.WithoutCancel(ctx)
	n := 0
	for stop.Err() == nil {
		if err := w.cfg.Engine.Answerer().Refresh(ctx); err != nil {
			return n, err
		}
		var ch Channel
		start := time.Now()
		ok, err := w.cfg.Inbox.ProcessNextEvent(ctx, func(tx Tx, ev Event) error {
			ch = ev.Incoming.Key.Channel
			return w.process(tx, ev)
		})
		if !ok {
			return n, err
		}
		w.cfg.Observer.EventProcessed(ch, time.Since(start), err)
		if err != nil {
			w.log.Error("event failed; will retry", "err", err)
			return n, nil
		}
		n++
		signal(w.wakeOut)
	}
	return n, nil
}

// process runs one event through the engine and queues the replies, in the
// event's transaction.
func (w *Worker) process(tx Tx, ev Event) error {
	ctx := context.Background()
	w.enrich(ctx, &ev)
	replies, err := w.limit(ctx, ev)
	if err == nil && replies == nil {
		replies, err = w.cfg.Engine.Turn(ctx, tx, ev.Incoming)
	}
	if err != nil || len(replies) == 0 {
		return err
	}
	at := ev.Incoming.At
	if at.IsZero() {
		at = ev.ReceivedAt
	}
	return tx.Enqueue(ctx, &Delivery{Kind: DeliveryReply, Key: ev.Incoming.Key, To: ev.Incoming.ReplyTo,
		Thread: ev.Incoming.Thread, ReplyToken: ev.ReplyToken, EventAt: at, Replies: replies})
}

// limit enforces the per-user rate limit. It returns the polite note for
// the first event over the limit, an empty (non-nil) list for later ones,
// and nil when the event may go to the engine.
func (w *Worker) limit(ctx context.Context, ev Event) ([]Reply, error) {
	in := ev.Incoming
	if w.cfg.RateLimit <= 0 || w.cfg.RateCounter == nil || in.Kind == KindFollow || in.Kind == KindUnfollow {
		return nil, nil
	}
	n, err := w.cfg.RateCounter.EventsUpTo(ctx, in.Key, ev.ReceivedAt.Add(-time.Minute), ev.Seq)
	switch {
	case err != nil:
		return nil, err
	case n <= w.cfg.RateLimit:
		return nil, nil
	case n == w.cfg.RateLimit+1:
		w.log.Warn("rate limit reached", "channel", string(in.Key.Channel))
		return []Reply{{Text: msgRateLimited}}, nil
	}
	return []Reply{}, nil
}

// enrich adds what the platform did not send with the event: a new
// follower's display name (on a channel without follow events, the
// display name of whoever writes one to one). When the event waited in a backlog, it also
// shows the user that an answer is coming.
func (w *Worker) enrich(ctx context.Context, ev *Event) {
	in := &ev.Incoming
	if b, ok := w.cfg.Busy[in.Key.Channel]; ok && !in.Group && time.Since(ev.ReceivedAt) > w.cfg.BusyAfter &&
		(in.Kind == KindMessage || in.Kind == KindPostback) {
		go func() {
			bctx, cancel := context.WithTimeout(ctx, 3*time.Second)
			defer cancel()
			if err := b.ShowBusy(bctx, in.Key.UserID); err != nil {
				w.log.Warn("cannot show busy indicator", "err", err)
			}
		}()
	}
	p, ok := w.cfg.Profiles[in.Key.Channel]
	if !ok || in.DisplayName != "" || in.Group {
		return
	}
	if _, onMessages := p.(MessageProfileSource); in.Kind != KindFollow &&
		!(onMessages && (in.Kind == KindMessage || in.Kind == KindPostback)) {
		return
	}
	pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	name, err := p.DisplayName(pctx, in.Key.UserID)
	if err != nil {
		w.log.Warn("cannot look up display name", "err", err)
		return
	}
	in.DisplayName = name
}

// DeliverDue sends the deliveries that are due until none is left (or ctx
// ends; sends in flight are finished) and reports how many it sent. Tests
// call it directly.
func (w *Worker) DeliverDue(ctx context.Context) (int, error) {
	stop, ctx := ctx, context.WithoutCancel(ctx)
	sent := 0
	for stop.Err() == nil {
		batch, err := w.cfg.Outbox.ClaimDeliveries(ctx, w.cfg.Now(), 16, time.Minute)
		if err != nil || len(batch) == 0 {
			return sent, err
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		for _, d := range batch {
			wg.Go(func() {
				if w.deliver(ctx, d) {
					mu.Lock()
					sent++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
	}
	return sent, nil
}

// deliver sends one delivery and records the outcome; it reports success.
func (w *Worker) deliver(ctx context.Context, d Delivery) bool {
	log := w.log.With("delivery", d.ID, "kind", string(d.Kind), "channel", string(d.Key.Channel), "attempt", d.Attempts+1)
	s, ok := w.cfg.Senders[d.Key.Channel]
	if !ok {
		w.record(ctx, log, w.cfg.Outbox.DeliveryFailed(ctx, d.ID, "no sender for channel"))
		log.Error("delivery dropped: channel is off")
		return false
	}
	err := s.Send(ctx, d)
	if err == nil {
		w.cfg.Observer.DeliveryDone(d.Key.Channel, d.Kind, "sent", w.cfg.Now().Sub(d.EventAt))
		w.record(ctx, log, w.cfg.Outbox.DeliverySent(ctx, d.ID))
		return true
	}
	giveUp, wait := retryPolicy(err, d.Attempts, w.cfg.MaxAttempts)
	outcome := "retry"
	if giveUp {
		outcome = "failed"
	}
	w.cfg.Observer.DeliveryDone(d.Key.Channel, d.Kind, outcome, 0)
	if giveUp {
		log.Error("delivery failed for good", "err", err)
		w.record(ctx, log, w.cfg.Outbox.DeliveryFailed(ctx, d.ID, err.Error()))
		return false
	}
	log.Warn("delivery failed; will retry", "err", err, "wait", wait)
	w.record(ctx, log, w.cfg.Outbox.RetryDelivery(ctx, d.ID, w.cfg.Now().Add(wait), err.Error()))
	return false
}

func (w *Worker) record(ctx context.Context, log *slog.Logger, err error) {
	if err != nil && !errors.Is(err, context.Canceled) {
		log.Error("cannot record delivery outcome", "err", err)
	}
}
