package worker

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/internal/groupcommit"
	"github.com/sakemodel/sakebot/jpinput"
)

// Config is what a Worker needs.
type Config struct {
	Engine  *bot.Engine
	Inbox   Inbox
	Outbox  Outbox
	Senders map[bot.Channel]Sender // by bot.Delivery.Key.Channel
	// Profiles look up display names for new followers, by channel.
	Profiles map[bot.Channel]ProfileSource
	// Busy shows a "typing" indicator, by channel, when an event waited
	// more than BusyAfter before processing (a backlog).
	Busy      map[bot.Channel]BusyIndicator
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
	// MaxAttempts is how often a reply to a user is tried before it is
	// given up. Default 12 (about 20 minutes of backoff: an answer later
	// than that is of little use).
	MaxAttempts int
	// StaffMaxAttempts is the same for deliveries to recruiters (notices,
	// handoff threads), which must outlive an outage of some hours.
	// Default 300 (about a day at the 5-minute backoff cap).
	StaffMaxAttempts int
	// Batch turns on AcceptEvents' fast lane: events answered in the
	// transaction that stores them, many requests per transaction. Nil:
	// AcceptEvents only stores events for ProcessEvents.
	Batch BatchInbox
	// LaneSlots is how many fast-lane transactions run at once. Default 2.
	LaneSlots int
	// LaneBacklog is how many webhook requests may wait for the fast lane
	// before it only stores events, answering none of them at once, so
	// that webhooks are still acknowledged well within LINE's 2 seconds
	// when students write faster than the bot can answer; the worker
	// answers them afterwards. Default 1024.
	LaneBacklog int
}

// RateCounter counts a user's recent events, for the rate limit.
type RateCounter interface {
	// EventsUpTo counts the events received from key after from, up to
	// and including the event seq.
	EventsUpTo(ctx context.Context, key bot.UserKey, from time.Time, seq int64) (int, error)
}

// Observer is told what the worker does, for metrics. Its methods must be
// cheap and safe for concurrent use.
type Observer interface {
	// EventProcessed reports one event's processing time and error.
	EventProcessed(ch bot.Channel, took time.Duration, err error)
	// DeliveryDone reports an attempt: outcome is "sent", "retry" or
	// "failed"; sinceEvent is the time from the causing event to "sent".
	DeliveryDone(ch bot.Channel, kind bot.DeliveryKind, outcome string, sinceEvent time.Duration)
}

type nopObserver struct{}

func (nopObserver) EventProcessed(bot.Channel, time.Duration, error)                  {}
func (nopObserver) DeliveryDone(bot.Channel, bot.DeliveryKind, string, time.Duration) {}

// Worker processes the inbox (events → engine → outbox, one transaction
// per event) and delivers the outbox with retries; its fast lane
// (AcceptEvents) answers webhooks' events in the transaction that stores
// them when nothing else waits for their user. Any number of workers, in
// any number of replicas, can share one database.
type Worker struct {
	cfg       Config
	log       *slog.Logger
	wakeInbox chan struct{}
	wakeOut   chan struct{}
	lane      *groupcommit.Group[[]Event, laneResult]
	sent      *groupcommit.Group[int64, error] // marks deliveries sent, many at once
	sends     sync.WaitGroup                   // replies the fast lane is sending
	marks     sentMarks                        // and those it sent, not yet recorded
	backlog   atomic.Bool                      // the fast lane only stores events (see LaneBacklog)
}

// New returns a Worker configured by cfg.
func New(cfg Config) *Worker {
	if cfg.Poll <= 0 {
		cfg.Poll = 500 * time.Millisecond
	}
	if cfg.Processors <= 0 {
		cfg.Processors = 4
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 12
	}
	if cfg.StaffMaxAttempts <= 0 {
		cfg.StaffMaxAttempts = 300
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
	if cfg.LaneSlots <= 0 {
		cfg.LaneSlots = laneSlots
	}
	if cfg.LaneBacklog <= 0 {
		cfg.LaneBacklog = laneBacklog
	}
	w := &Worker{cfg: cfg, log: log, wakeInbox: make(chan struct{}, 1), wakeOut: make(chan struct{}, 1)}
	w.lane = groupcommit.New(cfg.LaneSlots, laneMaxRequests, w.runLane)
	w.sent = groupcommit.New(2, 256, w.markSent)
	return w
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
// hand is finished (an event's transaction, a send in flight, the fast
// lane's sends and their sent marks).
func (w *Worker) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for range w.cfg.Processors {
		wg.Go(func() { w.loop(ctx, w.wakeInbox, w.ProcessEvents) })
	}
	wg.Go(func() { w.loop(ctx, w.wakeOut, w.DeliverDue) })
	wg.Wait()
	w.Settle()
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
		start := time.Now()
		ev, ok, err := w.cfg.Inbox.ClaimNextEvent(ctx, eventLease)
		if !ok {
			return n, err
		}
		if err == nil {
			err = w.handle(ctx, ev)
		}
		w.cfg.Observer.EventProcessed(ev.Incoming.Key.Channel, time.Since(start), err)
		if err != nil {
			w.log.Error("event failed; will retry", "err", err)
			return n, nil
		}
		n++
		signal(w.wakeOut)
	}
	return n, nil
}

// deliveryLease is how long a claimed delivery is left to its worker:
// longer than a send (the channels' HTTP clients give up after 10 s), short
// enough that a reply whose worker died is taken over while its LINE reply
// token is still young, so LINE's answer tells whether it was used (see
// bot.Delivery.InDoubt).
const deliveryLease = 15 * time.Second

