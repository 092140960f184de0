package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// staffRow is a row of staff.
type staffRow struct {
	ID           int64          `db:"id"`
	Email        string         `db:"email"`
	Name         string         `db:"name"`
	Role         string         `db:"role"`
	PasswordHash string         `db:"password_hash"`
	SlackUserID  sql.NullString `db:"slack_user_id"`
	NotifyEmail  bool           `db:"notify_email"`
	Disabled     bool           `db:"disabled"`
	CreatedAt    timestamp      `db:"created_at"`
	UpdatedAt    timestamp      `db:"updated_at"`
}

func (r staffRow) staff() bot.Staff {
	return bot.Staff{ID: r.ID, Email: r.Email, Name: r.Name, Role: bot.StaffRole(r.Role), SlackUserID: r.SlackUserID.String,
		NotifyEmail: r.NotifyEmail, Disabled: r.Disabled, CreatedAt: r.CreatedAt.Time}
}

// nullString is s, or NULL when empty.
func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

const staffColumns = `id, email, name, role, password_hash, slack_user_id, notify_email, disabled, created_at, updated_at`

// insertStaffSQL stores a new account.
const insertStaffSQL = `INSERT INTO staff (email, name, role, password_hash, slack_user_id, notify_email, disabled, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`

// CreateStaff stores a new account with its password hash and sets s.ID,
// recording actor in the accounts' audit trail; the e-mail is kept in
// lower case. bot.ErrConflict when the e-mail (or the Slack user id)
// belongs to another account.
func (s *Store) CreateStaff(ctx context.Context, st *bot.Staff, passwordHash, actor string) error {
	st.Email = strings.ToLower(strings.TrimSpace(st.Email))
	now := ts(s.now())
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &st.ID, tx.Rebind(insertStaffSQL), st.Email, st.Name, string(st.Role), passwordHash,
			nullString(st.SlackUserID), st.NotifyEmail, st.Disabled, now, now)
		if err != nil {
			return wrap(err, "create staff")
		}
		st.CreatedAt = now.Time
		return recordStaffEvent(ctx, tx, now, st.ID, actor, "created", string(st.Role))
	})
}

// insertStaffEventSQL records a change of an account.
const insertStaffEventSQL = `INSERT INTO staff_events (staff_id, actor, action, detail, at) VALUES (?, ?, ?, ?, ?)`

// recordStaffEvent records that actor did action to the account id.
func recordStaffEvent(ctx context.Context, tx *sqlx.Tx, at timestamp, id int64, actor, action, detail string) error {
	_, err := tx.ExecContext(ctx, tx.Rebind(insertStaffEventSQL), id, actor, action, detail, at)
	return wrap(err, "record staff event")
}

// staffByEmailSQL selects an account by its login.
const staffByEmailSQL = `SELECT ` + staffColumns + ` FROM staff WHERE email = ?`

// StaffByEmail returns the account whose login is email (any case) and its
// password hash; bot.ErrNotFound when there is none.
func (s *Store) StaffByEmail(ctx context.Context, email string) (bot.Staff, string, error) {
	var r staffRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(staffByEmailSQL), strings.ToLower(strings.TrimSpace(email))); err != nil {
		return bot.Staff{}, "", wrap(err, "staff by email")
	}
	return r.staff(), r.PasswordHash, nil
}

// staffByIDSQL selects an account by id.
const staffByIDSQL = `SELECT ` + staffColumns + ` FROM staff WHERE id = ?`

// StaffByID returns an account and its password hash; bot.ErrNotFound when
// there is none.
func (s *Store) StaffByID(ctx context.Context, id int64) (bot.Staff, string, error) {
	var r staffRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(staffByIDSQL), id); err != nil {
		return bot.Staff{}, "", wrap(err, "staff by id")
	}
	return r.staff(), r.PasswordHash, nil
}

// listStaffSQL selects every account, enabled ones first, by name.
const listStaffSQL = `SELECT ` + staffColumns + ` FROM staff ORDER BY disabled, name, id`

// ListStaff returns every account, enabled ones first.
func (s *Store) ListStaff(ctx context.Context) ([]bot.Staff, error) {
	var rows []staffRow
	if err := s.db.SelectContext(ctx, &rows, listStaffSQL); err != nil {
		return nil, wrap(err, "list staff")
	}
	out := make([]bot.Staff, len(rows))
	for i, r := range rows {
		out[i] = r.staff()
	}
	return out, nil
}

// updateStaffSQL changes what an account is, not its password.
const updateStaffSQL = `UPDATE staff SET name = ?, role = ?, slack_user_id = ?, notify_email = ?, disabled = ?, updated_at = ?
WHERE id = ?`

// endStaffSessionsSQL ends an account's sessions, but one (its hash; ”
// ends all).
const endStaffSessionsSQL = `DELETE FROM admin_sessions WHERE staff_id = ? AND token_hash <> ?`

// staffDisabledSQL reads whether an account is disabled, locking it.
const staffDisabledSQL = `SELECT disabled FROM staff WHERE id = ?`

// UpdateStaff saves an account's name, role, Slack user id, notification
// choice and whether it is disabled, recording actor in the accounts'
// audit trail; disabling ends its sessions on every replica at once.
// bot.ErrNotFound when there is no such account, bot.ErrConflict when the
// Slack user id is another account's.
func (s *Store) UpdateStaff(ctx context.Context, st bot.Staff, actor string) error {
	now := ts(s.now())
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		var was bool
		if err := tx.GetContext(ctx, &was, tx.Rebind(staffDisabledSQL), st.ID); err != nil {
			return wrap(err, "staff")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(updateStaffSQL), st.Name, string(st.Role), nullString(st.SlackUserID),
			st.NotifyEmail, st.Disabled, now, st.ID); err != nil {
			return wrap(err, "update staff")
		}
		action := "changed"
		switch {
		case st.Disabled && !was:
			action = "disabled"
		case !st.Disabled && was:
			action = "enabled"
		}
		if err := recordStaffEvent(ctx, tx, now, st.ID, actor, action, string(st.Role)); err != nil || !st.Disabled {
			return err
		}
		_, err := tx.ExecContext(ctx, tx.Rebind(endStaffSessionsSQL), st.ID, "")
		return wrap(err, "end staff sessions")
	})
}

// setStaffPasswordSQL changes an account's password hash.
const setStaffPasswordSQL = `UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?`

// SetStaffPassword changes an account's password hash, recording actor in
// the accounts' audit trail, and ends its sessions on every replica,
// except keepSession (the hash of the session that changed its own
// password; "" ends them all). bot.ErrNotFound when there is no such
// account.
func (s *Store) SetStaffPassword(ctx context.Context, id int64, passwordHash, keepSession, actor string) error {
	now := ts(s.now())
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, tx.Rebind(setStaffPasswordSQL), passwordHash, now, id)
		if err != nil {
			return wrap(err, "set staff password")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return bot.ErrNotFound
		}
		if err := recordStaffEvent(ctx, tx, now, id, actor, "password", ""); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(endStaffSessionsSQL), id, keepSession)
		return wrap(err, "end staff sessions")
	})
}
