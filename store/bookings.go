package store

import (
	"context"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// activeBookingSQL finds the student's active booking of an event.
var activeBookingSQL = bookingSelectSQL + `WHERE b.event_id = ? AND b.channel = ? AND b.user_id = ?
	AND b.state IN ('booked', 'attended')`

// bookSeatSQL takes a seat: one conditional UPDATE, so that concurrent
// bookings (other replicas, other users' transactions) queue on the
// event's row and the last seat goes once.
const bookSeatSQL = `UPDATE events SET booked = booked + 1
WHERE id = ? AND booked < capacity AND state = 'open' AND deadline > ? AND starts_at > ?`

// insertBookingSQL stores a booking whose seat is taken.
const insertBookingSQL = `INSERT INTO bookings (event_id, channel, user_id, candidate_id, application_id, name,
	state, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?)
RETURNING id`

// Book takes a seat at b.EventID for b.Key (with b.CandidateID,
// b.ApplicationID and b.Name as given) if the event is Bookable at now.
// When the student holds an active booking of the event already, it fills
// b with that one and reports existed, taking no seat. Otherwise one
// conditional UPDATE takes the seat, or tells bot.ErrNotFound,
// bot.ErrNotBookable or bot.ErrFull apart; the partial unique index on
// the active bookings is the backstop (bot.ErrConflict). It sets b.ID,
// b.State, b.CreatedAt, b.UpdatedAt and b.Event.
func (t *Tx) Book(ctx context.Context, b *bot.Booking, now time.Time) (existed bool, err error) {
	var held []bookingRow
	err = t.tx.SelectContext(ctx, &held, t.tx.Rebind(activeBookingSQL), b.EventID, string(b.Key.Channel), b.Key.UserID)
	if err != nil {
		return false, wrap(err, "event %d booking of %s", b.EventID, b.Key.Channel)
	}
	if len(held) > 0 {
		*b = toBooking(held[0])
		return true, nil
	}
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(bookSeatSQL), b.EventID, ts(now), ts(now))
	if err != nil {
		return false, wrap(err, "book event %d", b.EventID)
	}
	if n, err := res.RowsAffected(); err != nil {
		return false, wrap(err, "book event %d", b.EventID)
	} else if n == 0 {
		return false, t.whyNotBooked(ctx, b.EventID, now)
	}
	at := t.now()
	err = t.tx.GetContext(ctx, &b.ID, t.tx.Rebind(insertBookingSQL), b.EventID, string(b.Key.Channel), b.Key.UserID,
		nullID(b.CandidateID), nullID(b.ApplicationID), b.Name, ts(at), ts(at))
	if err != nil {
		return false, wrap(err, "book event %d", b.EventID)
	}
	b.State, b.Confirmed, b.CreatedAt, b.UpdatedAt = bot.BookingBooked, false, at, at
	b.Event, err = t.Event(ctx, b.EventID)
	return false, err
}

// whyNotBooked tells why no seat of an event could be taken at now.
func (t *Tx) whyNotBooked(ctx context.Context, id int64, now time.Time) error {
	e, err := t.Event(ctx, id)
	switch {
	case err != nil:
		return err
	case e.State != bot.EventOpen || !now.Before(e.Deadline) || !now.Before(e.StartsAt):
		return fmt.Errorf("store: event %d (%s): %w", id, e.State, bot.ErrNotBookable)
	default:
		return fmt.Errorf("store: event %d (%d seats): %w", id, e.Capacity, bot.ErrFull)
	}
}

// bookingByIDSQL reads one booking with its event.
var bookingByIDSQL = bookingSelectSQL + `WHERE b.id = ?`

// Booking returns one booking with its Event, or bot.ErrNotFound.
func (t *Tx) Booking(ctx context.Context, id int64) (bot.Booking, error) {
	var r bookingRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(bookingByIDSQL), id); err != nil {
		return bot.Booking{}, wrap(err, "booking %d", id)
	}
	return toBooking(r), nil
}

// upcomingBookingsSQL reads a student's active bookings of events not
// ended at a time, soonest first.
var upcomingBookingsSQL = bookingSelectSQL + `WHERE b.channel = ? AND b.user_id = ?
	AND b.state IN ('booked', 'attended') AND e.ends_at > ?
ORDER BY e.starts_at, b.id`

// UpcomingBookings returns the student's active bookings of events that
// have not ended at now, soonest first, with their Event.
func (t *Tx) UpcomingBookings(ctx context.Context, key bot.UserKey, now time.Time) ([]bot.Booking, error) {
	var rows []bookingRow
	err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(upcomingBookingsSQL), string(key.Channel), key.UserID, ts(now))
	if err != nil {
		return nil, wrap(err, "upcoming bookings of %s", key.Channel)
	}
	return toBookings(rows), nil
}

// eventBookingsSQL reads every booking of an event, oldest first.
var eventBookingsSQL = bookingSelectSQL + `WHERE b.event_id = ? ORDER BY b.created_at, b.id`

// EventBookings returns every booking of an event (any state), oldest
// first, with their Event.
func (t *Tx) EventBookings(ctx context.Context, eventID int64) ([]bot.Booking, error) {
	var rows []bookingRow
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(eventBookingsSQL), eventID); err != nil {
		return nil, wrap(err, "event %d bookings", eventID)
	}
	return toBookings(rows), nil
}
