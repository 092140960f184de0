package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// Statements of ReserveAdminLogin.
const (
	// ensureLoginFailuresSQL makes sure the client has a row to lock; a row
	// it creates is counted (or left at 0) in the same transaction.
	ensureLoginFailuresSQL = `INSERT INTO admin_login_failures (client, failures, first_at, last_at)
VALUES (?, 0, ?, ?) ON CONFLICT (client) DO NOTHING`
	// lockLoginFailuresSQL reads the client's row (PostgreSQL adds FOR UPDATE).
	lockLoginFailuresSQL = `SELECT failures, first_at, last_at FROM admin_login_failures WHERE client = ?`
	// countLoginAttemptSQL stores the client's new count.
	countLoginAttemptSQL = `UPDATE admin_login_failures SET failures = ?, first_at = ?, last_at = ? WHERE client = ?`
)

// ReserveAdminLogin decides, for a login attempt of client (an opaque key,
// such as a hash of its address) at at, whether the attempt may be checked,
// and counts it as a failure before it is: the caller clears the count
// (ClearAdminLoginFailures) when the password was right.
//
// wait(n) is how long after its last failure a client with n failures in a
// row (n >= 1) must wait; failures whose last is before resetBefore are
// forgotten, and a client without failures is always let through.
// When the client must still wait, nothing is counted and retryAfter is
// what is left of the wait; otherwise failures is its count including this
// attempt.
//
// The check and the count are one transaction on a locked row (the
// write lock on SQLite, FOR UPDATE on PostgreSQL), so any number of
// parallel attempts from one client, on any number of replicas, are let
// through one by one, exactly as if they had come in a row.
func (s *Store) ReserveAdminLogin(ctx context.Context, client string, at, resetBefore time.Time,
	wait func(failures int) time.Duration) (failures int, retryAfter time.Duration, err error) {
	err = s.withTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, tx.Rebind(ensureLoginFailuresSQL), client, ts(at), ts(at)); err != nil {
			return wrap(err, "reserve admin login")
		}
		query := lockLoginFailuresSQL
		if tx.DriverName() == "postgres" {
			query += " FOR UPDATE"
		}
		var r struct {
			Failures int       `db:"failures"`
			FirstAt  timestamp `db:"first_at"`
			LastAt   timestamp `db:"last_at"`
		}
		if err := tx.GetContext(ctx, &r, tx.Rebind(query), client); err != nil {
			return wrap(err, "reserve admin login")
		}
		if r.Failures == 0 || r.LastAt.Before(resetBefore) {
			r.Failures, r.FirstAt = 0, ts(at)
		}
		if left := r.LastAt.Add(wait(r.Failures)).Sub(at); r.Failures > 0 && left > 0 {
			retryAfter = left
			return nil
		}
		failures = r.Failures + 1
		_, err := tx.ExecContext(ctx, tx.Rebind(countLoginAttemptSQL), failures, r.FirstAt, ts(at), client)
		return wrap(err, "reserve admin login")
	})
	if err != nil {
		return 0, 0, err
	}
	return failures, retryAfter, nil
}
