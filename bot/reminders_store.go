package bot

import (
	"context"
	"time"
)

// ReminderKind says which reminder of a booking: the day before, or one
// hour before the start.
type ReminderKind string

// The reminders of a booking.
const (
	ReminderDay  ReminderKind = "day"  // at ReminderHour (JST) on the day before the event's date
	ReminderHour ReminderKind = "hour" // from one hour before the start (EventConfig.HourBefore)
)

// QuotaWarning records that a batch of reminders would have exceeded the
// LINE message quota: when, how many pushes the batch needed, how many
// the quota had left, and how many reminders were held back.
type QuotaWarning struct {
	At       time.Time `json:"at"`
	Needed   int       `json:"needed"`
	Left     int64     `json:"left"`
	HeldBack int       `json:"held_back"`
}

// Quota reads how many pushes the LINE channel may still send this month
// (handlers/line's Client implements it). known is false when the plan
// has no limit.
type Quota interface {
	QuotaLeft(ctx context.Context) (left int64, known bool, err error)
}

// ReminderStore is what reminders read outside a transaction (*store.Store
// implements it).
type ReminderStore interface {
	// BookingsToRemind returns up to limit booked (not cancelled,
	// attended or no-show) bookings with their Event, of events that are
	// not cancelled and start in [startFrom, startTo), made before
	// createdBefore, whose reminder which was not sent yet; soonest
	// event first.
	BookingsToRemind(ctx context.Context, which ReminderKind, startFrom, startTo, createdBefore time.Time, limit int) ([]Booking, error)
}

// ReminderTx is what reminders and the digest write in a transaction
// (*store.Tx implements it).
type ReminderTx interface {
	// MarkReminded records that the reminder which of a booked booking
	// was sent at at, and reports whether this call recorded it (false:
	// recorded before, or the booking is no longer booked).
	MarkReminded(ctx context.Context, bookingID int64, which ReminderKind, at time.Time) (bool, error)
	// ClaimDaily records that the once-a-day task name ran for day (a
	// JST date, 2006-01-02), and reports whether this call was the first
	// for that day, on any replica.
	ClaimDaily(ctx context.Context, name, day string) (bool, error)
	// RecordQuotaWarning keeps the latest quota warning for the admin page.
	RecordQuotaWarning(ctx context.Context, w QuotaWarning) error
	// EventsStarting returns the events that are not cancelled and start
	// in [from, to), soonest first.
	EventsStarting(ctx context.Context, from, to time.Time) ([]Event, error)
}
