package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// The kinds of outreach_log rows: what was changed.
const (
	outreachSegment   = "segment"
	outreachBroadcast = "broadcast"
	outreachRule      = "rule"
)

// insertOutreachLogSQL appends to the outreach audit trail.
const insertOutreachLogSQL = `INSERT INTO outreach_log (kind, ref_id, actor, action, detail, at) VALUES (?, ?, ?, ?, ?, ?)`

// logOutreach records that actor did action (with detail, a short summary
// without personal data) to the segment, broadcast or rule id of kind at
// at.
func (t *Tx) logOutreach(ctx context.Context, kind string, id int64, actor, action, detail string, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(insertOutreachLogSQL), kind, id, actor, action, detail, ts(at))
	return wrap(err, "%s %d log %s", kind, id, action)
}

// versionOfSQL reads the version of a row of an outreach table (%s).
const versionOfSQL = `SELECT version FROM %s WHERE id = ?`

// updateVersioned runs query, an UPDATE of the row id of table (a
// constant) at version (WHERE id = :id AND version = :version) with the
// named arguments of arg. When it changes no row it tells why:
// bot.ErrNotFound when there is no such row, bot.ErrConflict when the row
// is at another version (someone saved it since it was read).
func (t *Tx) updateVersioned(ctx context.Context, table string, id int64, version int, query string, arg any) error {
	res, err := sqlx.NamedExecContext(ctx, t.tx, query, arg)
	if err != nil {
		return wrap(err, "update %s %d", table, id)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return wrap(err, "update %s %d", table, id)
	}
	if n > 0 {
		return nil
	}
	var stored int
	if err := t.tx.GetContext(ctx, &stored, t.tx.Rebind(fmt.Sprintf(versionOfSQL, table)), id); err != nil {
		return wrap(err, "%s %d", table, id)
	}
	return fmt.Errorf("store: %s %d is at version %d, not %d: %w", table, id, stored, version, bot.ErrConflict)
}
