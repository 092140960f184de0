package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// faqRow is a row of faqs.
type faqRow struct {
	ID           string    `db:"id"`
	Question     string    `db:"question"`
	Alternatives string    `db:"alternatives"` // JSON array
	Keywords     string    `db:"keywords"`     // JSON array
	Answer       string    `db:"answer"`
	Category     string    `db:"category"`
	OfferPerson  bool      `db:"offer_person"`
	Enabled      bool      `db:"enabled"`
	Version      int       `db:"version"`
	UpdatedBy    string    `db:"updated_by"`
	CreatedAt    timestamp `db:"created_at"`
	UpdatedAt    timestamp `db:"updated_at"`
}

// fromFAQ converts an entry for storage.
func fromFAQ(f faq.FAQ) faqRow {
	return faqRow{
		ID: f.ID, Question: f.Question, Answer: f.Answer, Category: f.Category,
		Alternatives: jsonList(f.Alternatives), Keywords: jsonList(f.Keywords),
		OfferPerson: f.OfferPerson, Enabled: f.Enabled, Version: f.Version, UpdatedBy: f.UpdatedBy,
		CreatedAt: ts(f.UpdatedAt), UpdatedAt: ts(f.UpdatedAt),
	}
}

// toFAQ converts a stored entry.
func toFAQ(r faqRow) (faq.FAQ, error) {
	f := faq.FAQ{
		ID: r.ID, Question: r.Question, Answer: r.Answer, Category: r.Category,
		OfferPerson: r.OfferPerson, Enabled: r.Enabled, Version: r.Version, UpdatedBy: r.UpdatedBy, UpdatedAt: r.UpdatedAt.Time,
	}
	var err error
	if f.Alternatives, err = parseList(r.Alternatives); err != nil {
		return faq.FAQ{}, fmt.Errorf("store: faq %s alternatives: %w", r.ID, err)
	}
	if f.Keywords, err = parseList(r.Keywords); err != nil {
		return faq.FAQ{}, fmt.Errorf("store: faq %s keywords: %w", r.ID, err)
	}
	return f, nil
}

// jsonList encodes a list of strings as a JSON array, [] when empty.
func jsonList(l []string) string {
	if len(l) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(l) // a []string always encodes
	return string(b)
}

// parseList decodes a JSON array of strings, nil when empty.
func parseList(s string) ([]string, error) {
	var l []string
	if s == "" {
		return nil, nil
	}
	if err := json.Unmarshal([]byte(s), &l); err != nil {
		return nil, err
	}
	if len(l) == 0 {
		return nil, nil
	}
	return l, nil
}

// faqColumns lists the columns of faqs in the order of faqRow.
const faqColumns = `id, question, alternatives, keywords, answer, category, offer_person, enabled,
	version, updated_by, created_at, updated_at`

// listFAQsSQL selects every entry.
const listFAQsSQL = `SELECT ` + faqColumns + ` FROM faqs ORDER BY category, id`

// ListFAQs returns every entry, enabled or not, ordered by category and id.
func (s *Store) ListFAQs(ctx context.Context) ([]faq.FAQ, error) {
	var rows []faqRow
	if err := s.db.SelectContext(ctx, &rows, listFAQsSQL); err != nil {
		return nil, wrap(err, "list faqs")
	}
	faqs := make([]faq.FAQ, 0, len(rows))
	for _, r := range rows {
		f, err := toFAQ(r)
		if err != nil {
			return nil, err
		}
		faqs = append(faqs, f)
	}
	return faqs, nil
}

// faqSQL selects one entry.
const faqSQL = `SELECT ` + faqColumns + ` FROM faqs WHERE id = ?`

// FAQ returns one entry, or bot.ErrNotFound.
func (s *Store) FAQ(ctx context.Context, id string) (faq.FAQ, error) {
	var r faqRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(faqSQL), id); err != nil {
		return faq.FAQ{}, wrap(err, "faq %s", id)
	}
	return toFAQ(r)
}

// insertFAQSQL inserts one entry.
const insertFAQSQL = `INSERT INTO faqs (` + faqColumns + `) VALUES (:id, :question, :alternatives,
	:keywords, :answer, :category, :offer_person, :enabled, :version, :updated_by, :created_at, :updated_at)`

// CreateFAQ stores a new entry at version 1 and records f.UpdatedBy as its
// creator in the FAQ audit trail, assigning an ID ("faq-N") when
// f.ID is empty, and sets f.Version and f.UpdatedAt. bot.ErrConflict when
// the ID exists.
func (s *Store) CreateFAQ(ctx context.Context, f *faq.FAQ) error {
	entry := *f
	entry.Version, entry.UpdatedAt = 1, s.now()
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		if entry.ID == "" {
			id, err := nextFAQID(ctx, tx)
			if err != nil {
				return err
			}
			entry.ID = id
		}
		if _, err := tx.NamedExecContext(ctx, insertFAQSQL, fromFAQ(entry)); err != nil {
			return wrap(err, "create faq %s", entry.ID)
		}
		if _, err := bumpMeta(ctx, tx, metaFAQRevision); err != nil {
			return err
		}
		return insertFAQEvent(ctx, tx, FAQEvent{FAQID: entry.ID, Actor: entry.UpdatedBy, Action: FAQCreated,
			Version: entry.Version, Question: entry.Question, At: entry.UpdatedAt})
	})
	if err != nil {
		return err
	}
	*f = entry
	return nil
}

// faqExistsSQL tells whether an id is taken.
const faqExistsSQL = `SELECT COUNT(*) FROM faqs WHERE id = ?`

