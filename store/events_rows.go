package store

import (
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// slotRow is a row of events (an info session or an interview slot; the
// name eventRow is the application history's).
type slotRow struct {
	ID        int64     `db:"id"`
	Kind      string    `db:"kind"`
	Title     string    `db:"title"`
	StartsAt  timestamp `db:"starts_at"`
	EndsAt    timestamp `db:"ends_at"`
	Place     string    `db:"place"`
	URL       string    `db:"url"`
	Capacity  int       `db:"capacity"`
	Booked    int       `db:"booked"`
	Deadline  timestamp `db:"deadline"`
	Note      string    `db:"note"`
	State     string    `db:"state"`
	Version   int       `db:"version"`
	CreatedBy string    `db:"created_by"`
	CreatedAt timestamp `db:"created_at"`
	UpdatedAt timestamp `db:"updated_at"`
}

// slotColumns are the columns of events, in slotRow's order.
var slotColumns = []string{"id", "kind", "title", "starts_at", "ends_at", "place", "url", "capacity", "booked",
	"deadline", "note", "state", "version", "created_by", "created_at", "updated_at"}

// slotColumnsOf lists the columns of events under table alias alias,
// each named prefix.column when prefix is not empty (sqlx fills the
// nested struct tagged prefix with them).
func slotColumnsOf(alias, prefix string) string {
	cols := make([]string, len(slotColumns))
	for i, c := range slotColumns {
		cols[i] = alias + "." + c
		if prefix != "" {
			cols[i] += ` AS "` + prefix + "." + c + `"`
		}
	}
	return strings.Join(cols, ", ")
}

// fromSlot converts an event for storage.
func fromSlot(e bot.Event) slotRow {
	return slotRow{ID: e.ID, Kind: string(e.Kind), Title: e.Title, StartsAt: ts(e.StartsAt), EndsAt: ts(e.EndsAt),
		Place: e.Place, URL: e.URL, Capacity: e.Capacity, Booked: e.Booked, Deadline: ts(e.Deadline), Note: e.Note,
		State: string(e.State), Version: e.Version, CreatedBy: e.CreatedBy, CreatedAt: ts(e.CreatedAt),
		UpdatedAt: ts(e.UpdatedAt)}
}

// toSlot converts a stored event.
func toSlot(r slotRow) bot.Event {
	return bot.Event{ID: r.ID, Kind: bot.EventKind(r.Kind), Title: r.Title, StartsAt: r.StartsAt.Time,
		EndsAt: r.EndsAt.Time, Place: r.Place, URL: r.URL, Capacity: r.Capacity, Booked: r.Booked,
		Deadline: r.Deadline.Time, Note: r.Note, State: bot.EventState(r.State), Version: r.Version,
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time}
}

// toSlots converts stored events.
func toSlots(rows []slotRow) []bot.Event {
	out := make([]bot.Event, len(rows))
	for i, r := range rows {
		out[i] = toSlot(r)
	}
	return out
}

// bookingRow is a row of bookings read with its event.
type bookingRow struct {
	ID            int64     `db:"id"`
	EventID       int64     `db:"event_id"`
	Channel       string    `db:"channel"`
	UserID        string    `db:"user_id"`
	CandidateID   int64     `db:"candidate_id"`   // 0 when NULL
	ApplicationID int64     `db:"application_id"` // 0 when NULL
	Name          string    `db:"name"`
	State         string    `db:"state"`
	ConfirmedAt   timestamp `db:"confirmed_at"`
	CreatedAt     timestamp `db:"created_at"`
	UpdatedAt     timestamp `db:"updated_at"`
	Event         slotRow   `db:"ev"`
}

// bookingSelectSQL reads bookings with their events; the caller adds the
// WHERE and ORDER BY.
var bookingSelectSQL = `SELECT b.id, b.event_id, b.channel, b.user_id,
	COALESCE(b.candidate_id, 0) AS candidate_id, COALESCE(b.application_id, 0) AS application_id,
	b.name, b.state, b.confirmed_at, b.created_at, b.updated_at, ` + slotColumnsOf("e", "ev") + `
FROM bookings b JOIN events e ON e.id = b.event_id `

// toBooking converts a stored booking with its event.
func toBooking(r bookingRow) bot.Booking {
	return bot.Booking{ID: r.ID, EventID: r.EventID, Key: bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID},
		CandidateID: r.CandidateID, ApplicationID: r.ApplicationID, Name: r.Name, State: bot.BookingState(r.State),
		Confirmed: !r.ConfirmedAt.IsZero(), CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
		Event: toSlot(r.Event)}
}

// toBookings converts stored bookings.
func toBookings(rows []bookingRow) []bot.Booking {
	out := make([]bot.Booking, len(rows))
	for i, r := range rows {
		out[i] = toBooking(r)
	}
	return out
}

// nullID stores a zero id as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