// handle processes a claimed event. What needs the network (a display
// name) or another connection (the rate limit's count) is done first,
// before the event's transaction: no lock is held across a round trip, and
// a transaction never waits for a second connection from the pool (on
// SQLite, where every writer waits for the one write lock, that could
// starve the pool).
func (w *Worker) handle(ctx context.Context, ev Event) error {
	recent := 0
	var countErr error
	if w.limited(ev.Incoming) && w.cfg.RateCounter != nil {
		recent, countErr = w.cfg.RateCounter.EventsUpTo(ctx, ev.Incoming.Key, ev.ReceivedAt.Add(-time.Minute), ev.Seq)
	}
	if countErr == nil && !w.over(ev.Incoming, recent) {
		w.enrich(ctx, &ev) // an event over the limit costs no look-up
	}
	return w.cfg.Inbox.ProcessEvent(ctx, ev, func(tx bot.Tx) error {
		if countErr != nil {
			return countErr // an attempt like any failed one: backed off, given up after a few
		}
		return w.process(tx, ev, recent)
	})
}

// eventLease is how long a claimed event is left to its worker before
// another may take it: longer than the profile look-up (3 s) and the
// event's transaction, short enough that the events of a worker that died
// are answered soon after. A worker still busy when it ends does no harm:
// ProcessEvent runs under the user's lock and skips an event already done.
const eventLease = 10 * time.Second

// process runs one event through the engine and queues the reply, in the
// event's transaction.
func (w *Worker) process(tx bot.Tx, ev Event, recent int) error {
	ctx := context.Background()
	d, err := w.respond(ctx, tx, ev, recent)
	if err != nil || d == nil {
		return err
	}
	return tx.Enqueue(ctx, d)
}

// respond runs one event through the engine in tx, given how many events
// its user sent in the last minute up to it, and returns the reply to
// queue (nil when there is nothing to say).
func (w *Worker) respond(ctx context.Context, tx bot.Tx, ev Event, recent int) (*bot.Delivery, error) {
	replies := w.overLimit(ev.Incoming, recent)
	if replies == nil {
		var err error
		if replies, err = w.cfg.Engine.Turn(ctx, tx, ev.Incoming, ev.pre); err != nil {
			return nil, err
		}
	}
	if len(replies) == 0 {
		return nil, nil
	}
	at := ev.Incoming.At
	if at.IsZero() {
		at = ev.ReceivedAt
	}
	d := &bot.Delivery{Kind: bot.DeliveryReply, Key: ev.Incoming.Key, To: ev.Incoming.ReplyTo,
		Thread: ev.Incoming.Thread, ReplyToken: ev.ReplyToken, EventAt: at, Replies: replies}
	if ev.Incoming.Kind == bot.KindStaffReply {
		// The event came from the recruiters' thread; what the turn says
		// goes to the candidate's own chat, never into that thread.
		d.To, d.Thread = "", ""
	}
	return d, nil
}

// enrich adds what the platform did not send with the event: a new
// follower's display name (on a channel without follow events, the
// display name of whoever writes one to one). When the event waited in a backlog, it also
// shows the user that an answer is coming.
func (w *Worker) enrich(ctx context.Context, ev *Event) {
	in := &ev.Incoming
	if b, ok := w.cfg.Busy[in.Key.Channel]; ok && !in.Group && w.cfg.Now().Sub(ev.ReceivedAt) > w.cfg.BusyAfter &&
		(in.Kind == bot.KindMessage || in.Kind == bot.KindPostback) {
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
	if _, onMessages := p.(MessageProfileSource); in.Kind != bot.KindFollow &&
		!(onMessages && (in.Kind == bot.KindMessage || in.Kind == bot.KindPostback)) {
		return
	}
	pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	name, err := p.DisplayName(pctx, in.Key.UserID)
	if err != nil {
		w.log.Warn("cannot look up display name", "err", err)
		return
	}
	in.DisplayName = jpinput.CleanText(name) // a name is text from the user too
}

// DeliverDue sends the deliveries that are due until none is left (or ctx
// ends; sends in flight are finished) and reports how many it sent. Tests
// call it directly.
func (w *Worker) DeliverDue(ctx context.Context) (int, error) {
	stop, ctx := ctx, context.WithoutCancel(ctx)
	sent := 0
	for stop.Err() == nil {
		batch, err := w.cfg.Outbox.ClaimDeliveries(ctx, w.cfg.Now(), 16, deliveryLease)
		if err != nil || len(batch) == 0 {
			return sent, err
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		for _, d := range batch {
			wg.Go(func() {
				if w.deliver(ctx, d, false) {
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
// A success is recorded at once, or with noteSent when later is true.
func (w *Worker) deliver(ctx context.Context, d bot.Delivery, later bool) bool {
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
		if later {
			w.noteSent(d.ID)
		} else {
			w.record(ctx, log, w.sent.Do(d.ID))
		}
		return true
	}
	giveUp, wait := retryPolicy(err, d.Attempts, w.maxAttempts(d.Kind))
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

// maxAttempts is how often a delivery of kind is tried.
func (w *Worker) maxAttempts(kind bot.DeliveryKind) int {
	if kind == bot.DeliveryReply {
		return w.cfg.MaxAttempts
	}
	return w.cfg.StaffMaxAttempts
}

func (w *Worker) record(ctx context.Context, log *slog.Logger, err error) {
	if err != nil && !errors.Is(err, context.Canceled) {
		log.Error("cannot record delivery outcome", "err", err)
	}
}
