package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// missRow is a row of faq_misses.
type missRow struct {
	ID         int64     `db:"id"`
	Normalized string    `db:"normalized"`
	Question   string    `db:"question"`
	Count      int       `db:"count"`
	FirstAt    timestamp `db:"first_at"`
	LastAt     timestamp `db:"last_at"`
	Dismissed  bool      `db:"dismissed"`
}

// toMiss converts a stored miss.
func toMiss(r missRow) bot.Miss {
	return bot.Miss{
		ID: r.ID, Question: r.Question, Count: r.Count,
		FirstAt: r.FirstAt.Time, LastAt: r.LastAt.Time, Dismissed: r.Dismissed,
	}
}

// recordMissSQL counts a miss and returns its id; the first question asked
// stays as the example. A dismissed miss asked again comes back to the
// list.
const recordMissSQL = `
INSERT INTO faq_misses (normalized, question, count, first_at, last_at, dismissed)
VALUES (?, ?, 1, ?, ?, FALSE)
ON CONFLICT (normalized) DO UPDATE SET count = faq_misses.count + 1,
	last_at = excluded.last_at, dismissed = FALSE
RETURNING id`

// recordMiss counts question under its normalized form (the trimmed
// question when normalized is empty) at at and returns the miss's id; an
// empty question is ignored (id 0).
func recordMiss(ctx context.Context, q sqlx.ExtContext, at time.Time, question, normalized string) (int64, error) {
	question = strings.TrimSpace(question)
	if normalized == "" {
		normalized = question
	}
	if normalized == "" {
		return 0, nil
	}
	var id int64
	if err := q.QueryRowxContext(ctx, q.Rebind(recordMissSQL), normalized, question, ts(at), ts(at)).Scan(&id); err != nil {
		return 0, wrap(err, "record miss")
	}
	return id, nil
}

// RecordMiss counts a question the bot could not answer, in the turn's
// transaction, and returns the miss's id (0 when the question is empty);
// questions with the same normalized form count together.
func (t *Tx) RecordMiss(ctx context.Context, question, normalized string) (int64, error) {
	return recordMiss(ctx, t.tx, t.now(), question, normalized)
}

// RecordMiss is Tx.RecordMiss outside a conversation (the CLI's ask).
func (s *Store) RecordMiss(ctx context.Context, question, normalized string) error {
	_, err := recordMiss(ctx, s.db, s.now(), question, normalized)
	return err
}

// recordMissPickSQL counts a pick of an entry for a miss; a miss that is
// gone inserts nothing (so no foreign key fails).
const recordMissPickSQL = `
INSERT INTO faq_miss_picks (miss_id, faq_id, count, last_at)
SELECT id, ?, 1, ? FROM faq_misses WHERE id = ?
ON CONFLICT (miss_id, faq_id) DO UPDATE SET count = faq_miss_picks.count + 1,
	last_at = excluded.last_at`

// RecordMissPick records, in the turn's transaction, that the student who
// asked miss picked the entry faqID from the did-you-mean choices offered
// for it. An unknown miss (purged since), a zero id or an empty entry id is
// ignored.
func (t *Tx) RecordMissPick(ctx context.Context, missID int64, faqID string) error {
	if missID <= 0 || faqID == "" {
		return nil
	}
	if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(recordMissPickSQL), faqID, ts(t.now()), missID); err != nil {
		return wrap(err, "record pick for miss %d", missID)
	}
	return nil
}

// listMissesSQL selects the undismissed misses, most frequent first.
const listMissesSQL = `SELECT id, normalized, question, count, first_at, last_at, dismissed
	FROM faq_misses WHERE dismissed = FALSE ORDER BY count DESC, last_at DESC, id`

// ListMisses returns up to limit undismissed misses (all when limit <= 0),
// most frequent first, then most recent, each with the entries (still
// stored) students picked for it, most picked first.
func (s *Store) ListMisses(ctx context.Context, limit int) ([]bot.Miss, error) {
	query, args := listMissesSQL, []any{}
	if limit > 0 {
		query, args = query+` LIMIT ?`, append(args, limit)
	}
	var rows []missRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return nil, wrap(err, "list misses")
	}
	misses := make([]bot.Miss, 0, len(rows))
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		misses = append(misses, toMiss(r))
		ids = append(ids, r.ID)
	}
	picks, err := s.missPicks(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range misses {
		misses[i].Picks = picks[misses[i].ID]
	}
	return misses, nil
}

// missPicksSQL selects the picks of the listed misses (%s: their ids'
// placeholders) of entries that still exist, most picked first, then most
// recent.
const missPicksSQL = `SELECT p.miss_id, p.faq_id, p.count FROM faq_miss_picks p JOIN faqs f ON f.id = p.faq_id
	WHERE p.miss_id IN (%s) ORDER BY p.miss_id, p.count DESC, p.last_at DESC, p.faq_id`

// missPicksChunk is how many misses one query reads the picks of: one
// query for a page of misses, and far below either database's limit on
// parameters.
const missPicksChunk = 500

// missPickRow is a row of missPicksSQL.
type missPickRow struct {
	MissID int64  `db:"miss_id"`
	FAQID  string `db:"faq_id"`
	Count  int    `db:"count"`
}

// missPicks returns the picks of the misses ids, by miss, most picked
// first.
func (s *Store) missPicks(ctx context.Context, ids []int64) (map[int64][]bot.MissPick, error) {
	out := map[int64][]bot.MissPick{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), missPicksChunk)]
		ids = ids[len(chunk):]
		var rows []missPickRow
		query := fmt.Sprintf(missPicksSQL, repeatRow("?", len(chunk)))
		if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), int64Args(chunk)...); err != nil {
			return nil, wrap(err, "list picks of misses")
		}
		for _, r := range rows {
			out[r.MissID] = append(out[r.MissID], bot.MissPick{FAQID: r.FAQID, Count: r.Count})
		}
	}
	return out, nil
}

// dismissMissSQL hides a miss.
const dismissMissSQL = `UPDATE faq_misses SET dismissed = TRUE WHERE id = ?`

// DismissMiss hides a miss from the list until it is asked again;
// bot.ErrNotFound when there is no such miss.
func (s *Store) DismissMiss(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, s.db.Rebind(dismissMissSQL), id)
	if err != nil {
		return wrap(err, "dismiss miss %d", id)
	}
	if err := mustAffect(res, bot.ErrNotFound); err != nil {
		return wrap(err, "dismiss miss %d", id)
	}
	return nil
}
