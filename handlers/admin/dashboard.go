package admin

import (
	"net/http"

	"github.com/sakemodel/sakebot/bot"
)

// dashboardDays is how many days the dashboard covers, today included;
// dashboardTop is how many entries and handoffs it lists.
const (
	dashboardDays = 30
	dashboardTop  = 5
)

// dashboardView is what the dashboard shows.
type dashboardView struct {
	Stats        bot.Stats
	Applications int // all of them
	ByStatus     []statusCount
	ByChannel    []bot.ChannelCount
	Chart        chart
	Events       []eventRow  // recent and upcoming events, with bookings and attendance
	Quota        quotaView   // the LINE message quota
	Sources      sourcesCard // the sources that brought the most students
}

// statusCount is the number of applications in one status, with the share
// of the largest, for the bar behind it.
type statusCount struct {
	Status bot.Status
	Count  int
	Width  int // percent of the widest bar
}

// dashboard shows the summary of the last 30 days.
func (s *server) dashboard(w http.ResponseWriter, r *http.Request, sess session) {
	today := bot.StartOfDayJST(s.now())
	st, err := s.store.Stats(r.Context(), bot.StatsQuery{
		Since: today.AddDate(0, 0, 1-dashboardDays), Days: dashboardDays, Top: dashboardTop,
	})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	byChannel, err := s.store.ChannelCounts(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := dashboardView{Stats: st, ByChannel: byChannel, Chart: newChart(st.Days), Quota: s.quota(r.Context())}
	if v.Events, err = s.dashboardEvents(r.Context()); err != nil {
		s.serverError(w, r, err)
		return
	}
	if v.Sources, err = s.dashboardSourcesCard(r.Context()); err != nil {
		s.serverError(w, r, err)
		return
	}
	most := 0
	for _, status := range bot.Statuses {
		v.Applications += st.Applications[status]
		most = max(most, st.Applications[status])
	}
	for _, status := range bot.Statuses {
		c := statusCount{Status: status, Count: st.Applications[status]}
		if most > 0 {
			c.Width = c.Count * 100 / most
		}
		v.ByStatus = append(v.ByStatus, c)
	}
	s.render(w, r, http.StatusOK, "dashboard", view{Title: "ダッシュボード", Nav: "dashboard", CSRF: sess.csrf,
		Flash: flashOf(r), Data: v})
}
