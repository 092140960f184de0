package store

import (
	"context"
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

// recordMissSQL counts a miss; the first question asked stays as the
// example. A dismissed miss asked again comes back to the list.
const recordMissSQL = `
INSERT INTO faq_misses (normalized, question, count, first_at, last_at, dismissed)
VALUES (?, ?, 1, ?, ?, FALSE)
ON CONFLICT (normalized) DO UPDATE SET count = faq_misses.count + 1,
	last_at = excluded.last_at, dismissed = FALSE`

// recordMiss counts question under its normalized form (the trimmed
// question when normalized is empty) at at; an empty question is ignored.
func recordMiss(ctx context.Context, q sqlx.ExtContext, at time.Time, question, normalized string) error {
	question = strings.TrimSpace(question)
	if normalized == "" {
		normalized = question
	}
	if normalized == "" {
		return nil
	}
	if _, err := q.ExecContext(ctx, q.Rebind(recordMissSQL), normalized, question, ts(at), ts(at)); err != nil {
		return wrap(err, "record miss")
	}
	return nil
}

// RecordMiss counts a question the bot could not answer, in the turn's
// transaction; questions with the same normalized form count together.
func (t *Tx) RecordMiss(ctx context.Context, question, normalized string) error {
	return recordMiss(ctx, t.tx, t.now(), question, normalized)
}

// RecordMiss is Tx.RecordMiss outside a conversation (the CLI's ask).
func (s *Store) RecordMiss(ctx context.Context, question, normalized string) error {
	return recordMiss(ctx, s.db, s.now(), question, normalized)
}

// listMissesSQL selects the undismissed misses, most frequent first.
const listMissesSQL = `SELECT id, normalized, question, count, first_at, last_at, dismissed
	FROM faq_misses WHERE dismissed = FALSE ORDER BY count DESC, last_at DESC, id`

// ListMisses returns up to limit undismissed misses (all when limit <= 0),
// most frequent first, then most recent.
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
	for _, r := range rows {
		misses = append(misses, toMiss(r))
	}
	return misses, nil
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
