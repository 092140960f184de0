package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/faq"
)

// upsertFAQSQL creates an entry or replaces it, moving its version on, and
// returns its version (1 when it was created).
const upsertFAQSQL = insertFAQSQL + `
ON CONFLICT (id) DO UPDATE SET question = excluded.question,
	alternatives = excluded.alternatives, keywords = excluded.keywords,
	answer = excluded.answer, category = excluded.category, offer_person = excluded.offer_person,
	enabled = excluded.enabled,
	version = faqs.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
RETURNING version`

// seedFAQSQL creates an entry unless one with its id exists, and returns
// its version (no row when it exists).
const seedFAQSQL = insertFAQSQL + ` ON CONFLICT (id) DO NOTHING RETURNING version`

// ImportFAQs creates or replaces the given entries in one transaction (an
// empty ID is assigned), recording by as their author (when by is empty,
// each entry's UpdatedBy) in the entries and, one event each, in the FAQ
// audit trail. Entries not in faqs stay. The database counts as seeded
// afterwards. It is ImportFAQFile without concepts.
func (s *Store) ImportFAQs(ctx context.Context, faqs []faq.FAQ, by string) error {
	return s.ImportFAQFile(ctx, faqs, nil, by)
}

// ImportFAQFile imports what a FAQ file holds, in one transaction: the
// entries as ImportFAQs does, and the concepts the same way, by name:
// each is created or has its words replaced (the last one wins when a
// name comes twice), one event each in the FAQ audit trail, and concepts
// not in the file stay. Every concept is checked with
// faq.ValidateConcept first: a *faq.ValidationError when one is refused,
// and nothing is imported. With concepts, the database counts as given
// concepts afterwards (SeedConcepts does nothing); a file without any
// says nothing about them.
func (s *Store) ImportFAQFile(ctx context.Context, faqs []faq.FAQ, concepts []faq.Concept, by string) error {
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := claimMeta(ctx, tx, metaFAQSeeded, "1"); err != nil {
			return err
		}
		if len(concepts) > 0 {
			if _, err := claimMeta(ctx, tx, metaConceptsSeeded, "1"); err != nil {
				return err
			}
			if err := writeConcepts(ctx, tx, concepts, by, s.now(), true); err != nil {
				return err
			}
		}
		return writeFAQs(ctx, tx, upsertFAQSQL, faqs, by, s.now())
	})
}

// SeedFAQs stores faqs only if this database was never seeded (nor
// imported into), so staff edits survive restarts; existing ids are kept as
// they are. Each entry stored is in the FAQ audit trail as created by
// "seed". It reports whether it seeded. Replicas starting together seed
// once: the second waits for the first and finds the database seeded.
func (s *Store) SeedFAQs(ctx context.Context, faqs []faq.FAQ) (bool, error) {
	seeded := false
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		claimed, err := claimMeta(ctx, tx, metaFAQSeeded, "1")
		if err != nil || !claimed {
			return err
		}
		seeded = true
		return writeFAQs(ctx, tx, seedFAQSQL, faqs, "seed", s.now())
	})
	if err != nil {
		return false, err
	}
	return seeded, nil
}

// writeFAQs writes every entry with query (an insert returning the
// entry's version, or no row when it wrote nothing), records each entry
// written in the FAQ audit trail, and bumps the FAQ revision once. by, when
// not empty, is recorded as every entry's author, and at as the time of
// every entry.
func writeFAQs(ctx context.Context, tx *sqlx.Tx, query string, faqs []faq.FAQ, by string, at time.Time) error {
	for _, f := range faqs {
		if f.ID == "" {
			id, err := nextFAQID(ctx, tx)
			if err != nil {
				return err
			}
			f.ID = id
		}
		if by != "" || f.UpdatedBy == "" {
			f.UpdatedBy = by
		}
		f.Version, f.UpdatedAt = 1, at
		var version int
		err := namedGet(ctx, tx, &version, query, fromFAQ(f))
		if errors.Is(err, sql.ErrNoRows) {
			continue // kept as it is
		}
		if err != nil {
			return wrap(err, "write faq %s", f.ID)
		}
		action := FAQUpdated
		if version == 1 {
			action = FAQCreated
		}
		if err := insertFAQEvent(ctx, tx, FAQEvent{FAQID: f.ID, Actor: f.UpdatedBy, Action: action,
			Version: version, Question: f.Question, At: at}); err != nil {
			return err
		}
	}
	_, err := bumpMeta(ctx, tx, metaFAQRevision)
	return err
}
