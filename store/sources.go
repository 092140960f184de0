package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// sourceRow is a row of sources.
type sourceRow struct {
	ID        int64     `db:"id"`
	Code      string    `db:"code"`
	Name      string    `db:"name"`
	Kind      string    `db:"kind"`
	Welcome   string    `db:"welcome"`
	Disabled  bool      `db:"disabled"`
	CreatedBy string    `db:"created_by"`
	CreatedAt timestamp `db:"created_at"`
	UpdatedAt timestamp `db:"updated_at"`
}

// sourceColumns are the columns of sources, in sourceRow's order.
const sourceColumns = `id, code, name, kind, welcome, disabled, created_by, created_at, updated_at`

// fromSource converts a source for storage.
func fromSource(s bot.Source) sourceRow {
	return sourceRow{ID: s.ID, Code: s.Code, Name: s.Name, Kind: string(s.Kind), Welcome: s.Welcome,
		Disabled: s.Disabled, CreatedBy: s.CreatedBy, CreatedAt: ts(s.CreatedAt), UpdatedAt: ts(s.UpdatedAt)}
}

// toSource converts a stored source.
func toSource(r sourceRow) bot.Source {
	return bot.Source{ID: r.ID, Code: r.Code, Name: r.Name, Kind: bot.SourceKind(r.Kind), Welcome: r.Welcome,
		Disabled: r.Disabled, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time}
}

// Queries of one source.
const (
	sourceByIDSQL   = `SELECT ` + sourceColumns + ` FROM sources WHERE id = ?`
	sourceByCodeSQL = `SELECT ` + sourceColumns + ` FROM sources WHERE code = ?`
	codeTakenSQL    = `SELECT COUNT(*) FROM sources WHERE code = ?`
)

// SourceByCode returns the source whose code is code (as stored: upper
// case, no #), disabled or not, or bot.ErrNotFound.
func (t *Tx) SourceByCode(ctx context.Context, code string) (bot.Source, error) {
	var r sourceRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(sourceByCodeSQL), code); err != nil {
		return bot.Source{}, wrap(err, "source code %q", code)
	}
	return toSource(r), nil
}

// Source returns one source, or bot.ErrNotFound.
func (t *Tx) Source(ctx context.Context, id int64) (bot.Source, error) {
	var r sourceRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(sourceByIDSQL), id); err != nil {
		return bot.Source{}, wrap(err, "source %d", id)
	}
	return toSource(r), nil
}

// createSourceSQL creates a source.
const createSourceSQL = `
INSERT INTO sources (code, name, kind, welcome, disabled, created_by, created_at, updated_at)
VALUES (:code, :name, :kind, :welcome, :disabled, :created_by, :created_at, :updated_at)
RETURNING id`

// updateSourceSQL changes what staff edit of a source; its code, state and
// creation stay.
const updateSourceSQL = `UPDATE sources SET name = :name, kind = :kind, welcome = :welcome,
	updated_at = :updated_at WHERE id = :id`

// codeLetters are the letters a generated code starts with: capitals that
// no one reads as a digit (no I, O).
const codeLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ"

// SaveSource creates the source (ID 0: sets ID, CreatedBy, CreatedAt,
// UpdatedAt; an empty Code becomes a new unique code, one capital letter
// and four digits) or updates its name, kind and welcome message
// (bot.ErrNotFound when there is no such source; s is then filled from the
// stored source), on behalf of actor, recording the change in the
// sources' audit trail. A code already in use is bot.ErrConflict; it is
// looked up first, so the transaction stays usable. The Engine holds the
// sources' lock around it (bot.SourceLock), so two generated codes never
// collide.
func (t *Tx) SaveSource(ctx context.Context, s *bot.Source, actor string) error {
	at := t.now()
	r := fromSource(*s)
	r.UpdatedAt = ts(at)
	if s.ID != 0 {
		res, err := sqlx.NamedExecContext(ctx, t.tx, updateSourceSQL, r)
		if err != nil {
			return wrap(err, "update source %d", s.ID)
		}
		if n, err := res.RowsAffected(); err != nil {
			return wrap(err, "update source %d", s.ID)
		} else if n == 0 {
			return fmt.Errorf("store: source %d: %w", s.ID, bot.ErrNotFound)
		}
		stored, err := t.Source(ctx, s.ID)
		if err != nil {
			return err
		}
		*s = stored
		return t.logSource(ctx, s.ID, actor, "updated", s.Name, at)
	}
	if r.Code == "" {
		code, err := t.newSourceCode(ctx)
		if err != nil {
			return err
		}
		r.Code = code
	} else if taken, err := t.codeTaken(ctx, r.Code); err != nil {
		return err
	} else if taken {
		return fmt.Errorf("store: source code %s is in use: %w", r.Code, bot.ErrConflict)
	}
	r.CreatedBy, r.CreatedAt = actor, ts(at)
	if err := namedGet(ctx, t.tx, &r.ID, createSourceSQL, r); err != nil {
		return wrap(err, "create source")
	}
	s.ID, s.Code, s.CreatedBy, s.CreatedAt, s.UpdatedAt = r.ID, r.Code, actor, at, at
	return t.logSource(ctx, s.ID, actor, "created", s.Code+" "+s.Name, at)
}

// codeTaken reports whether a source has code.
func (t *Tx) codeTaken(ctx context.Context, code string) (bool, error) {
	var n int
	if err := t.tx.GetContext(ctx, &n, t.tx.Rebind(codeTakenSQL), code); err != nil {
		return false, wrap(err, "source code %q", code)
	}
	return n > 0, nil
}

// newSourceCode draws codes until one is free: 24 letters × 10000 numbers
// leave room for far more sources than a recruiting team makes.
func (t *Tx) newSourceCode(ctx context.Context) (string, error) {
	for range 100 {
		code := fmt.Sprintf("%c%04d", codeLetters[rand.IntN(len(codeLetters))], rand.IntN(10000))
		taken, err := t.codeTaken(ctx, code)
		if err != nil {
			return "", err
		}
		if !taken {
			return code, nil
		}
	}
	return "", errors.New("store: no free source code found")
}

// setSourceDisabledSQL disables or enables a source that is not so.
const setSourceDisabledSQL = `UPDATE sources SET disabled = ?, updated_at = ? WHERE id = ? AND disabled <> ?`

// SetSourceDisabled disables or enables a source's code on behalf of
// actor, recording it in the sources' audit trail; it reports false when
// it was so already (bot.ErrNotFound when there is no such source).
func (t *Tx) SetSourceDisabled(ctx context.Context, id int64, disabled bool, actor string) (bool, error) {
	at := t.now()
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(setSourceDisabledSQL), disabled, ts(at), id, disabled)
	if err != nil {
		return false, wrap(err, "source %d disabled %t", id, disabled)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap(err, "source %d disabled %t", id, disabled)
	}
	if n == 0 {
		_, err := t.Source(ctx, id)
		return false, err
	}
	action := "enabled"
	if disabled {
		action = "disabled"
	}
	return true, t.logSource(ctx, id, actor, action, "", at)
}

// insertSourceLogSQL appends to the sources' audit trail.
const insertSourceLogSQL = `INSERT INTO source_log (source_id, actor, action, detail, at) VALUES (?, ?, ?, ?, ?)`

// logSource records that actor did action (with detail) to a source at
// at. The actions: created (detail: code and name), updated (detail: the
// name), disabled, enabled.
func (t *Tx) logSource(ctx context.Context, id int64, actor, action, detail string, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(insertSourceLogSQL), id, actor, action, detail, ts(at))
	return wrap(err, "source %d log %s", id, action)
}
