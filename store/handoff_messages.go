package store

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// handoffMessageRow is a row of handoff_messages.
type handoffMessageRow struct {
	ID        int64     `db:"id"`
	HandoffID int64     `db:"handoff_id"`
	Sender    string    `db:"sender"`
	Staff     string    `db:"staff"`
	Body      string    `db:"body"`
	At        timestamp `db:"at"`
}

// toHandoffMessage converts a stored line of a handoff's conversation.
func toHandoffMessage(r handoffMessageRow) bot.HandoffMessage {
	return bot.HandoffMessage{ID: r.ID, HandoffID: r.HandoffID, From: bot.HandoffFrom(r.Sender), Staff: r.Staff,
		Text: r.Body, At: r.At.Time}
}

// insertHandoffMessageSQL keeps a line of a handoff's conversation.
const insertHandoffMessageSQL = `
INSERT INTO handoff_messages (handoff_id, sender, staff, body, at)
VALUES (:handoff_id, :sender, :staff, :body, :at)
RETURNING id`

// AddHandoffMessage keeps a line of a handoff's conversation in the
// transaction, setting m.ID (and m.At, when zero, to now).
func (t *Tx) AddHandoffMessage(ctx context.Context, m *bot.HandoffMessage) error {
	at := m.At
	if at.IsZero() {
		at = t.now()
	}
	r := handoffMessageRow{HandoffID: m.HandoffID, Sender: string(m.From), Staff: m.Staff, Body: m.Text, At: ts(at)}
	if err := namedGet(ctx, t.tx, &r.ID, insertHandoffMessageSQL, r); err != nil {
		return wrap(err, "handoff %d message", m.HandoffID)
	}
	m.ID, m.At = r.ID, r.At.Time
	return nil
}

// handoffMessagesSQL reads a handoff's conversation, oldest first.
const handoffMessagesSQL = `SELECT id, handoff_id, sender, staff, body, at FROM handoff_messages
	WHERE handoff_id = ? ORDER BY id`

// HandoffMessages returns the conversation of a handoff, oldest first
// (none for an unknown handoff).
func (s *Store) HandoffMessages(ctx context.Context, handoffID int64) ([]bot.HandoffMessage, error) {
	var rows []handoffMessageRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(handoffMessagesSQL), handoffID); err != nil {
		return nil, wrap(err, "handoff %d messages", handoffID)
	}
	out := make([]bot.HandoffMessage, 0, len(rows))
	for _, r := range rows {
		out = append(out, toHandoffMessage(r))
	}
	return out, nil
}
