package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// The staff web page keeps its login sessions here, so that every replica
// accepts a session and logging out ends it everywhere, and counts failed
// logins per client, so that password guessing slows down on every replica
// alike. The store only keeps what it is given: the page decides what a
// token is, how long a session lasts and how long a client waits.

// adminSessionRow is a row of admin_sessions.
type adminSessionRow struct {
	TokenHash string        `db:"token_hash"`
	CSRFToken string        `db:"csrf_token"`
	StaffID   sql.NullInt64 `db:"staff_id"`
	CreatedAt timestamp     `db:"created_at"`
	ExpiresAt timestamp     `db:"expires_at"`
}

// insertAdminSessionSQL stores a new session.
const insertAdminSessionSQL = `INSERT INTO admin_sessions (token_hash, csrf_token, staff_id, created_at, expires_at)
VALUES (:token_hash, :csrf_token, :staff_id, :created_at, :expires_at)`

// CreateAdminSession stores a session of the staff page under the hash of
// its token (the token itself is never stored), with the CSRF token its
// forms must carry, the staff account signed in (0: the break-glass
// password) and when it expires. bot.ErrConflict when the hash is taken.
func (s *Store) CreateAdminSession(ctx context.Context, tokenHash, csrfToken string, staffID int64, expiresAt time.Time) error {
	r := adminSessionRow{TokenHash: tokenHash, CSRFToken: csrfToken, StaffID: sql.NullInt64{Int64: staffID, Valid: staffID > 0},
		CreatedAt: ts(s.now()), ExpiresAt: ts(expiresAt)}
	if _, err := s.db.NamedExecContext(ctx, insertAdminSessionSQL, r); err != nil {
		return wrap(err, "create admin session")
	}
	return nil
}

// adminSessionSQL selects a session by the hash of its token.
const adminSessionSQL = `SELECT token_hash, csrf_token, staff_id, created_at, expires_at FROM admin_sessions
	WHERE token_hash = ?`

// AdminSession returns the CSRF token of the session whose token hashes to
// tokenHash, its staff account (0: the break-glass password) and when it
// expires; bot.ErrNotFound when there is none (never created, logged out,
// ended by a password change or pruned). Expiry is the caller's to check.
func (s *Store) AdminSession(ctx context.Context, tokenHash string) (csrfToken string, staffID int64, expiresAt time.Time, err error) {
	var r adminSessionRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(adminSessionSQL), tokenHash); err != nil {
		return "", 0, time.Time{}, wrap(err, "admin session")
	}
	return r.CSRFToken, r.StaffID.Int64, r.ExpiresAt.Time, nil
}

// deleteAdminSessionSQL ends a session.
const deleteAdminSessionSQL = `DELETE FROM admin_sessions WHERE token_hash = ?`

// DeleteAdminSession ends a session (logout); deleting a session that does
// not exist is no error.
func (s *Store) DeleteAdminSession(ctx context.Context, tokenHash string) error {
	if _, err := s.db.ExecContext(ctx, s.db.Rebind(deleteAdminSessionSQL), tokenHash); err != nil {
		return wrap(err, "delete admin session")
	}
	return nil
}

// Statements of PruneAdminSessions.
const (
	pruneAdminSessionsSQL      = `DELETE FROM admin_sessions WHERE expires_at <= ?`
	pruneAdminLoginFailuresSQL = `DELETE FROM admin_login_failures WHERE last_at < ?`
)

// PruneAdminSessions deletes the sessions expired at now and the failed
// login counts whose last failure is before failuresBefore.
func (s *Store) PruneAdminSessions(ctx context.Context, now, failuresBefore time.Time) error {
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, tx.Rebind(pruneAdminSessionsSQL), ts(now)); err != nil {
			return wrap(err, "prune admin sessions")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(pruneAdminLoginFailuresSQL), ts(failuresBefore)); err != nil {
			return wrap(err, "prune admin login failures")
		}
		return nil
	})
}

// recordLoginFailureSQL counts a failed login of a client; a count whose
// last failure is older than the reset time starts again at 1.
const recordLoginFailureSQL = `
INSERT INTO admin_login_failures (client, failures, first_at, last_at) VALUES (?, 1, ?, ?)
ON CONFLICT (client) DO UPDATE SET
	failures = CASE WHEN admin_login_failures.last_at < ? THEN 1
		ELSE admin_login_failures.failures + 1 END,
	first_at = CASE WHEN admin_login_failures.last_at < ? THEN excluded.first_at
		ELSE admin_login_failures.first_at END,
	last_at = excluded.last_at
RETURNING failures`

// RecordAdminLoginFailure counts a failed login of client (an opaque key,
// such as a hash of its address) at at, and returns how many failures in a
// row it has now. Failures before resetBefore are forgotten: a client whose
// last failure is older starts again at 1.
func (s *Store) RecordAdminLoginFailure(ctx context.Context, client string, at, resetBefore time.Time) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, s.db.Rebind(recordLoginFailureSQL),
		client, ts(at), ts(at), ts(resetBefore), ts(resetBefore))
	if err != nil {
		return 0, wrap(err, "record admin login failure")
	}
	return n, nil
}

// loginFailuresSQL reads the failure count of a client.
const loginFailuresSQL = `SELECT failures, last_at FROM admin_login_failures WHERE client = ?`

// AdminLoginFailures returns how many failed logins in a row client has
// and when the last one was; 0 and the zero time when none is counted.
func (s *Store) AdminLoginFailures(ctx context.Context, client string) (int, time.Time, error) {
	var r struct {
		Failures int       `db:"failures"`
		LastAt   timestamp `db:"last_at"`
	}
	err := s.db.GetContext(ctx, &r, s.db.Rebind(loginFailuresSQL), client)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, wrap(err, "admin login failures")
	}
	return r.Failures, r.LastAt.Time, nil
}

// clearLoginFailuresSQL forgets the failures of a client.
const clearLoginFailuresSQL = `DELETE FROM admin_login_failures WHERE client = ?`

// ClearAdminLoginFailures forgets the failed logins of client, after it
// logged in.
func (s *Store) ClearAdminLoginFailures(ctx context.Context, client string) error {
	if _, err := s.db.ExecContext(ctx, s.db.Rebind(clearLoginFailuresSQL), client); err != nil {
		return wrap(err, "clear admin login failures")
	}
	return nil
}
