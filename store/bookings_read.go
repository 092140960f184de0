package store

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// BookingByID returns one booking with its Event, or bot.ErrNotFound.
func (s *Store) BookingByID(ctx context.Context, id int64) (bot.Booking, error) {
	var r bookingRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(bookingByIDSQL), id); err != nil {
		return bot.Booking{}, wrap(err, "booking %d", id)
	}
	return toBooking(r), nil
}

// BookingsOf returns every booking of an event (any state), oldest first,
// with their Event; none for an unknown event.
func (s *Store) BookingsOf(ctx context.Context, eventID int64) ([]bot.Booking, error) {
	var rows []bookingRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(eventBookingsSQL), eventID); err != nil {
		return nil, wrap(err, "event %d bookings", eventID)
	}
	return toBookings(rows), nil
}

// upcomingAllSQL reads the active bookings of events starting at or after
// a time, soonest first.
var upcomingAllSQL = bookingSelectSQL + `WHERE b.state IN ('booked', 'attended') AND e.starts_at >= ?
ORDER BY e.starts_at, b.id LIMIT ?`

// UpcomingBookingsAll returns up to limit active bookings (of every
// student) of events starting at or after from, soonest first, with their
// Event: the staff calendar feed.
func (s *Store) UpcomingBookingsAll(ctx context.Context, from time.Time, limit int) ([]bot.Booking, error) {
	if limit <= 0 {
		return nil, nil
	}
	var rows []bookingRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(upcomingAllSQL), ts(from), limit); err != nil {
		return nil, wrap(err, "upcoming bookings")
	}
	return toBookings(rows), nil
}
