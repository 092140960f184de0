package store

import (
	"context"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// handoffRow is a row of handoffs.
type handoffRow struct {
	ID           int64     `db:"id"`
	Channel      string    `db:"channel"`
	UserID       string    `db:"user_id"`
	Reason       string    `db:"reason"`
	Question     string    `db:"question"`
	Recent       string    `db:"recent"` // JSON array
	Status       string    `db:"status"`
	SlackChannel string    `db:"slack_channel"`
	SlackTS      string    `db:"slack_ts"`
	CreatedAt    timestamp `db:"created_at"`
	LastAt       timestamp `db:"last_at"`   // NULL before migration 00004
	ClosedAt     timestamp `db:"closed_at"` // NULL while not closed
	ClosedBy     string    `db:"closed_by"`
}

// fromHandoff converts a handoff for storage.
func fromHandoff(h bot.Handoff) handoffRow {
	return handoffRow{
		ID: h.ID, Channel: string(h.Key.Channel), UserID: h.Key.UserID,
		Reason: string(h.Reason), Question: h.Question, Recent: jsonList(h.Recent), Status: string(h.Status),
		SlackChannel: h.SlackChannel, SlackTS: h.SlackTS,
		CreatedAt: ts(h.CreatedAt), LastAt: ts(h.LastAt), ClosedAt: ts(h.ClosedAt), ClosedBy: h.ClosedBy,
	}
}

// toHandoff converts a stored handoff.
func toHandoff(r handoffRow) (bot.Handoff, error) {
	h := bot.Handoff{
		ID: r.ID, Key: bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID},
		Reason: bot.HandoffReason(r.Reason), Question: r.Question, Status: bot.HandoffStatus(r.Status),
		SlackChannel: r.SlackChannel, SlackTS: r.SlackTS,
		CreatedAt: r.CreatedAt.Time, LastAt: r.LastAt.Time, ClosedAt: r.ClosedAt.Time, ClosedBy: r.ClosedBy,
	}
	if h.LastAt.IsZero() {
		h.LastAt = h.CreatedAt
	}
	var err error
	if h.Recent, err = parseList(r.Recent); err != nil {
		return bot.Handoff{}, fmt.Errorf("store: handoff %d recent: %w", r.ID, err)
	}
	return h, nil
}

// handoffColumns lists the columns of handoffs in the order of handoffRow.
const handoffColumns = `id, channel, user_id, reason, question, recent, status, slack_channel, slack_ts,
	created_at, last_at, closed_at, closed_by`

// insertHandoffSQL records a handoff.
const insertHandoffSQL = `
INSERT INTO handoffs (channel, user_id, reason, question, recent, status, slack_channel, slack_ts,
	created_at, last_at, closed_at, closed_by)
VALUES (:channel, :user_id, :reason, :question, :recent, :status, :slack_channel, :slack_ts,
	:created_at, :last_at, :closed_at, :closed_by)
RETURNING id`

// RecordHandoff records that the user asked for a person, setting h.ID,
// h.CreatedAt, h.LastAt (when zero: h.CreatedAt) and, when empty, h.Status
// (requested). bot.ErrConflict when h is open and the user already has an
// open handoff.
func (t *Tx) RecordHandoff(ctx context.Context, h *bot.Handoff) error {
	saved := *h
	if saved.Status == "" {
		saved.Status = bot.HandoffRequested
	}
	saved.CreatedAt = t.now()
	if saved.LastAt.IsZero() {
		saved.LastAt = saved.CreatedAt
	}
	if err := namedGet(ctx, t.tx, &saved.ID, insertHandoffSQL, fromHandoff(saved)); err != nil {
		return wrap(err, "record handoff %s:%s", h.Key.Channel, h.Key.UserID)
	}
	*h = saved
	return nil
}

// openHandoffSQL selects a user's open handoff.
const openHandoffSQL = `SELECT ` + handoffColumns + ` FROM handoffs
	WHERE channel = ? AND user_id = ? AND status = 'open'`

// OpenHandoff returns the user's open handoff, or bot.ErrNotFound.
func (t *Tx) OpenHandoff(ctx context.Context, key bot.UserKey) (bot.Handoff, error) {
	var r handoffRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(openHandoffSQL), string(key.Channel), key.UserID); err != nil {
		return bot.Handoff{}, wrap(err, "open handoff of %s:%s", key.Channel, key.UserID)
	}
	return toHandoff(r)
}

// handoffSQL selects one handoff.
const handoffSQL = `SELECT ` + handoffColumns + ` FROM handoffs WHERE id = ?`

// Handoff returns one handoff in the transaction, or bot.ErrNotFound.
func (t *Tx) Handoff(ctx context.Context, id int64) (bot.Handoff, error) {
	var r handoffRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(handoffSQL), id); err != nil {
		return bot.Handoff{}, wrap(err, "handoff %d", id)
	}
	return toHandoff(r)
}

// Handoff returns one handoff, or bot.ErrNotFound.
func (s *Store) Handoff(ctx context.Context, id int64) (bot.Handoff, error) {
	var r handoffRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(handoffSQL), id); err != nil {
		return bot.Handoff{}, wrap(err, "handoff %d", id)
	}
	return toHandoff(r)
}

// touchHandoffSQL records a message in an open handoff.
const touchHandoffSQL = `UPDATE handoffs SET last_at = ? WHERE id = ? AND status = 'open'`

// TouchHandoff records a message in an open handoff at at.
func (t *Tx) TouchHandoff(ctx context.Context, id int64, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(touchHandoffSQL), ts(at), id)
	return wrap(err, "touch handoff %d", id)
}

// closeHandoffSQL closes an open handoff and drops the questions it kept.
const closeHandoffSQL = `UPDATE handoffs SET status = 'closed', closed_at = ?, closed_by = ?, recent = '[]'
	WHERE id = ? AND status = 'open'`

// CloseHandoff closes an open handoff on behalf of by at at and drops the
// candidate's questions it kept; false when it was not open.
func (t *Tx) CloseHandoff(ctx context.Context, id int64, by string, at time.Time) (bool, error) {
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(closeHandoffSQL), ts(at), by, id)
	if err != nil {
		return false, wrap(err, "close handoff %d", id)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap(err, "close handoff %d", id)
	}
	return n > 0, nil
}

// idleHandoffsSQL selects open handoffs without a message since a cutoff.
const idleHandoffsSQL = `SELECT ` + handoffColumns + ` FROM handoffs
	WHERE status = 'open' AND COALESCE(last_at, created_at) < ? ORDER BY COALESCE(last_at, created_at), id LIMIT ?`

// IdleHandoffs returns up to limit open handoffs whose last message was
// before cutoff, oldest first.
func (s *Store) IdleHandoffs(ctx context.Context, cutoff time.Time, limit int) ([]bot.Handoff, error) {
	var rows []handoffRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(idleHandoffsSQL), ts(cutoff), limit); err != nil {
		return nil, wrap(err, "idle handoffs")
	}
	return toHandoffs(rows)
}

// toHandoffs converts stored handoffs; never nil.
func toHandoffs(rows []handoffRow) ([]bot.Handoff, error) {
	out := make([]bot.Handoff, 0, len(rows))
	for _, r := range rows {
		h, err := toHandoff(r)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}
