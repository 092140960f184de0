package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// EventByID returns one event, or bot.ErrNotFound.
func (s *Store) EventByID(ctx context.Context, id int64) (bot.Event, error) {
	var r slotRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(slotByIDSQL), id); err != nil {
		return bot.Event{}, wrap(err, "event %d", id)
	}
	return toSlot(r), nil
}

// listEventsSQL lists events; %s is the filter.
var listEventsSQL = `SELECT ` + slotColumnsOf("e", "") + ` FROM events e %s ORDER BY e.starts_at, e.id`

// ListEvents returns the events f selects, soonest first, for staff.
func (s *Store) ListEvents(ctx context.Context, f bot.EventFilter) ([]bot.Event, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where, args = append(where, "e.kind = ?"), append(args, string(f.Kind))
	}
	if f.State != "" {
		where, args = append(where, "e.state = ?"), append(args, string(f.State))
	}
	if !f.From.IsZero() {
		where, args = append(where, "e.starts_at >= ?"), append(args, ts(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "e.starts_at < ?"), append(args, ts(f.To))
	}
	filter := ""
	if len(where) > 0 {
		filter = "WHERE " + strings.Join(where, " AND ")
	}
	query := fmt.Sprintf(listEventsSQL, filter)
	if f.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var rows []slotRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return nil, wrap(err, "list events")
	}
	return toSlots(rows), nil
}

// EventCount is how an event's bookings stand, for the dashboard and the
// event's page.
type EventCount struct {
	Event     bot.Event
	Booked    int // booked, not yet marked
	Cancelled int
	Attended  int
	NoShow    int
}

// eventCountsSQL counts the bookings of each event starting at or after a
// time, by state.
var eventCountsSQL = `SELECT ` + slotColumnsOf("e", "ev") + `,
	COALESCE(SUM(CASE WHEN b.state = 'booked' THEN 1 ELSE 0 END), 0) AS n_booked,
	COALESCE(SUM(CASE WHEN b.state = 'cancelled' THEN 1 ELSE 0 END), 0) AS n_cancelled,
	COALESCE(SUM(CASE WHEN b.state = 'attended' THEN 1 ELSE 0 END), 0) AS n_attended,
	COALESCE(SUM(CASE WHEN b.state = 'noshow' THEN 1 ELSE 0 END), 0) AS n_noshow
FROM events e LEFT JOIN bookings b ON b.event_id = e.id
WHERE e.starts_at >= ?
GROUP BY ` + slotColumnsOf("e", "") + `
ORDER BY e.starts_at, e.id`

// eventCountRow is a row of eventCountsSQL.
type eventCountRow struct {
	Event     slotRow `db:"ev"`
	Booked    int     `db:"n_booked"`
	Cancelled int     `db:"n_cancelled"`
	Attended  int     `db:"n_attended"`
	NoShow    int     `db:"n_noshow"`
}

// EventCounts returns, for each event starting at or after from (every
// event when from is zero), soonest first, its bookings by state.
func (s *Store) EventCounts(ctx context.Context, from time.Time) ([]EventCount, error) {
	if from.IsZero() {
		from = time.Unix(0, 0)
	}
	var rows []eventCountRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(eventCountsSQL), ts(from)); err != nil {
		return nil, wrap(err, "event counts")
	}
	out := make([]EventCount, len(rows))
	for i, r := range rows {
		out[i] = EventCount{Event: toSlot(r.Event), Booked: r.Booked, Cancelled: r.Cancelled, Attended: r.Attended,
			NoShow: r.NoShow}
	}
	return out, nil
}
