package store

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// handoffRow is a row of handoffs.
type handoffRow struct {
	ID           int64     `db:"id"`
	Channel      string    `db:"channel"`
	UserID       string    `db:"user_id"`
	Reason       string    `db:"reason"`
	Question     string    `db:"question"`
	Status       string    `db:"status"`
	SlackChannel string    `db:"slack_channel"`
	SlackTS      string    `db:"slack_ts"`
	CreatedAt    timestamp `db:"created_at"`
	ClosedAt     timestamp `db:"closed_at"` // NULL while open
}

// fromHandoff converts a handoff for storage.
func fromHandoff(h bot.Handoff) handoffRow {
	return handoffRow{
		ID: h.ID, Channel: string(h.Key.Channel), UserID: h.Key.UserID,
		Reason: h.Reason, Question: h.Question, Status: h.Status, CreatedAt: ts(h.CreatedAt),
	}
}

// insertHandoffSQL records a handoff.
const insertHandoffSQL = `
INSERT INTO handoffs (channel, user_id, reason, question, status, slack_channel, slack_ts,
	created_at, closed_at)
VALUES (:channel, :user_id, :reason, :question, :status, :slack_channel, :slack_ts,
	:created_at, :closed_at)
RETURNING id`

// RecordHandoff records that the user asked for a person, setting h.ID,
// h.CreatedAt and, when empty, h.Status ("requested").
func (t *Tx) RecordHandoff(ctx context.Context, h *bot.Handoff) error {
	saved := *h
	if saved.Status == "" {
		saved.Status = "requested"
	}
	saved.CreatedAt = now()
	if err := namedGet(ctx, t.tx, &saved.ID, insertHandoffSQL, fromHandoff(saved)); err != nil {
		return wrap(err, "record handoff %s:%s", h.Key.Channel, h.Key.UserID)
	}
	*h = saved
	return nil
}
