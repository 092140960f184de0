package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// The FAQ audit trail: every change to an entry (CreateFAQ, UpdateFAQ,
// DeleteFAQ, ImportFAQs, SeedFAQs) records in faq_events who made it, in
// the transaction that makes it, one event per entry changed.

// FAQEvent is one entry of the FAQ audit trail: who did what to an entry, when.
type FAQEvent struct {
	ID       int64
	FAQID    string
	Actor    string // who: a Slack user id, "admin" (the admin page), "cli", "seed", …
	Action   string // FAQCreated, FAQUpdated or FAQDeleted
	Version  int    // the entry's version after the change (before it, for a deletion)
	Question string // the entry's question then
	At       time.Time
}

// The actions of FAQEvent. Switching an entry on or off, and an import
// that replaces an entry, are updates.
const (
	FAQCreated = "created"
	FAQUpdated = "updated"
	FAQDeleted = "deleted"
)

// faqEventRow is a row of faq_events.
type faqEventRow struct {
	ID       int64     `db:"id"`
	FAQID    string    `db:"faq_id"`
	Actor    string    `db:"actor"`
	Action   string    `db:"action"`
	Version  int       `db:"version"`
	Question string    `db:"question"`
	At       timestamp `db:"at"`
}

// insertFAQEventSQL appends to the FAQ audit trail.
const insertFAQEventSQL = `INSERT INTO faq_events (faq_id, actor, action, version, question, at)
	VALUES (:faq_id, :actor, :action, :version, :question, :at)`

// insertFAQEvent appends e to the FAQ audit trail.
func insertFAQEvent(ctx context.Context, tx *sqlx.Tx, e FAQEvent) error {
	r := faqEventRow{FAQID: e.FAQID, Actor: e.Actor, Action: e.Action, Version: e.Version, Question: e.Question, At: ts(e.At)}
	if _, err := tx.NamedExecContext(ctx, insertFAQEventSQL, r); err != nil {
		return wrap(err, "faq %s event %s", e.FAQID, e.Action)
	}
	return nil
}

// faqEventsSQL selects an entry's audit trail.
const faqEventsSQL = `SELECT id, faq_id, actor, action, version, question, at FROM faq_events
	WHERE faq_id = ? ORDER BY id`

// FAQEvents returns the audit trail of an entry (which may be deleted),
// oldest first.
func (s *Store) FAQEvents(ctx context.Context, id string) ([]FAQEvent, error) {
	var rows []faqEventRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(faqEventsSQL), id); err != nil {
		return nil, wrap(err, "faq %s events", id)
	}
	out := make([]FAQEvent, 0, len(rows))
	for _, r := range rows {
		out = append(out, FAQEvent{ID: r.ID, FAQID: r.FAQID, Actor: r.Actor, Action: r.Action,
			Version: r.Version, Question: r.Question, At: r.At.Time})
	}
	return out, nil
}
