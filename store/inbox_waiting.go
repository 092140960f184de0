package store

import (
	"context"
	"sync"
	"time"
)

// releaseNextSQL lets a user's oldest pending event go on, if it waits:
// run where the event before it is finished (done or given up).
const releaseNextSQL = `
UPDATE inbox SET waiting = 0
WHERE waiting = 1 AND seq = (SELECT MIN(p.seq) FROM inbox p
	WHERE p.channel = ? AND p.user_id = ? AND p.status = 'pending')`

// releaseNextOfEventSQL is releaseNextSQL for the user of an event.
const releaseNextOfEventSQL = `
UPDATE inbox SET waiting = 0
WHERE waiting = 1 AND seq = (SELECT MIN(p.seq) FROM inbox p JOIN inbox e
	ON p.channel = e.channel AND p.user_id = e.user_id
	WHERE e.event_id = ? AND p.status = 'pending')`

// sweepWaitingSQL releases every waiting event with no pending event
// before it. It repairs what the release at the end of an event can miss
// on PostgreSQL: an event stored while its predecessor's transaction was
// finishing saw that predecessor still pending, and the predecessor's
// release did not see it yet.
const sweepWaitingSQL = `
UPDATE inbox SET waiting = 0
WHERE status = 'pending' AND waiting = 1
  AND NOT EXISTS (SELECT 1 FROM inbox p WHERE p.channel = inbox.channel AND p.user_id = inbox.user_id
                  AND p.status = 'pending' AND p.seq < inbox.seq)`

// sweepEvery is how often the sweep runs (it reads every waiting event, so
// not at every claim). It paces maintenance, not domain time: the wall
// clock's monotonic reading.
const sweepEvery = 5 * time.Second

// sweeper remembers when the store last swept the waiting events.
type sweeper struct {
	mu   sync.Mutex
	last time.Time
}

// due reports whether a sweep is due, and if so counts it as started.
func (w *sweeper) due() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.last.IsZero() && time.Since(w.last) < sweepEvery {
		return false
	}
	w.last = time.Now()
	return true
}

// sweepWaiting runs the sweep when it is due.
func (s *Store) sweepWaiting(ctx context.Context) error {
	if !s.sweep.due() {
		return nil
	}
	return s.ReleaseWaitingEvents(ctx)
}

// ReleaseWaitingEvents lets go on every waiting event that has no pending
// event of its user before it (see sweepWaitingSQL). ClaimNextEvent runs
// it every few seconds; tests call it to repair at once.
func (s *Store) ReleaseWaitingEvents(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, s.db.Rebind(sweepWaitingSQL))
	return wrap(err, "release waiting events")
}
