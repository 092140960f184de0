package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

var _ worker.Inbox = (*Store)(nil)

// maxEventAttempts is how often an event is tried before it is given up,
// so one broken event cannot block its user's later ones for ever.
const maxEventAttempts = 5

// inboxRow is a row of inbox.
type inboxRow struct {
	Seq     int64  `db:"seq"`
	EventID string `db:"event_id"`
	Payload string `db:"payload"`
}

// acceptEventSQL stores an event unless its id was seen before; it waits
// when its user has a pending event already (see 00012_inbox_waiting).
const acceptEventSQL = `
INSERT INTO inbox (event_id, channel, user_id, payload, received_at, due_at, waiting)
SELECT ?, ?, ?, ?, ?, ?, CASE WHEN EXISTS (SELECT 1 FROM inbox p
	WHERE p.channel = ? AND p.user_id = ? AND p.status = 'pending') THEN 1 ELSE 0 END
WHERE TRUE
ON CONFLICT (event_id) DO NOTHING`

// AcceptEvents stores the events not seen before, in one transaction, and
// reports how many were new. Duplicates (redeliveries, retries) are skipped.
func (s *Store) AcceptEvents(ctx context.Context, events []worker.Event) (int, error) {
	n := 0
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		for _, ev := range events {
			if ev.ReceivedAt.IsZero() {
				ev.ReceivedAt = s.now() // in the stored event too: the worker reasons from it
			}
			payload, err := json.Marshal(ev)
			if err != nil {
				return fmt.Errorf("store: encode event: %w", err)
			}
			at := ts(ev.ReceivedAt)
			ch, user := string(ev.Incoming.Key.Channel), ev.Incoming.Key.UserID
			res, err := tx.ExecContext(ctx, tx.Rebind(acceptEventSQL), ev.ID, ch, user, string(payload), at, at, ch, user)
			if err != nil {
				return wrap(err, "accept event")
			}
			if k, _ := res.RowsAffected(); k > 0 {
				n++
			}
		}
		return nil
	})
	return n, err
}

// nextEventSQL selects the oldest due pending event whose user has no
// earlier pending event; FOR UPDATE SKIP LOCKED (PostgreSQL only) lets
// replicas take different users' events at once. Only events that do not
// wait are scanned (inbox_ready_idx): at most about one a user, however
// many that user has queued; the NOT EXISTS keeps the order should a
// waiting flag be missing (events of one user stored in one batch).
const nextEventSQL = `
SELECT seq, event_id, payload FROM inbox i
WHERE status = 'pending' AND waiting = 0 AND due_at <= ?
  AND NOT EXISTS (SELECT 1 FROM inbox p WHERE p.channel = i.channel AND p.user_id = i.user_id
                  AND p.status = 'pending' AND p.seq < i.seq)
ORDER BY seq LIMIT 1`

// claimEventSQL leases an event: it is not due again until the lease
// ends, so no other worker takes it meanwhile, and its user's later events
// wait behind it (they are not the oldest pending of their user).
const claimEventSQL = `UPDATE inbox SET due_at = ? WHERE seq = ? AND status = 'pending'`

// ClaimNextEvent leases the oldest due pending event whose user has no
// earlier pending event, for lease, in a short transaction of its own
// (SKIP LOCKED on PostgreSQL, so replicas take different events). It
// reports false when nothing is due. The caller may then look things up
// over the network, outside any transaction, before ProcessEvent. An event
// that cannot be decoded is counted as failed and returned as an error.
func (s *Store) ClaimNextEvent(ctx context.Context, lease time.Duration) (worker.Event, bool, error) {
	if err := s.sweepWaiting(ctx); err != nil {
		return worker.Event{}, false, err
	}
	var r inboxRow
	found := false
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		query := nextEventSQL
		if s.dialect == DialectPostgres {
			query += " FOR UPDATE SKIP LOCKED"
		}
		now := s.now()
		err := tx.GetContext(ctx, &r, tx.Rebind(query), ts(now))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return wrap(err, "next event")
		}
		found = true
		_, err = tx.ExecContext(ctx, tx.Rebind(claimEventSQL), ts(now.Add(lease)), r.Seq)
		return wrap(err, "claim event")
	})
	if err != nil || !found {
		return worker.Event{}, false, err
	}
	var ev worker.Event
	if err := json.Unmarshal([]byte(r.Payload), &ev); err != nil {
		err = fmt.Errorf("store: event %s is undecodable: %w", r.EventID, err)
		return worker.Event{}, true, errors.Join(err, s.FailEvent(ctx, r.EventID, err.Error()))
	}
	ev.Seq = r.Seq
	return ev, true, nil
}

