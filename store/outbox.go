package store

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

var _ worker.Outbox = (*Store)(nil)

// outboxRow is a row of outbox.
type outboxRow struct {
	ID         int64     `db:"id"`
	Kind       string    `db:"kind"`
	Channel    string    `db:"channel"`
	UserID     string    `db:"user_id"`
	Recipient  string    `db:"recipient"`
	Thread     string    `db:"thread"`
	ReplyToken string    `db:"reply_token"`
	EventAt    timestamp `db:"event_at"`
	Payload    string    `db:"payload"`
	Ref        int64     `db:"ref"`
	RetryKey   string    `db:"retry_key"`
	Attempts   int       `db:"attempts"`
	CreatedAt  timestamp `db:"created_at"`
	DueAt      timestamp `db:"due_at"`
	InDoubt    bool      `db:"in_doubt"` // read by claimSQL only
}

// toDelivery converts a stored delivery.
func toDelivery(r outboxRow) (bot.Delivery, error) {
	d := bot.Delivery{ID: r.ID, Kind: bot.DeliveryKind(r.Kind), Key: bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID},
		To: r.Recipient, Thread: r.Thread, ReplyToken: r.ReplyToken, EventAt: r.EventAt.Time, Ref: r.Ref, RetryKey: r.RetryKey, Attempts: r.Attempts,
		CreatedAt: r.CreatedAt.Time, InDoubt: r.InDoubt}
	if r.Payload != "" {
		if err := json.Unmarshal([]byte(r.Payload), &d.Replies); err != nil {
			return d, fmt.Errorf("store: decode delivery %d: %w", r.ID, err)
		}
	}
	return d, nil
}

// enqueueSQL adds a delivery to the outbox.
const enqueueSQL = `
INSERT INTO outbox (kind, channel, user_id, recipient, thread, reply_token, event_at, payload, ref,
	retry_key, created_at, due_at)
VALUES (:kind, :channel, :user_id, :recipient, :thread, :reply_token, :event_at, :payload, :ref,
	:retry_key, :created_at, :due_at)
RETURNING id`

// newOutboxRow converts d for storage at the time at, filling in an empty
// RetryKey (a random UUID) and EventAt (at) first.
func newOutboxRow(d *bot.Delivery, at time.Time) (outboxRow, error) {
	payload, err := json.Marshal(d.Replies)
	if err != nil {
		return outboxRow{}, fmt.Errorf("store: encode delivery: %w", err)
	}
	if d.RetryKey == "" {
		d.RetryKey = newUUID()
	}
	if d.EventAt.IsZero() {
		d.EventAt = at
	}
	return outboxRow{Kind: string(d.Kind), Channel: string(d.Key.Channel), UserID: d.Key.UserID, Recipient: d.To, Thread: d.Thread, ReplyToken: d.ReplyToken,
		EventAt: ts(d.EventAt), Payload: string(payload), Ref: d.Ref, RetryKey: d.RetryKey, CreatedAt: ts(at), DueAt: ts(at)}, nil
}

// Enqueue adds d to the outbox in the turn's transaction, filling in an
// empty RetryKey (a random UUID) and setting d.ID and d.CreatedAt.
func (t *Tx) Enqueue(ctx context.Context, d *bot.Delivery) error {
	at := t.now()
	r, err := newOutboxRow(d, at)
	if err != nil {
		return err
	}
	if err := namedGet(ctx, t.tx, &d.ID, enqueueSQL, r); err != nil {
		return wrap(err, "enqueue delivery")
	}
	d.CreatedAt = at
	return nil
}

// cancelDeliveriesSQL drops what is still waiting for a user.
const cancelDeliveriesSQL = `UPDATE outbox SET status = 'cancelled', payload = ''
	WHERE channel = ? AND user_id = ? AND status = 'pending'`

// CancelDeliveries drops the pending deliveries to key.
func (t *Tx) CancelDeliveries(ctx context.Context, key bot.UserKey) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(cancelDeliveriesSQL), string(key.Channel), key.UserID)
	return wrap(err, "cancel deliveries")
}

