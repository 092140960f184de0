package store

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// eventRow is a row of application_events.
type eventRow struct {
	ID            int64     `db:"id"`
	ApplicationID int64     `db:"application_id"`
	Actor         string    `db:"actor"`
	Action        string    `db:"action"`
	From          string    `db:"from_value"`
	To            string    `db:"to_value"`
	At            timestamp `db:"at"`
}

// fromEvent converts an event for storage.
func fromEvent(e bot.ApplicationEvent) eventRow {
	return eventRow{ID: e.ID, ApplicationID: e.ApplicationID, Actor: e.Actor, Action: e.Action,
		From: e.From, To: e.To, At: ts(e.At)}
}

// toEvent converts a stored event.
func toEvent(r eventRow) bot.ApplicationEvent {
	return bot.ApplicationEvent{ID: r.ID, ApplicationID: r.ApplicationID, Actor: r.Actor,
		Action: r.Action, From: r.From, To: r.To, At: r.At.Time}
}

// insertEventSQL appends to an application's audit trail.
const insertEventSQL = `
INSERT INTO application_events (application_id, actor, action, from_value, to_value, at)
VALUES (:application_id, :actor, :action, :from_value, :to_value, :at)`

// insertEvent appends e to its application's audit trail.
func insertEvent(ctx context.Context, q sqlx.ExtContext, e bot.ApplicationEvent) error {
	if _, err := sqlx.NamedExecContext(ctx, q, insertEventSQL, fromEvent(e)); err != nil {
		return wrap(err, "application %d event %s", e.ApplicationID, e.Action)
	}
	return nil
}

// applicationEventsSQL selects an application's audit trail.
const applicationEventsSQL = `SELECT id, application_id, actor, action, from_value, to_value, at
	FROM application_events WHERE application_id = ? ORDER BY at, id`

// ApplicationEvents returns the audit trail of an application, oldest
// first; bot.ErrNotFound when there is no such application.
func (s *Store) ApplicationEvents(ctx context.Context, id int64) ([]bot.ApplicationEvent, error) {
	var rows []eventRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(applicationEventsSQL), id); err != nil {
		return nil, wrap(err, "application %d events", id)
	}
	if len(rows) == 0 {
		if _, err := s.Application(ctx, id); err != nil {
			return nil, err
		}
	}
	events := make([]bot.ApplicationEvent, 0, len(rows))
	for _, r := range rows {
		events = append(events, toEvent(r))
	}
	return events, nil
}
