package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// cancelBookingSQL cancels a booked booking, returning its event.
const cancelBookingSQL = `UPDATE bookings SET state = 'cancelled', updated_at = ?
WHERE id = ? AND state = 'booked' RETURNING event_id`

// freeSeatSQL gives a seat back.
const freeSeatSQL = `UPDATE events SET booked = booked - 1 WHERE id = ? AND booked > 0`

// takeSeatSQL takes a seat back for a booking staff mark again (no-show
// to attended or booked), whatever the event's state and time.
const takeSeatSQL = `UPDATE events SET booked = booked + 1 WHERE id = ? AND booked < capacity`

// CancelBooking cancels an active (booked) booking on behalf of actor,
// freeing its seat at once, and records it in the event's audit trail; it
// reports false when the booking was not booked (bot.ErrNotFound when
// there is no such booking).
func (t *Tx) CancelBooking(ctx context.Context, id int64, actor string, at time.Time) (bool, error) {
	var eventIDs []int64
	if err := t.tx.SelectContext(ctx, &eventIDs, t.tx.Rebind(cancelBookingSQL), ts(at), id); err != nil {
		return false, wrap(err, "cancel booking %d", id)
	}
	if len(eventIDs) == 0 {
		_, err := t.Booking(ctx, id)
		return false, err
	}
	if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(freeSeatSQL), eventIDs[0]); err != nil {
		return false, wrap(err, "cancel booking %d", id)
	}
	return true, t.logEvent(ctx, eventIDs[0], id, actor, "cancel", fmt.Sprintf("booking %d", id), at)
}

// confirmBookingSQL records the first 「参加します」.
const confirmBookingSQL = `UPDATE bookings SET confirmed_at = COALESCE(confirmed_at, ?), updated_at = ? WHERE id = ?`

// ConfirmBooking records that the student said they will come (the first
// time counts); bot.ErrNotFound when there is no such booking.
func (t *Tx) ConfirmBooking(ctx context.Context, id int64, at time.Time) error {
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(confirmBookingSQL), ts(at), ts(at), id)
	if err != nil {
		return wrap(err, "confirm booking %d", id)
	}
	if n, err := res.RowsAffected(); err != nil {
		return wrap(err, "confirm booking %d", id)
	} else if n == 0 {
		return fmt.Errorf("store: booking %d: %w", id, bot.ErrNotFound)
	}
	return nil
}

// markBookingSQL moves a booking from the state it was read in to
// another.
const markBookingSQL = `UPDATE bookings SET state = ?, updated_at = ? WHERE id = ? AND state = ?`

// ErrBookingCancelled is SetAttendance's answer for a cancelled booking,
// which cannot be marked.
var ErrBookingCancelled = errors.New("booking is cancelled")

// SetAttendance marks a booking attended or no-show (or back to booked) on
// behalf of actor, recording it in the event's audit trail. A no-show
// frees the seat; marking a no-show attended or booked takes it again
// (bot.ErrFull when it went meanwhile). A cancelled booking cannot be
// marked (ErrBookingCancelled, which wraps bot.ErrConflict); a change
// made meanwhile by someone else is bot.ErrConflict.
func (t *Tx) SetAttendance(ctx context.Context, id int64, state bot.BookingState, actor string) error {
	if state != bot.BookingBooked && state != bot.BookingAttended && state != bot.BookingNoShow {
		return fmt.Errorf("store: booking %d: cannot mark %q", id, state)
	}
	b, err := t.Booking(ctx, id)
	switch {
	case err != nil:
		return err
	case b.State == state:
		return nil
	case b.State == bot.BookingCancelled:
		return fmt.Errorf("store: booking %d: %w (%w)", id, ErrBookingCancelled, bot.ErrConflict)
	}
	at := t.now()
	if seat := t.seatChange(b.State, state); seat != "" {
		res, err := t.tx.ExecContext(ctx, t.tx.Rebind(seat), b.EventID)
		if err != nil {
			return wrap(err, "mark booking %d", id)
		}
		if n, err := res.RowsAffected(); err != nil {
			return wrap(err, "mark booking %d", id)
		} else if n == 0 {
			return fmt.Errorf("store: booking %d: event %d: %w", id, b.EventID, bot.ErrFull)
		}
	}
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(markBookingSQL), string(state), ts(at), id, string(b.State))
	if err != nil {
		return wrap(err, "mark booking %d", id)
	}
	if n, err := res.RowsAffected(); err != nil {
		return wrap(err, "mark booking %d", id)
	} else if n == 0 {
		return fmt.Errorf("store: booking %d changed meanwhile: %w", id, bot.ErrConflict)
	}
	return t.logEvent(ctx, b.EventID, id, actor, "attendance", fmt.Sprintf("booking %d: %s", id, state), at)
}

// seatChange is the statement that keeps the seats booked in step when a
// booking moves from one state to another: take a seat, free one, or
// nothing ("").
func (t *Tx) seatChange(from, to bot.BookingState) string {
	switch {
	case !from.Active() && to.Active():
		return takeSeatSQL
	case from.Active() && !to.Active():
		return freeSeatSQL
	}
	return ""
}
