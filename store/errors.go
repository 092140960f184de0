package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"
	"github.com/sakemodel/sakebot/bot"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// activeIndex is the partial unique index allowing one active application
// per candidate (see the migrations); SQLite names its column instead.
const (
	activeIndex       = "applications_one_active"
	activeIndexSQLite = "applications.candidate_id"
)

// mapErr translates the errors of both drivers into the domain's: no rows
// becomes bot.ErrNotFound; a second active application becomes
// bot.ErrActiveApplication; any other uniqueness violation becomes
// bot.ErrConflict (still wrapping the driver error); a PostgreSQL data
// exception loses its message (see redact). Anything else is returned
// unchanged.
func mapErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sql.ErrNoRows):
		return bot.ErrNotFound
	}
	unique, detail := uniqueViolation(err)
	switch {
	case !unique:
		return redact(err)
	case detail == activeIndex || strings.Contains(detail, activeIndexSQLite):
		return bot.ErrActiveApplication
	default:
		return fmt.Errorf("%w: %w", bot.ErrConflict, err)
	}
}

// redact replaces a PostgreSQL data exception (SQLSTATE class 22) by its
// code and name: its message may quote the value it rejected, a
// student's text among the fast lane's arrays, and store errors are
// logged, which personal data never is.
func redact(err error) error {
	var pqErr *pq.Error
	if !errors.As(err, &pqErr) || pqErr.Code.Class() != "22" {
		return err
	}
	return fmt.Errorf("pq: %s (%s; message withheld, it may quote the data)", pqErr.Code.Name(), pqErr.Code)
}

// uniqueViolation reports whether err is a uniqueness violation and what
// was violated: the constraint's name on PostgreSQL, the message naming the
// columns on SQLite.
func uniqueViolation(err error) (bool, string) {
	if pqErr := pq.As(err, pqerror.UniqueViolation); pqErr != nil {
		return true, pqErr.Constraint
	}
	var sqliteErr *sqlite.Error
	if errors.As(err, &sqliteErr) {
		switch sqliteErr.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return true, sqliteErr.Error()
		}
	}
	return false, ""
}

// wrap prefixes err with what failed, after mapping it; the domain error
// stays visible to errors.Is.
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: %s: %w", fmt.Sprintf(format, args...), mapErr(err))
}
