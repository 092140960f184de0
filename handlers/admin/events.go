package admin

import (
	"net/http"

	"github.com/sakemodel/sakebot/bot"
)

// eventListView is what the events list shows.
type eventListView struct {
	Events []bot.Event
	When   string // "upcoming" (not yet ended, the default), "past" or "all"
	Kind   string // empty: both
	Kinds  []bot.EventKind
	Feed   calendarFeedView
	Quota  quotaView
}

// eventListLimit bounds the list: past events pile up.
const eventListLimit = 500

// eventList shows the events, upcoming ones first, with the staff
// calendar feed and the LINE quota.
func (s *server) eventList(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, q := r.Context(), r.URL.Query()
	v := eventListView{When: q.Get("when"), Kinds: []bot.EventKind{bot.EventSession, bot.EventInterview}}
	if k := bot.EventKind(q.Get("kind")); k.Valid() {
		v.Kind = string(k)
	}
	f := bot.EventFilter{Kind: bot.EventKind(v.Kind)}
	now := s.now()
	switch v.When {
	case "past", "all":
	default:
		v.When = "upcoming"
		// An event that started less than a day ago may still be on:
		// those that have not ended are kept below.
		f.From = now.AddDate(0, 0, -1)
	}
	all, err := s.store.ListEvents(ctx, f)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, ev := range all {
		ended := !ev.EndsAt.After(now)
		if (v.When == "upcoming" && ended) || (v.When == "past" && !ended) {
			continue
		}
		v.Events = append(v.Events, ev)
	}
	if v.When == "past" {
		// the most recent first
		for i, j := 0, len(v.Events)-1; i < j; i, j = i+1, j-1 {
			v.Events[i], v.Events[j] = v.Events[j], v.Events[i]
		}
	}
	if len(v.Events) > eventListLimit {
		v.Events = v.Events[:eventListLimit]
	}
	if v.Feed, err = s.calendarFeed(r); err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Quota = s.quota(ctx)
	s.render(w, r, http.StatusOK, "events", view{Title: "イベント", Nav: "events", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}
