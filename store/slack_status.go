package store

import (
	"context"
	"fmt"

	"github.com/sakemodel/sakebot/bot"
)

// setStatusSQL moves an application to another status.
const setStatusSQL = `UPDATE applications SET status = ?, active = ?, updated_at = ? WHERE id = ?`

// ChangeApplicationStatus moves an application to status to on behalf of
// actor inside a conversation's transaction (so the notice update and the
// candidate's message queued with it commit together), recording the
// change in the audit trail; it reports whether the status changed.
// bot.ErrNotFound when there is no such application; bot.ErrActiveApplication
// when it would become active beside another active application.
func (t *Tx) ChangeApplicationStatus(ctx context.Context, id int64, to bot.Status, actor string) (bot.Application, bool, error) {
	if !to.Valid() {
		return bot.Application{}, false, fmt.Errorf("store: application %d: unknown status %q", id, to)
	}
	query := applicationSQL
	if t.tx.DriverName() == "postgres" {
		query += " FOR UPDATE"
	}
	var r applicationRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(query), id); err != nil {
		return bot.Application{}, false, wrap(err, "application %d", id)
	}
	app := toApplication(r)
	if app.Status == to {
		return app, false, nil
	}
	if !app.Status.Active() {
		if err := checkNoActive(ctx, t.tx, bot.Application{CandidateID: app.CandidateID, Status: to}); err != nil {
			return bot.Application{}, false, err
		}
	}
	from, at := app.Status, t.now()
	if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(setStatusSQL), string(to), to.Active(), ts(at), id); err != nil {
		return bot.Application{}, false, wrap(err, "application %d status", id)
	}
	app.Status, app.UpdatedAt = to, at
	err := insertEvent(ctx, t.tx, bot.ApplicationEvent{ApplicationID: id, Actor: actor,
		Action: "status", From: string(from), To: string(to), At: at})
	return app, err == nil, err
}
