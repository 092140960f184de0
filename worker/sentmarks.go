package worker

import (
	"context"
	"sync"
	"time"
)

// markDelay is how long a reply the fast lane sent may wait to be recorded
// as sent when no batch comes to record it in its transaction.
const markDelay = 20 * time.Millisecond

// sentMarks are the fast lane's sent replies not yet recorded as sent. The
// next batch records them in its own transaction, saving a commit per
// batch; when none comes, a timer records them within markDelay.
type sentMarks struct {
	mu    sync.Mutex
	ids   []int64
	armed bool // a timer will record ids
}

// noteSent queues the delivery id to be recorded as sent.
func (w *Worker) noteSent(ids ...int64) {
	m := &w.marks
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ids = append(m.ids, ids...)
	if !m.armed && len(m.ids) > 0 {
		m.armed = true
		w.sends.Add(1) // Settle waits for the timer
		time.AfterFunc(markDelay, w.flushMarks)
	}
}

// takeMarks returns the queued ids, for a batch to record.
func (w *Worker) takeMarks() []int64 {
	m := &w.marks
	m.mu.Lock()
	defer m.mu.Unlock()
	ids := m.ids
	m.ids = nil
	return ids
}

// flushMarks records what no batch took.
func (w *Worker) flushMarks() {
	defer w.sends.Done()
	m := &w.marks
	m.mu.Lock()
	ids := m.ids
	m.ids, m.armed = nil, false
	m.mu.Unlock()
	if len(ids) > 0 {
		w.recordSent(ids)
	}
}

// recordSent records ids as sent outside any batch.
func (w *Worker) recordSent(ids []int64) {
	if err := w.markSent(ids)[0]; err != nil {
		w.log.Error("cannot record deliveries as sent", "err", err, "deliveries", len(ids))
	}
}

// markSent marks the deliveries ids sent, with one statement.
func (w *Worker) markSent(ids []int64) []error {
	ctx, cancel := context.WithTimeout(context.Background(), laneTimeout)
	defer cancel()
	err := w.cfg.Outbox.DeliveriesSent(ctx, ids)
	out := make([]error, len(ids))
	for i := range out {
		out[i] = err
	}
	return out
}
