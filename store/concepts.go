package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// Concepts (synonym groups, faq.Concept) are FAQ data: every change bumps
// the FAQ revision, so that every replica's answerer rebuilds its index,
// and is recorded in the FAQ audit trail (faq_events, kind 'concept',
// faq_id the concept's name), in the transaction that makes it.

// conceptRow is a row of faq_concepts.
type conceptRow struct {
	Name      string    `db:"name"`
	Words     string    `db:"words"` // JSON array, as faqs.alternatives
	UpdatedBy string    `db:"updated_by"`
	UpdatedAt timestamp `db:"updated_at"`
}

// fromConcept converts a concept for storage.
func fromConcept(c faq.Concept) conceptRow {
	return conceptRow{Name: c.Name, Words: jsonList(c.Words), UpdatedBy: c.UpdatedBy, UpdatedAt: ts(c.UpdatedAt)}
}

// toConcept converts a stored concept.
func toConcept(r conceptRow) (faq.Concept, error) {
	words, err := parseList(r.Words)
	if err != nil {
		return faq.Concept{}, fmt.Errorf("store: concept %s words: %w", r.Name, err)
	}
	return faq.Concept{Name: r.Name, Words: words, UpdatedBy: r.UpdatedBy, UpdatedAt: r.UpdatedAt.Time}, nil
}

// cleanConcept trims the name and every word of c, as the editors do.
func cleanConcept(c faq.Concept) faq.Concept {
	c.Name = strings.TrimSpace(c.Name)
	words := make([]string, len(c.Words))
	for i, w := range c.Words {
		words[i] = strings.TrimSpace(w)
	}
	c.Words = words
	return c
}

// checkConcept validates c with faq.ValidateConcept.
func checkConcept(c faq.Concept) error {
	if ps := faq.ValidateConcept(c); len(ps) > 0 {
		return &faq.ValidationError{What: "concept " + c.Name, Problems: ps}
	}
	return nil
}

// listConceptsSQL selects every concept.
const listConceptsSQL = `SELECT name, words, updated_by, updated_at FROM faq_concepts`

// ListConcepts returns every concept, ordered by name (by code point, the
// same on both engines whatever PostgreSQL's collation).
func (s *Store) ListConcepts(ctx context.Context) ([]faq.Concept, error) {
	var rows []conceptRow
	if err := s.db.SelectContext(ctx, &rows, listConceptsSQL); err != nil {
		return nil, wrap(err, "list concepts")
	}
	concepts := make([]faq.Concept, 0, len(rows))
	for _, r := range rows {
		c, err := toConcept(r)
		if err != nil {
			return nil, err
		}
		concepts = append(concepts, c)
	}
	slices.SortFunc(concepts, func(a, b faq.Concept) int { return strings.Compare(a.Name, b.Name) })
	return concepts, nil
}

// SaveConcept creates the concept named c.Name, or replaces its words,
// recording actor as who changed it (in the concept and in the FAQ audit
// trail) and now as when; c.UpdatedBy and c.UpdatedAt are not used. The
// name and the words are trimmed, then checked with faq.ValidateConcept:
// a *faq.ValidationError when it refuses them, and nothing is written.
func (s *Store) SaveConcept(ctx context.Context, c faq.Concept, actor string) error {
	c = cleanConcept(c)
	c.UpdatedBy, c.UpdatedAt = actor, s.now()
	if err := checkConcept(c); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := writeConcept(ctx, tx, c, true); err != nil {
			return err
		}
		_, err := bumpMeta(ctx, tx, metaFAQRevision)
		return err
	})
}

// insertConceptSQL creates a concept unless one of its name exists.
const insertConceptSQL = `INSERT INTO faq_concepts (name, words, updated_by, updated_at)
	VALUES (:name, :words, :updated_by, :updated_at) ON CONFLICT (name) DO NOTHING`

// updateConceptSQL replaces the words of a concept.
const updateConceptSQL = `UPDATE faq_concepts SET words = :words, updated_by = :updated_by,
	updated_at = :updated_at WHERE name = :name`

