package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// setStatusSQL moves an application to another status.
const setStatusSQL = `UPDATE applications SET status = ?, active = ?, updated_at = ? WHERE id = ?`

// SetApplicationStatus moves an application to status to and records the
// change and its actor in the audit trail, in one transaction. Setting the
// current status again changes nothing. bot.ErrNotFound when there is no
// such application; bot.ErrActiveApplication when it would become active
// while the candidate has another active application.
func (s *Store) SetApplicationStatus(ctx context.Context, id int64, to bot.Status, actor string) (bot.Application, error) {
	if !to.Valid() {
		return bot.Application{}, fmt.Errorf("store: application %d: unknown status %q", id, to)
	}
	var app bot.Application
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		var r applicationRow
		if err := tx.GetContext(ctx, &r, tx.Rebind(applicationSQL+s.forUpdate()), id); err != nil {
			return wrap(err, "application %d", id)
		}
		app = toApplication(r)
		if app.Status == to {
			return nil
		}
		from, at := app.Status, now()
		if _, err := tx.ExecContext(ctx, tx.Rebind(setStatusSQL), string(to), to.Active(), ts(at), id); err != nil {
			return wrap(err, "application %d status", id)
		}
		app.Status, app.UpdatedAt = to, at
		return insertEvent(ctx, tx, bot.ApplicationEvent{ApplicationID: id, Actor: actor,
			Action: "status", From: string(from), To: string(to), At: at})
	})
	if err != nil {
		return bot.Application{}, err
	}
	return app, nil
}

// forUpdate is the clause that locks the rows a SELECT reads until the
// transaction ends: FOR UPDATE on PostgreSQL; nothing on SQLite, whose
// transactions hold the database's write lock from the start.
func (s *Store) forUpdate() string {
	if s.dialect == DialectPostgres {
		return " FOR UPDATE"
	}
	return ""
}
