package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// purgeSQL deletes, oldest data first, what the retention period no longer
// allows keeping. Application events go with their applications; the
// bookings of events that ended before the cutoff go (with their audit
// lines), and a candidate holding a booking of a later event stays.
var purgeSQL = []string{
	`DELETE FROM applications WHERE created_at < ?`,
	`DELETE FROM conversations WHERE updated_at < ?`,
	`DELETE FROM handoff_messages WHERE handoff_id IN (SELECT id FROM handoffs WHERE created_at < ?)`,
	`DELETE FROM handoffs WHERE created_at < ?`,
	`DELETE FROM webchat_messages WHERE created_at < ?`,
	`DELETE FROM bookings WHERE event_id IN (SELECT id FROM events WHERE ends_at < ?)`,
	`DELETE FROM candidates WHERE updated_at < ? AND id NOT IN (SELECT candidate_id FROM applications)
		AND id NOT IN (SELECT candidate_id FROM bookings WHERE candidate_id IS NOT NULL)`,
	`DELETE FROM faq_misses WHERE last_at < ?`,
	`DELETE FROM inbox WHERE status <> 'pending' AND received_at < ?`,
	`DELETE FROM outbox WHERE status <> 'pending' AND created_at < ?`,
}

// Purge deletes personal data older than cutoff: applications (with their
// audit trails), conversations, handoffs (with their conversations), web
// chat lines, bookings of events ended before cutoff (an ended event's
// Booked stays as its head count), candidates with nothing left,
// unanswered questions (students sometimes type personal details), and processed queue rows. The deletion
// is logged with its row count only.
func (s *Store) Purge(ctx context.Context, cutoff time.Time) (int, error) {
	var total int64
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		for _, query := range purgeSQL {
			res, err := tx.ExecContext(ctx, tx.Rebind(query), ts(cutoff))
			if err != nil {
				return wrap(err, "purge")
			}
			n, _ := res.RowsAffected()
			total += n
		}
		return logDeletion(ctx, tx, s.now(), "purge", "retention", "", total)
	})
	return int(total), err
}

// logDeletionSQL records a deletion without the data deleted.
const logDeletionSQL = `INSERT INTO deletion_log (at, action, actor, subject, row_count) VALUES (?, ?, ?, ?, ?)`

// logDeletion records that actor deleted rows rows of subject at at.
func logDeletion(ctx context.Context, tx *sqlx.Tx, at time.Time, action, actor, subject string, rows int64) error {
	_, err := tx.ExecContext(ctx, tx.Rebind(logDeletionSQL), ts(at), action, actor, subject, rows)
	return wrap(err, "log deletion")
}

// subject is how the deletion log refers to a user: a truncated SHA-256 of
// the key, enough to confirm a deletion for a known user id, not to name
// anyone.
func subject(key bot.UserKey) string {
	sum := sha256.Sum256([]byte(string(key.Channel) + ":" + key.UserID))
	return hex.EncodeToString(sum[:8])
}

// Deletion is one entry of the deletion log.
type Deletion struct {
	At       timestamp `db:"at"`
	Action   string    `db:"action"`
	Actor    string    `db:"actor"`
	Subject  string    `db:"subject"`
	RowCount int       `db:"row_count"`
}

// Deletions returns the deletion log, newest first.
func (s *Store) Deletions(ctx context.Context, limit int) ([]Deletion, error) {
	var out []Deletion
	err := s.db.SelectContext(ctx, &out, s.db.Rebind(`SELECT at, action, actor, subject, row_count FROM deletion_log ORDER BY id DESC LIMIT ?`), limit)
	return out, wrap(err, "deletions")
}