// writeConcept creates c (already checked) or, when replace is set and
// it exists, replaces it, recording the change in the FAQ audit trail; it
// returns the action recorded, "" when an existing concept was kept. The
// caller bumps the FAQ revision.
func writeConcept(ctx context.Context, tx *sqlx.Tx, c faq.Concept, replace bool) (string, error) {
	r := fromConcept(c)
	res, err := tx.NamedExecContext(ctx, insertConceptSQL, r)
	if err != nil {
		return "", wrap(err, "create concept %s", c.Name)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return "", wrap(err, "create concept %s", c.Name)
	}
	action := FAQCreated
	if n == 0 {
		if !replace {
			return "", nil
		}
		action = FAQUpdated
		res, err := tx.NamedExecContext(ctx, updateConceptSQL, r)
		if err == nil {
			// None when deleted between the insert and the update:
			// someone else's change won.
			err = mustAffect(res, bot.ErrConflict)
		}
		if err != nil {
			return "", wrap(err, "update concept %s", c.Name)
		}
	}
	return action, insertFAQEvent(ctx, tx, conceptEvent(c.Name, c.Words, c.UpdatedBy, action, c.UpdatedAt))
}

// conceptEvent is the FAQ audit trail's event of a change to a concept.
// Its Question records the concept's words then, joined by 、.
func conceptEvent(name string, words []string, actor, action string, at time.Time) FAQEvent {
	return FAQEvent{Kind: FAQEventConcept, FAQID: name, Actor: actor, Action: action,
		Question: strings.Join(words, "、"), At: at}
}

// deleteConceptSQL removes a concept, returning its words.
const deleteConceptSQL = `DELETE FROM faq_concepts WHERE name = ? RETURNING words`

// DeleteConcept removes the concept named name and records actor as who
// deleted it in the FAQ audit trail; bot.ErrNotFound when there is none.
func (s *Store) DeleteConcept(ctx context.Context, name, actor string) error {
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		var words string
		err := tx.GetContext(ctx, &words, tx.Rebind(deleteConceptSQL), name)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: delete concept %s: %w", name, bot.ErrNotFound)
		}
		if err != nil {
			return wrap(err, "delete concept %s", name)
		}
		list, err := parseList(words)
		if err != nil {
			return fmt.Errorf("store: concept %s words: %w", name, err)
		}
		if _, err := bumpMeta(ctx, tx, metaFAQRevision); err != nil {
			return err
		}
		return insertFAQEvent(ctx, tx, conceptEvent(name, list, actor, FAQDeleted, s.now()))
	})
}

// SeedConcepts stores concepts only if this database was never given
// concepts (seeded, or imported from a file that has some), so staff
// edits and deletions survive restarts; a concept whose name exists is
// kept as it is. Each concept stored is in the FAQ audit trail as created
// by "seed". It reports whether it seeded. The flag is not the FAQ's: a
// database seeded before concepts existed gets the default concepts once.
// A concept faq.ValidateConcept refuses fails the whole seed.
func (s *Store) SeedConcepts(ctx context.Context, concepts []faq.Concept) (bool, error) {
	seeded := false
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		claimed, err := claimMeta(ctx, tx, metaConceptsSeeded, "1")
		if err != nil || !claimed {
			return err
		}
		seeded = true
		return writeConcepts(ctx, tx, concepts, "seed", s.now(), false)
	})
	if err != nil {
		return false, err
	}
	return seeded, nil
}

// writeConcepts checks and writes every concept (replacing those that
// exist when replace is set), recording by as their author (when empty,
// each concept's UpdatedBy) and at as the time, and bumps the FAQ revision
// once.
func writeConcepts(ctx context.Context, tx *sqlx.Tx, concepts []faq.Concept, by string, at time.Time, replace bool) error {
	for _, c := range concepts {
		c = cleanConcept(c)
		if by != "" || c.UpdatedBy == "" {
			c.UpdatedBy = by
		}
		c.UpdatedAt = at
		if err := checkConcept(c); err != nil {
			return err
		}
		if _, err := writeConcept(ctx, tx, c, replace); err != nil {
			return err
		}
	}
	_, err := bumpMeta(ctx, tx, metaFAQRevision)
	return err
}

// conceptEventsSQL selects a concept's audit trail.
const conceptEventsSQL = `SELECT id, kind, faq_id, actor, action, version, question, at FROM faq_events
	WHERE kind = 'concept' AND faq_id = ? ORDER BY id`

// ConceptEvents returns the audit trail of the concept named name (which
// may be deleted), oldest first. Question holds its words then, joined by
// 、; Version is 0.
func (s *Store) ConceptEvents(ctx context.Context, name string) ([]FAQEvent, error) {
	return s.faqEvents(ctx, conceptEventsSQL, name)
}
