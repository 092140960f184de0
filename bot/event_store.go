package bot

import (
	"context"
	"time"
)

// EventTx is the events and bookings, inside one transaction: what a
// student's turn books and cancels, and what staff change through the
// Engine. The store keeps Event.Booked in step with the bookings and
// records every change with its actor in the events' audit trail.
type EventTx interface {
	// Event returns one event, or ErrNotFound.
	Event(ctx context.Context, id int64) (Event, error)
	// BookableEvents returns up to limit events of kind that are
	// Bookable at now, soonest first.
	BookableEvents(ctx context.Context, kind EventKind, now time.Time, limit int) ([]Event, error)
	// SaveEvent creates the event (ID 0: sets ID, Version 1, CreatedAt,
	// State open when empty) or updates it when e.Version is the stored
	// version (else ErrConflict), on behalf of actor. The capacity may
	// not go below the seats booked (ErrFull). It sets e.Version and
	// e.UpdatedAt.
	SaveEvent(ctx context.Context, e *Event, actor string) error
	// SetEventState moves an event to state on behalf of actor; it
	// reports false when it was in that state already.
	SetEventState(ctx context.Context, id int64, state EventState, actor string) (bool, error)
	// Book takes a seat at b.EventID for b.Key (b.CandidateID,
	// b.ApplicationID, b.Name as given) if the event is Bookable at now,
	// holding the capacity under concurrency. When the student holds an
	// active booking of the event already, it fills b with that one and
	// reports existed (a double tap books once). ErrFull, ErrNotBookable,
	// ErrNotFound. It sets b.ID, b.State, b.CreatedAt and b.Event.
	Book(ctx context.Context, b *Booking, now time.Time) (existed bool, err error)
	// Booking returns one booking with its Event, or ErrNotFound.
	Booking(ctx context.Context, id int64) (Booking, error)
	// UpcomingBookings returns the student's active bookings of events
	// that have not ended at now, soonest first, with their Event.
	UpcomingBookings(ctx context.Context, key UserKey, now time.Time) ([]Booking, error)
	// CancelBooking cancels an active (booked) booking on behalf of
	// actor, freeing its seat at once; it reports false when the booking
	// was not booked.
	CancelBooking(ctx context.Context, id int64, actor string, at time.Time) (bool, error)
	// ConfirmBooking records that the student said they will come.
	ConfirmBooking(ctx context.Context, id int64, at time.Time) error
	// SetAttendance marks a booking attended or no-show (or back to
	// booked) on behalf of actor.
	SetAttendance(ctx context.Context, id int64, state BookingState, actor string) error
	// EventBookings returns every booking of an event (any state), oldest first.
	EventBookings(ctx context.Context, eventID int64) ([]Booking, error)
	// AddApplicationEvent records a line of an application's history
	// (e.g. an interview booked) with its actor.
	AddApplicationEvent(ctx context.Context, ev ApplicationEvent) error
}
