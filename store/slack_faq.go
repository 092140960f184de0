package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/sakemodel/sakebot/faq"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// FAQ edits made by people (from Slack, or any editor that wants the audit
// trail): the same changes as CreateFAQ, UpdateFAQ and DeleteFAQ, each
// recorded in faq_events (who, what, when) in the same transaction.

// FAQEvent is one entry of the FAQ audit trail: who did what to an entry, when.
type FAQEvent struct {
	ID       int64
	FAQID    string
	Actor    string // who: a Slack user id, "admin", …
	Action   string // FAQCreated, FAQUpdated or FAQDeleted
	Version  int    // the entry's version after the change (before it, for a deletion)
	Question string // the entry's question then
	At       time.Time
}

// The actions of FAQEvent.
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

// CreateFAQAudited is CreateFAQ, which records f.UpdatedBy as who created
// the entry.
func (s *Store) CreateFAQAudited(ctx context.Context, f *faq.FAQ) error { return s.CreateFAQ(ctx, f) }

// UpdateFAQAudited is UpdateFAQ, which records f.UpdatedBy as who changed
// the entry.
func (s *Store) UpdateFAQAudited(ctx context.Context, f *faq.FAQ) error { return s.UpdateFAQ(ctx, f) }

// deleteFAQVersionSQL removes an entry if it is still at the version read.
const deleteFAQVersionSQL = `DELETE FROM faqs WHERE id = ? AND version = ?`

// DeleteFAQAudited removes an entry if it is still at version (so nobody's
// newer edit is deleted unseen) and records actor as who deleted it.
// bot.ErrConflict when it changed meanwhile, bot.ErrNotFound when it is gone.
func (s *Store) DeleteFAQAudited(ctx context.Context, id string, version int, actor string) error {
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		var question string
		err := tx.GetContext(ctx, &question, tx.Rebind(`SELECT question FROM faqs WHERE id = ?`), id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: delete faq %s: %w", id, bot.ErrNotFound)
		}
		if err != nil {
			return wrap(err, "delete faq %s", id)
		}
		res, err := tx.ExecContext(ctx, tx.Rebind(deleteFAQVersionSQL), id, version)
		if err != nil {
			return wrap(err, "delete faq %s", id)
		}
		if err := mustAffect(res, bot.ErrConflict); err != nil {
			return fmt.Errorf("store: delete faq %s: changed by someone else: %w", id, err)
		}
		if _, err := bumpMeta(ctx, tx, metaFAQRevision); err != nil {
			return err
		}
		return insertFAQEvent(ctx, tx, FAQEvent{FAQID: id, Actor: actor, Action: FAQDeleted,
			Version: version, Question: question, At: s.now()})
	})
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
