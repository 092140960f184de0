package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// The FAQ audit trail: every change to an entry (CreateFAQ, UpdateFAQ,
// DeleteFAQ, ImportFAQs, SeedFAQs) or to a concept (SaveConcept,
// DeleteConcept, ImportFAQFile, SeedConcepts) records in faq_events who
// made it, in the transaction that makes it, one event per entry or
// concept changed.

// FAQEvent is one entry of the FAQ audit trail: who did what to an entry
// (or a concept), when.
type FAQEvent struct {
	ID       int64
	Kind     string // FAQEventEntry ("faq", also when empty) or FAQEventConcept
	FAQID    string // the entry's id; the concept's name for a concept
	Actor    string // who: a Slack user id, "admin" (the admin page), "cli", "seed", …
	Action   string // FAQCreated, FAQUpdated or FAQDeleted
	Version  int    // the entry's version after the change (before it, for a deletion); 0 for a concept
	Question string // the entry's question then; a concept's words then, joined by 、
	At       time.Time
}

// The actions of FAQEvent. Switching an entry on or off, and an import
// that replaces an entry, are updates.
const (
	FAQCreated = "created"
	FAQUpdated = "updated"
	FAQDeleted = "deleted"
)

// The kinds of FAQEvent: what was changed.
const (
	FAQEventEntry   = "faq"     // an FAQ entry
	FAQEventConcept = "concept" // a concept (synonym group)
)

// faqEventRow is a row of faq_events.
type faqEventRow struct {
	ID       int64     `db:"id"`
	Kind     string    `db:"kind"`
	FAQID    string    `db:"faq_id"`
	Actor    string    `db:"actor"`
	Action   string    `db:"action"`
	Version  int       `db:"version"`
	Question string    `db:"question"`
	At       timestamp `db:"at"`
}

// insertFAQEventSQL appends to the FAQ audit trail.
const insertFAQEventSQL = `INSERT INTO faq_events (kind, faq_id, actor, action, version, question, at)
	VALUES (:kind, :faq_id, :actor, :action, :version, :question, :at)`

// insertFAQEvent appends e to the FAQ audit trail.
func insertFAQEvent(ctx context.Context, tx *sqlx.Tx, e FAQEvent) error {
	if e.Kind == "" {
		e.Kind = FAQEventEntry
	}
	r := faqEventRow{Kind: e.Kind, FAQID: e.FAQID, Actor: e.Actor, Action: e.Action, Version: e.Version, Question: e.Question, At: ts(e.At)}
	if _, err := tx.NamedExecContext(ctx, insertFAQEventSQL, r); err != nil {
		return wrap(err, "faq %s event %s", e.FAQID, e.Action)
	}
	return nil
}

// faqEventsSQL selects an entry's audit trail.
const faqEventsSQL = `SELECT id, kind, faq_id, actor, action, version, question, at FROM faq_events
	WHERE kind = 'faq' AND faq_id = ? ORDER BY id`

// FAQEvents returns the audit trail of an entry (which may be deleted),
// oldest first; not a concept's, even of the same name.
func (s *Store) FAQEvents(ctx context.Context, id string) ([]FAQEvent, error) {
	return s.faqEvents(ctx, faqEventsSQL, id)
}

// faqEvents returns the events query selects for id.
func (s *Store) faqEvents(ctx context.Context, query, id string) ([]FAQEvent, error) {
	var rows []faqEventRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), id); err != nil {
		return nil, wrap(err, "faq %s events", id)
	}
	out := make([]FAQEvent, 0, len(rows))
	for _, r := range rows {
		out = append(out, FAQEvent{ID: r.ID, Kind: r.Kind, FAQID: r.FAQID, Actor: r.Actor, Action: r.Action,
			Version: r.Version, Question: r.Question, At: r.At.Time})
	}
	return out, nil
}