// eventPendingSQL reads whether an event still waits to be processed.
const eventPendingSQL = `SELECT COUNT(*) FROM inbox WHERE seq = ? AND status = 'pending'`

// eventDoneSQL marks an event processed and drops its payload (the
// message text need not be kept once answered).
const eventDoneSQL = `UPDATE inbox SET status = 'done', payload = '', processed_at = ? WHERE seq = ?`

// ProcessEvent runs fn for ev (claimed with ClaimNextEvent) in one
// transaction holding the user's lock, and marks ev done in it. An event
// that is no longer pending (another worker took it after the lease ran
// out and finished it) is left alone. When fn fails, the transaction rolls
// back and the attempt is counted with FailEvent, so the event is tried
// again after a backoff.
func (s *Store) ProcessEvent(ctx context.Context, ev worker.Event, fn func(bot.Tx) error) error {
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.lockKey(ctx, tx, ev.Incoming.Key); err != nil {
			return err
		}
		var pending int
		if err := tx.GetContext(ctx, &pending, tx.Rebind(eventPendingSQL), ev.Seq); err != nil {
			return wrap(err, "event pending")
		}
		if pending == 0 {
			return nil
		}
		if err := fn(s.tx(tx)); err != nil {
			return &eventError{id: ev.ID, err: err}
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(eventDoneSQL), ts(s.now()), ev.Seq); err != nil {
			return wrap(err, "mark event done")
		}
		_, err := tx.ExecContext(ctx, tx.Rebind(releaseNextSQL), string(ev.Incoming.Key.Channel), ev.Incoming.Key.UserID)
		return wrap(err, "release next event")
	})
	var failed *eventError
	if errors.As(err, &failed) {
		if ferr := s.FailEvent(ctx, failed.id, failed.err.Error()); ferr != nil {
			return errors.Join(err, ferr)
		}
	}
	return err
}

// eventError is a failure while processing (or decoding) the event id.
type eventError struct {
	id  string
	err error
}

func (e *eventError) Error() string { return fmt.Sprintf("event %s: %v", e.id, e.err) }
func (e *eventError) Unwrap() error { return e.err }

// failEventSQL counts a failed attempt and backs the event off; after
// maxEventAttempts it is given up.
const failEventSQL = `
UPDATE inbox SET attempts = attempts + 1, last_error = ?, due_at = ?,
	status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE status END,
	payload = CASE WHEN attempts + 1 >= ? THEN '' ELSE payload END
WHERE event_id = ? AND status = 'pending'`

// FailEvent records a failed attempt at an event, to be tried again after
// a backoff; after maxEventAttempts it is given up (and its payload dropped).
func (s *Store) FailEvent(ctx context.Context, id string, reason string) error {
	var attempts int
	_ = s.db.GetContext(ctx, &attempts, s.db.Rebind(`SELECT attempts FROM inbox WHERE event_id = ?`), id)
	due := s.now().Add(backoff(attempts))
	_, err := s.db.ExecContext(ctx, s.db.Rebind(failEventSQL), truncateReason(reason), ts(due),
		maxEventAttempts, maxEventAttempts, id)
	if err != nil {
		return wrap(err, "fail event")
	}
	if attempts+1 >= maxEventAttempts { // given up: the next event of its user goes on
		_, err = s.db.ExecContext(ctx, s.db.Rebind(releaseNextOfEventSQL), id)
	}
	return wrap(err, "release next event")
}

// purgeInboxSQL forgets processed events received before a cutoff; their
// ids are kept long enough to recognise any redelivery.
const purgeInboxSQL = `DELETE FROM inbox WHERE status <> 'pending' AND received_at < ?`

// PurgeInbox deletes processed and failed events received before cutoff.
func (s *Store) PurgeInbox(ctx context.Context, cutoff time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, s.db.Rebind(purgeInboxSQL), ts(cutoff))
	if err != nil {
		return 0, wrap(err, "purge inbox")
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// backoff is the wait after the given number of failed attempts: 1s, 2s,
// 4s … capped at 5 minutes.
func backoff(attempts int) time.Duration {
	d := time.Second << min(attempts, 9)
	return min(d, 5*time.Minute)
}

// truncateReason keeps error texts short in the database.
func truncateReason(s string) string {
	if len(s) > 500 {
		return s[:500]
	}
	return s
}
