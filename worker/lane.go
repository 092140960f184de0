package worker

import (
	"context"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// The fast lane answers a webhook's events inside the request that brought
// them, in the transaction that stores them: one transaction for the
// events of many concurrent requests (see groupCommit), one read and one
// write statement for all of their turns, and the replies sent right after
// commit by the worker that made them. An event that anything else is
// waiting for (an earlier event or delivery of its user, a turn running on
// another replica) is stored pending for ProcessEvents instead, so the
// order and exactly-once guarantees are the inbox's.
const (
	// laneLease is how long a reply the lane sends itself stays leased: if
	// the process dies around sending it, any worker takes it after this,
	// as a delivery in doubt (see deliveryLease).
	laneLease = deliveryLease
	// laneTimeout bounds one batch's transaction.
	laneTimeout = 10 * time.Second
	// laneSlots is how many batches run at once by default.
	laneSlots = 2
	// laneMaxRequests caps the webhook requests of one batch.
	laneMaxRequests = 64
	// laneBacklog is Config.LaneBacklog's default.
	laneBacklog = 1024
)

// laneResult is what AcceptEvents answers one caller.
type laneResult struct {
	n   int
	err error
}

// AcceptEvents stores events (duplicates are dropped) and reports how many
// were new. With a BatchInbox (Config.Batch) it also answers, before
// returning, those nothing else is waiting for, and sends their replies
// right after; the rest are left to ProcessEvents, which it wakes. Webhooks
// call it instead of the inbox. The context is not used to abandon the
// work: events are stored even when the caller goes away.
func (w *Worker) AcceptEvents(ctx context.Context, events []Event) (int, error) {
	events = w.trim(events)
	if len(events) == 0 {
		return 0, nil
	}
	if w.cfg.Batch == nil {
		n, err := w.cfg.Inbox.AcceptEvents(ctx, events)
		if n > 0 {
			w.Wake()
		}
		return n, err
	}
	r := w.lane.Do(w.prematch(events))
	return r.n, r.err
}

// LaneWaiting is how many webhook calls are queued for a fast-lane batch,
// the number the backlog (Config.LaneBacklog) is measured against.
func (w *Worker) LaneWaiting() int { return w.lane.Waiting() }

// Settle waits until the replies AcceptEvents started sending are sent (or
// failed and were queued again). Run waits for them too when it returns.
func (w *Worker) Settle() { w.sends.Wait() }

// runLane is one batch of the fast lane: the events of several callers.
func (w *Worker) runLane(calls [][]Event) []laneResult {
	var events []Event
	for _, c := range calls {
		events = append(events, c...)
	}
	// The index is rebuilt (after an FAQ edit) before the transaction, so
	// that no transaction waits for it.
	if err := w.refresh(); err != nil {
		w.log.Error("fast lane: cannot refresh the FAQ; events left to the worker", "err", err)
		return w.storeOnly(calls)
	}
	ctx, cancel := context.WithTimeout(context.Background(), laneTimeout)
	defer cancel()
	eager := w.eager
	if w.backlogged(w.lane.Waiting()) {
		eager = func(Event) bool { return false }
	}
	marks := w.takeMarks()
	start := time.Now()
	res, b, err := w.storeAndAnswer(ctx, events, eager, marks)
	if !b.marked || err != nil {
		w.noteSent(marks...) // for the next batch, or the timer
	}
	if err != nil {
		w.log.Error("fast lane failed; events left to the worker", "err", err, "events", len(events))
		return w.storeOnly(calls)
	}
	took := time.Since(start)
	for _, ev := range b.ready {
		w.cfg.Observer.EventProcessed(ev.Incoming.Key.Channel, took, nil)
	}
	for _, d := range b.write.Replies {
		w.sends.Go(func() { w.deliver(context.Background(), *d, true) })
	}
	if res.Pending > 0 {
		w.Wake()
	}
	if b.queued {
		signal(w.wakeOut)
	}
	return splitCounts(calls, res.New)
}

// storeAndAnswer is the batch's transaction: it stores events, answers
// the ready ones (recording the sent replies marks with them) and commits.
// On an error nothing is stored.
func (w *Worker) storeAndAnswer(ctx context.Context, events []Event, eager func(Event) bool, marks []int64) (BatchResult, laneBatch, error) {
	tx, err := w.cfg.Batch.BeginBatch(ctx)
	if err != nil {
		return BatchResult{}, laneBatch{}, err
	}
	defer tx.Rollback()
	res, ready, err := tx.Accept(ctx, events, eager)
	if err != nil {
		return BatchResult{}, laneBatch{}, err
	}
	b := laneBatch{ready: ready, write: BatchWrite{Sent: marks}}
	if len(ready) > 0 {
		if err := w.answerBatch(ctx, tx, &b); err != nil {
			return BatchResult{}, laneBatch{}, err
		}
		b.marked = true
	}
	if err := tx.Commit(); err != nil {
		return BatchResult{}, laneBatch{}, err
	}
	return res, b, nil
}

// backlogged reports whether waiting requests are more than the lane
// should answer at once, logging when that starts and ends.
func (w *Worker) backlogged(waiting int) bool {
	over := waiting > w.cfg.LaneBacklog
	if w.backlog.Swap(over) != over {
		if over {
			w.log.Warn("fast lane: backlog; events are only stored, the worker answers them", "waiting", waiting)
		} else {
			w.log.Info("fast lane: backlog cleared")
		}
	}
	return over
}

// refresh brings the FAQ index up to date, within laneTimeout.
func (w *Worker) refresh() error {
	ctx, cancel := context.WithTimeout(context.Background(), laneTimeout)
	defer cancel()
	return w.cfg.Engine.Answerer().Refresh(ctx)
}

// storeOnly stores each caller's events for ProcessEvents, as without the
// fast lane: the way out when a batch cannot be answered at once. It has a
// deadline of its own (the batch may have used up its).
func (w *Worker) storeOnly(calls [][]Event) []laneResult {
	ctx, cancel := context.WithTimeout(context.Background(), laneTimeout)
	defer cancel()
	out := make([]laneResult, len(calls))
	woke := false
	for i, c := range calls {
		out[i].n, out[i].err = w.cfg.Inbox.AcceptEvents(ctx, c)
		if out[i].n > 0 && !woke {
			w.Wake()
			woke = true
		}
	}
	return out
}

// splitCounts counts each caller's new events.
func splitCounts(calls [][]Event, isNew []bool) []laneResult {
	out := make([]laneResult, len(calls))
	i := 0
	for k, c := range calls {
		for range c {
			if i < len(isNew) && isNew[i] {
				out[k].n++
			}
			i++
		}
	}
	return out
}

// eager reports whether an event may be answered in the fast lane: a
// message or postback that needs nothing looked up first. Follows (a
// profile lookup) and channels that look up names on messages go to the
// worker.
func (w *Worker) eager(ev Event) bool {
	in := ev.Incoming
	switch in.Kind {
	case bot.KindMessage, bot.KindPostback, bot.KindUnsupported:
	default:
		return false
	}
	if _, ok := w.cfg.Senders[in.Key.Channel]; !ok {
		return false
	}
	_, byMessage := w.cfg.Profiles[in.Key.Channel].(MessageProfileSource)
	return !byMessage
}

// laneBatch is the working state of one batch's transaction.
type laneBatch struct {
	ready  []Event    // the events answered now
	write  BatchWrite // what their turns leave, and the sent replies to record
	queued bool       // something was queued for the delivery loop
	marked bool       // the transaction recorded the sent replies it was given
}

// answerBatch runs the ready events' turns in tx, reading what they need
// with one statement and writing what they leave with another.
func (w *Worker) answerBatch(ctx context.Context, tx BatchTx, b *laneBatch) error {
	read, err := tx.ReadBatch(ctx, b.ready, time.Minute)
	if err != nil {
		return err
	}
	for _, ev := range b.ready {
		key := ev.Incoming.Key
		c, stored := read.Conversations[key]
		lt := &laneTx{BatchTx: tx, key: key, conv: c, stored: stored, fresh: true, batch: b, handoff: read.Handoffs[key]}
		d, err := w.respond(ctx, lt, ev, read.Recent[key])
		if err != nil {
			return fmt.Errorf("event %s: %w", ev.ID, err)
		}
		b.write.Kept = append(b.write.Kept, lt.recent...)
		b.queued = b.queued || lt.enqueued
		switch {
		case d == nil:
		case lt.enqueued: // behind what the turn queued: the delivery loop keeps the order
			if err := tx.Enqueue(ctx, d); err != nil {
				return err
			}
		default:
			b.write.Replies = append(b.write.Replies, d)
		}
	}
	b.write.LeaseUntil = w.cfg.Now().Add(laneLease)
	return tx.WriteBatch(ctx, b.write)
}

// laneTx is the Tx of one turn in a batch: the conversation read for the
// whole batch, the questions counted for the whole batch, everything else
// straight to the batch's transaction.
type laneTx struct {
	BatchTx
	key      bot.UserKey
	conv     bot.Conversation
	stored   bool // conv is a stored conversation
	fresh    bool // conv is still what storage holds
	batch    *laneBatch
	recent   []RecentQuestion // kept for a handoff, written with the batch's
	enqueued bool             // the turn queued a delivery itself
	handoff  bool             // the batch read found an open handoff of the user
}

// OpenHandoff returns the user's open handoff: none, without a query, when
// the batch read found none (the batch holds the user's lock, so none can
// open meanwhile but by this turn: see RecordHandoff).
func (t *laneTx) OpenHandoff(ctx context.Context, key bot.UserKey) (bot.Handoff, error) {
	if key == t.key && !t.handoff {
		return bot.Handoff{}, bot.ErrNotFound
	}
	return t.BatchTx.OpenHandoff(ctx, key)
}

// RecordHandoff stores a handoff the turn opens; from then on the user's
// open handoff is read from the store.
func (t *laneTx) RecordHandoff(ctx context.Context, h *bot.Handoff) error {
	if h.Key == t.key {
		t.handoff = true
	}
	return t.BatchTx.RecordHandoff(ctx, h)
}

// Conversation returns the conversation read for the batch while it is
// current.
func (t *laneTx) Conversation(ctx context.Context, key bot.UserKey) (bot.Conversation, error) {
	switch {
	case key != t.key || !t.fresh:
		return t.BatchTx.Conversation(ctx, key)
	case !t.stored:
		return bot.Conversation{}, bot.ErrNotFound
	}
	return t.conv, nil
}

// SaveConversation saves c; the batch's copy is stale from then on.
func (t *laneTx) SaveConversation(ctx context.Context, c *bot.Conversation) error {
	t.stale(c.Key)
	return t.BatchTx.SaveConversation(ctx, c)
}

// DeleteConversation deletes the conversation; the batch's copy is stale.
func (t *laneTx) DeleteConversation(ctx context.Context, key bot.UserKey) error {
	t.stale(key)
	return t.BatchTx.DeleteConversation(ctx, key)
}

// ForgetCandidate deletes the user's data; the batch's copy is stale.
func (t *laneTx) ForgetCandidate(ctx context.Context, key bot.UserKey, actor string) (bool, error) {
	t.stale(key)
	return t.BatchTx.ForgetCandidate(ctx, key, actor)
}

// RecordQuestion counts the question with the batch's.
func (t *laneTx) RecordQuestion(_ context.Context, ch bot.Channel, outcome, faqID string) error {
	t.batch.write.Asked = append(t.batch.write.Asked, AskedQuestion{Channel: ch, Outcome: outcome, FAQID: faqID})
	return nil
}

// RememberQuestion keeps the question with the batch's.
func (t *laneTx) RememberQuestion(_ context.Context, key bot.UserKey, text string, at time.Time) error {
	t.recent = append(t.recent, RecentQuestion{Key: key, Text: text, At: at})
	return nil
}

// TakeRecentQuestions writes what the turn kept so far, then takes them all.
func (t *laneTx) TakeRecentQuestions(ctx context.Context, key bot.UserKey) ([]string, error) {
	for _, q := range t.recent {
		if err := t.BatchTx.RememberQuestion(ctx, q.Key, q.Text, q.At); err != nil {
			return nil, err
		}
	}
	t.recent = nil
	return t.BatchTx.TakeRecentQuestions(ctx, key)
}

// Enqueue queues a delivery the turn makes itself (a notice, a relay).
func (t *laneTx) Enqueue(ctx context.Context, d *bot.Delivery) error {
	t.enqueued = true
	return t.BatchTx.Enqueue(ctx, d)
}

func (t *laneTx) stale(key bot.UserKey) {
	if key == t.key {
		t.fresh = false
	}
}