// claimSQL selects the due deliveries that are the oldest pending one of
// their recipient and not leased by another worker. A delivery whose lease
// ran out (rather than being cleared by a recorded attempt) is in doubt:
// the worker that held it died, perhaps after the platform took it.
const claimSQL = `
SELECT id, kind, channel, user_id, recipient, thread, reply_token, event_at, payload, ref, retry_key, attempts,
	created_at, due_at, (leased_until IS NOT NULL) AS in_doubt
FROM outbox o
WHERE status = 'pending' AND due_at <= ? AND (leased_until IS NULL OR leased_until < ?)
  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.channel = o.channel AND p.user_id = o.user_id
                  AND p.status = 'pending' AND p.id < o.id)
ORDER BY id LIMIT ?`

// leaseSQL marks a claimed delivery as taken until a time.
const leaseSQL = `UPDATE outbox SET leased_until = ? WHERE id = ?`

// ClaimDeliveries leases up to n due deliveries until now+lease.
func (s *Store) ClaimDeliveries(ctx context.Context, at time.Time, n int, lease time.Duration) ([]bot.Delivery, error) {
	var out []bot.Delivery
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		query := claimSQL
		if s.dialect == DialectPostgres {
			query += " FOR UPDATE SKIP LOCKED"
		}
		var rows []outboxRow
		if err := tx.SelectContext(ctx, &rows, tx.Rebind(query), ts(at), ts(at), n); err != nil {
			return wrap(err, "claim deliveries")
		}
		for _, r := range rows {
			if _, err := tx.ExecContext(ctx, tx.Rebind(leaseSQL), ts(at.Add(lease)), r.ID); err != nil {
				return wrap(err, "lease delivery")
			}
			d, err := toDelivery(r)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}

// DeliverySent marks a delivery sent and drops its payload.
func (s *Store) DeliverySent(ctx context.Context, id int64) error {
	return s.DeliveriesSent(ctx, []int64{id})
}

// markSentSQL marks deliveries sent and drops their payloads; %s matches
// their ids.
const markSentSQL = `UPDATE outbox SET status = 'sent', payload = '', reply_token = '', sent_at = ?,
	leased_until = NULL WHERE id %s`

// DeliveriesSent marks many deliveries sent with one statement.
func (s *Store) DeliveriesSent(ctx context.Context, ids []int64) error {
	return deliveriesSent(ctx, s.db, s.now(), ids)
}

// deliveriesSent marks the deliveries ids sent at at.
func deliveriesSent(ctx context.Context, db sqlx.ExtContext, at time.Time, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	q := fmt.Sprintf(markSentSQL, "IN ("+repeatRow("?", len(ids))+")")
	_, err := db.ExecContext(ctx, db.Rebind(q), append([]any{ts(at)}, int64Args(ids)...)...)
	return wrap(err, "delivery sent")
}

// RetryDelivery counts a failed attempt and makes the delivery due at.
func (s *Store) RetryDelivery(ctx context.Context, id int64, at time.Time, reason string) error {
	const q = `UPDATE outbox SET attempts = attempts + 1, due_at = ?, last_error = ?, leased_until = NULL
		WHERE id = ? AND status = 'pending'`
	_, err := s.db.ExecContext(ctx, s.db.Rebind(q), ts(at), truncateReason(reason), id)
	return wrap(err, "retry delivery")
}

// DeliveryFailed gives a delivery up for good and drops its payload.
func (s *Store) DeliveryFailed(ctx context.Context, id int64, reason string) error {
	const q = `UPDATE outbox SET status = 'failed', payload = '', last_error = ?, attempts = attempts + 1,
		leased_until = NULL WHERE id = ? AND status = 'pending'`
	_, err := s.db.ExecContext(ctx, s.db.Rebind(q), truncateReason(reason), id)
	return wrap(err, "delivery failed")
}

// OutboxStats is the state of the outbox, for metrics.
type OutboxStats struct {
	Pending   int
	OldestAge time.Duration
}

// OutboxStats counts the pending deliveries and the age of the oldest.
func (s *Store) OutboxStats(ctx context.Context) (OutboxStats, error) {
	var r struct {
		N      int       `db:"n"`
		Oldest timestamp `db:"oldest"`
	}
	const q = `SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE status = 'pending'`
	if err := s.db.GetContext(ctx, &r, q); err != nil {
		return OutboxStats{}, wrap(err, "outbox stats")
	}
	st := OutboxStats{Pending: r.N}
	if !r.Oldest.IsZero() {
		st.OldestAge = s.now().Sub(r.Oldest.Time)
	}
	return st, nil
}

// newUUID returns a random (version 4) UUID, as LINE's X-Line-Retry-Key wants.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
