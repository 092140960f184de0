package store

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// insertEventLogSQL appends to the events' audit trail.
const insertEventLogSQL = `INSERT INTO event_log (event_id, booking_id, actor, action, detail, at)
VALUES (?, ?, ?, ?, ?, ?)`

// logEvent records that actor did action (with detail) to an event, or to
// one of its bookings when bookingID is not 0, at at. The actions:
// created, updated, state (detail: the new state), cancel (a booking
// cancelled) and attendance (detail: the booking's new state).
func (t *Tx) logEvent(ctx context.Context, eventID, bookingID int64, actor, action, detail string, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(insertEventLogSQL), eventID, nullID(bookingID), actor, action, detail,
		ts(at))
	return wrap(err, "event %d log %s", eventID, action)
}

// AddApplicationEvent records a line of an application's history (e.g. an
// interview booked) with its actor; a zero At is now.
func (t *Tx) AddApplicationEvent(ctx context.Context, ev bot.ApplicationEvent) error {
	if ev.At.IsZero() {
		ev.At = t.now()
	}
	return insertEvent(ctx, t.tx, ev)
}
