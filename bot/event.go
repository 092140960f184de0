package bot

import (
	"errors"
	"time"
)

// EventKind says what an event is: an info session anyone may book, or an
// interview slot for one applicant.
type EventKind string

// The kinds of events.
const (
	EventSession   EventKind = "session"   // 説明会: many seats, open to anyone, no application needed
	EventInterview EventKind = "interview" // 面談: one candidate, for applicants
)

// Label names the kind in Japanese.
func (k EventKind) Label() string {
	switch k {
	case EventSession:
		return "説明会"
	case EventInterview:
		return "面談"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k EventKind) Valid() bool { return k == EventSession || k == EventInterview }

// EventState is whether an event takes bookings.
type EventState string

// The states of an event.
const (
	EventOpen      EventState = "open"      // takes bookings until its deadline
	EventClosed    EventState = "closed"    // takes no new bookings; existing ones stand
	EventCancelled EventState = "cancelled" // called off: its bookings are cancelled and the students told
)

// Label names the state in Japanese.
func (s EventState) Label() string {
	switch s {
	case EventOpen:
		return "受付中"
	case EventClosed:
		return "受付終了"
	case EventCancelled:
		return "中止"
	}
	return string(s)
}

// Event is an info session or an interview slot staff open for booking.
// Times are instants; they are shown in JST.
type Event struct {
	ID       int64
	Kind     EventKind
	Title    string
	StartsAt time.Time
	EndsAt   time.Time
	Place    string // where, for people who come in person (empty when online only)
	URL      string // the online meeting's address, if any
	Capacity int    // seats (1 for an interview)
	Deadline time.Time
	Note     string
	State    EventState
	Booked   int // active bookings (booked or attended), kept by the store
	// Version increases on every change; an edit based on an older
	// version is refused (ErrConflict).
	Version   int
	CreatedBy string // actor
	CreatedAt time.Time
	UpdatedAt time.Time
}

// SeatsLeft is how many more bookings the event takes.
func (e Event) SeatsLeft() int { return max(e.Capacity-e.Booked, 0) }

// Bookable reports whether a student may book the event at now: open,
// before its deadline and its start, with a seat left.
func (e Event) Bookable(now time.Time) bool {
	return e.State == EventOpen && now.Before(e.Deadline) && now.Before(e.StartsAt) && e.SeatsLeft() > 0
}

// BookingState is where a booking stands.
type BookingState string

// The states of a booking.
const (
	BookingBooked    BookingState = "booked"
	BookingCancelled BookingState = "cancelled" // by the student, or the event was cancelled
	BookingAttended  BookingState = "attended"  // marked by staff
	BookingNoShow    BookingState = "noshow"    // marked by staff
)

// Label names the state in Japanese.
func (s BookingState) Label() string {
	switch s {
	case BookingBooked:
		return "予約済み"
	case BookingCancelled:
		return "キャンセル"
	case BookingAttended:
		return "出席"
	case BookingNoShow:
		return "欠席"
	}
	return string(s)
}

// Active reports whether the booking holds a seat.
func (s BookingState) Active() bool { return s == BookingBooked || s == BookingAttended }

// Booking is a student's seat at an event.
type Booking struct {
	ID            int64
	EventID       int64
	Key           UserKey // the student, on the channel they booked on
	CandidateID   int64
	ApplicationID int64  // the application an interview belongs to (0 for an info session)
	Name          string // the name the student gave (or their application's)
	State         BookingState
	Confirmed     bool // the student answered 「参加します」 to a reminder
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Event         Event // the event booked, filled in when read with it
}

// EventFilter selects events for staff lists.
type EventFilter struct {
	Kind     EventKind  // empty: both
	State    EventState // empty: all
	From, To time.Time  // starting in [From, To); zero: unbounded
	Limit    int        // 0: no limit
}

// Errors of booking.
var (
	// ErrFull: the event has no seat left.
	ErrFull = errors.New("event is full")
	// ErrNotBookable: the event is closed, cancelled, past its deadline or started.
	ErrNotBookable = errors.New("event takes no bookings")
)