// nextFAQID returns "faq-N" for the next N of the sequence that is not
// taken (imported entries may use such ids too).
func nextFAQID(ctx context.Context, tx *sqlx.Tx) (string, error) {
	for range 1000 {
		n, err := bumpMeta(ctx, tx, metaFAQSequence)
		if err != nil {
			return "", err
		}
		id := "faq-" + strconv.FormatInt(n, 10)
		var taken int
		if err := tx.GetContext(ctx, &taken, tx.Rebind(faqExistsSQL), id); err != nil {
			return "", wrap(err, "faq id")
		}
		if taken == 0 {
			return id, nil
		}
	}
	return "", errors.New("store: no free faq id")
}

// updateFAQSQL saves an entry if it is still at the version read.
const updateFAQSQL = `UPDATE faqs SET question = ?, alternatives = ?, keywords = ?, answer = ?,
	category = ?, offer_person = ?, enabled = ?, version = version + 1, updated_by = ?, updated_at = ?
	WHERE id = ? AND version = ?`

// UpdateFAQ saves f if f.Version is the stored version (recording
// f.UpdatedBy in the FAQ audit trail), then increments
// f.Version and sets f.UpdatedAt. bot.ErrConflict when someone else changed
// it meanwhile, bot.ErrNotFound when it is gone.
func (s *Store) UpdateFAQ(ctx context.Context, f *faq.FAQ) error {
	r := fromFAQ(*f)
	r.UpdatedAt = ts(s.now())
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, tx.Rebind(updateFAQSQL), r.Question, r.Alternatives, r.Keywords,
			r.Answer, r.Category, r.OfferPerson, r.Enabled, r.UpdatedBy, r.UpdatedAt, r.ID, r.Version)
		if err != nil {
			return wrap(err, "update faq %s", r.ID)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return faqChangeMiss(ctx, tx, "update", r.ID, err)
		}
		if _, err := bumpMeta(ctx, tx, metaFAQRevision); err != nil {
			return err
		}
		return insertFAQEvent(ctx, tx, FAQEvent{FAQID: r.ID, Actor: r.UpdatedBy, Action: FAQUpdated,
			Version: r.Version + 1, Question: r.Question, At: r.UpdatedAt.Time})
	})
	if err != nil {
		return err
	}
	f.Version++
	f.UpdatedAt = r.UpdatedAt.Time
	return nil
}

// faqChangeMiss explains why an update or a deletion (what) changed no
// row: the entry is gone (bot.ErrNotFound) or at another version
// (bot.ErrConflict).
func faqChangeMiss(ctx context.Context, tx *sqlx.Tx, what, id string, err error) error {
	if err != nil {
		return wrap(err, "%s faq %s", what, id)
	}
	var n int
	if err := tx.GetContext(ctx, &n, tx.Rebind(faqExistsSQL), id); err != nil {
		return wrap(err, "%s faq %s", what, id)
	}
	if n == 0 {
		return fmt.Errorf("store: %s faq %s: %w", what, id, bot.ErrNotFound)
	}
	return fmt.Errorf("store: %s faq %s: changed by someone else: %w", what, id, bot.ErrConflict)
}

// deleteFAQSQL removes an entry if it is at the version read (any version
// when that is 0), returning what the audit trail records of it.
const deleteFAQSQL = `DELETE FROM faqs WHERE id = ? AND (? = 0 OR version = ?) RETURNING version, question`

// deleteFAQPicksSQL forgets that students picked a deleted entry for a
// question, so the misses page offers no gone entry (nor a new one that
// reuses its id).
const deleteFAQPicksSQL = `DELETE FROM faq_miss_picks WHERE faq_id = ?`

// DeleteFAQ removes an entry if it is still at version (so nobody's newer
// edit is deleted unseen; 0 deletes whatever version is stored), with the
// picks of it recorded for unanswered questions, and records actor as who
// deleted it in the FAQ audit trail. bot.ErrConflict when it
// changed meanwhile, bot.ErrNotFound when it is gone.
func (s *Store) DeleteFAQ(ctx context.Context, id string, version int, actor string) error {
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		var gone struct {
			Version  int    `db:"version"`
			Question string `db:"question"`
		}
		err := tx.GetContext(ctx, &gone, tx.Rebind(deleteFAQSQL), id, version, version)
		if errors.Is(err, sql.ErrNoRows) {
			return faqChangeMiss(ctx, tx, "delete", id, nil)
		}
		if err != nil {
			return wrap(err, "delete faq %s", id)
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(deleteFAQPicksSQL), id); err != nil {
			return wrap(err, "delete faq %s", id)
		}
		if _, err := bumpMeta(ctx, tx, metaFAQRevision); err != nil {
			return err
		}
		return insertFAQEvent(ctx, tx, FAQEvent{FAQID: id, Actor: actor, Action: FAQDeleted,
			Version: gone.Version, Question: gone.Question, At: s.now()})
	})
}

// faqRevisionSQL reads the revision counter.
const faqRevisionSQL = `SELECT value FROM meta WHERE key = ?`

// FAQRevision returns a number that changes whenever any entry changes, on
// any replica; 0 before the first change.
func (s *Store) FAQRevision(ctx context.Context) (int64, error) {
	var rev int64
	err := s.db.GetContext(ctx, &rev, s.db.Rebind(faqRevisionSQL), metaFAQRevision)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, wrap(err, "faq revision")
	}
	return rev, nil
}

// mustAffect returns errNone when res changed no row.
func mustAffect(res sql.Result, errNone error) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return errNone
	}
	return nil
}
