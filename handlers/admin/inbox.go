package admin

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// Inbox takes events for the engine: the worker (AcceptEvents), which
// stores them in the inbox every channel's events go through, so a staff
// reply is ordered with the candidate's own messages and handled once.
type Inbox interface {
	// AcceptEvents stores the events not seen before (by ID) and reports
	// how many were new.
	AcceptEvents(ctx context.Context, events []worker.Event) (int, error)
}

// inboxShown is how many waiting conversations the list shows.
const inboxShown = 200

// inboxView is what the list of conversations waiting for staff shows.
type inboxView struct {
	Items  []inboxItem
	More   bool // more are open than are shown
	Open   int  // the open handoffs listed
	Unread int  // the candidates' unanswered messages, all listed handoffs together
}

// inboxItem is one waiting conversation of the list.
type inboxItem struct {
	bot.WaitingHandoff
	Waited string // how long the candidate has waited, in words; empty when staff answered last
}

// inboxList is GET /admin/inbox: the open handoffs, newest first, with
// how long each candidate has waited and how many of their messages are
// unanswered; a small script keeps it current (inboxLive).
func (s *server) inboxList(w http.ResponseWriter, r *http.Request, sess session) {
	v, err := s.inboxData(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	allowOwnScript(w)
	s.render(w, r, http.StatusOK, "inbox", view{Title: "対応中の会話", Nav: "inbox", CSRF: sess.csrf,
		Flash: flashOf(r), Data: v})
}

// inboxLive is GET /admin/inbox/live: the list alone, as an HTML fragment
// for the page's script to put in place of the one it shows.
func (s *server) inboxLive(w http.ResponseWriter, r *http.Request, sess session) {
	v, err := s.inboxData(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderFragment(w, r, "inbox", "inbox-list", v)
}

// inboxData reads the list.
func (s *server) inboxData(ctx context.Context) (inboxView, error) {
	hs, err := s.store.WaitingHandoffs(ctx, inboxShown+1)
	if err != nil {
		return inboxView{}, err
	}
	var v inboxView
	if len(hs) > inboxShown {
		hs, v.More = hs[:inboxShown], true
	}
	now := s.now()
	for _, h := range hs {
		item := inboxItem{WaitingHandoff: h}
		if since := h.WaitingSince(); !since.IsZero() {
			item.Waited = waited(now.Sub(since))
		}
		v.Items = append(v.Items, item)
		v.Unread += h.Unread
	}
	v.Open = len(v.Items)
	return v, nil
}

// waited says a waiting time in plain Japanese: 1分未満, 12分, 3時間5分,
// 2日4時間.
func waited(d time.Duration) string {
	switch m := int(d / time.Minute); {
	case m < 1:
		return "1分未満"
	case m < 60:
		return strconv.Itoa(m) + "分"
	case m < 24*60:
		return hoursMinutes(m/60, "時間", m%60, "分")
	default:
		return hoursMinutes(m/(24*60), "日", m/60%24, "時間")
	}
}

// hoursMinutes joins a larger and a smaller unit, leaving out a zero
// smaller one: 3時間, 3時間5分.
func hoursMinutes(big int, bigUnit string, small int, smallUnit string) string {
	if small == 0 {
		return strconv.Itoa(big) + bigUnit
	}
	return strconv.Itoa(big) + bigUnit + strconv.Itoa(small) + smallUnit
}

// waitingCount counts the conversations waiting for staff, for the
// navigation; 0 (and a warning in the log) when it cannot.
func (s *server) waitingCount(r *http.Request) int {
	n, err := s.store.OpenHandoffCount(r.Context())
	if err != nil {
		s.log.WarnContext(r.Context(), "admin: count the open handoffs", "err", err)
	}
	return n
}

// Announce is what the page's script tells a screen reader when the list
// changes.
func (v inboxView) Announce() string {
	return "対応中の会話は" + strconv.Itoa(v.Open) + "件、未読のメッセージは" + strconv.Itoa(v.Unread) + "件です。"
}
