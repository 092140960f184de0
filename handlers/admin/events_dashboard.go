package admin

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// The dashboard's table of events: those that started in the last
// dashboardRecentDays days (at most dashboardRecent, the latest) and the
// next dashboardUpcoming.
const (
	dashboardRecentDays = 14
	dashboardRecent     = 3
	dashboardUpcoming   = 5
)

// eventRow is an event with its bookings counted, for the dashboard.
type eventRow struct {
	Event  bot.Event
	Counts bookingCounts
	Past   bool // it has started
}

// dashboardEvents returns the recent and the upcoming events with their
// bookings and attendance, soonest first.
func (s *server) dashboardEvents(ctx context.Context) ([]eventRow, error) {
	now := s.now()
	recent, err := s.store.ListEvents(ctx, bot.EventFilter{From: now.AddDate(0, 0, -dashboardRecentDays), To: now})
	if err != nil {
		return nil, err
	}
	if len(recent) > dashboardRecent {
		recent = recent[len(recent)-dashboardRecent:]
	}
	upcoming, err := s.store.ListEvents(ctx, bot.EventFilter{From: now, Limit: dashboardUpcoming})
	if err != nil {
		return nil, err
	}
	var rows []eventRow
	for _, ev := range append(recent, upcoming...) {
		bookings, err := s.store.BookingsOf(ctx, ev.ID)
		if err != nil {
			return nil, err
		}
		rows = append(rows, eventRow{Event: ev, Counts: countBookings(bookings), Past: !ev.StartsAt.After(now)})
	}
	return rows, nil
}
