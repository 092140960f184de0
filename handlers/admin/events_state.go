package admin

import (
	"net/http"

	"github.com/sakemodel/sakebot/bot"
)

// eventSetState closes an event to new bookings or reopens it. Cancelling
// has its own confirmation (eventCancelConfirm); a cancelled event is not
// reopened.
func (s *server) eventSetState(w http.ResponseWriter, r *http.Request, sess session) {
	ev, ok := s.eventOf(w, r, sess)
	if !ok {
		return
	}
	var to bot.EventState
	msg := ""
	switch r.PostFormValue("state") {
	case string(bot.EventClosed):
		to, msg = bot.EventClosed, "event_closed"
	case string(bot.EventOpen):
		to, msg = bot.EventOpen, "event_reopened"
	default:
		s.renderError(w, r, http.StatusBadRequest, sess, "この操作は受け付けられません。ページを再読み込みしてから、もう一度お試しください。")
		return
	}
	if ev.State == bot.EventCancelled {
		s.renderError(w, r, http.StatusConflict, sess, "このイベントは中止されているため、受付を再開・終了できません。必要なら新しいイベントを作成してください。")
		return
	}
	s.changeEventState(w, r, sess, ev, to, msg)
}

// eventCancelConfirm asks whether to cancel the event, saying what
// happens to its bookings.
func (s *server) eventCancelConfirm(w http.ResponseWriter, r *http.Request, sess session) {
	ev, ok := s.eventOf(w, r, sess)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "event_cancel", view{Title: "イベントを中止", Nav: "events", CSRF: sess.csrf, Data: ev})
}

// eventCancel cancels the event through the engine, which cancels its
// bookings and tells each booked student; only the confirmation's form
// (confirm=yes) does it.
func (s *server) eventCancel(w http.ResponseWriter, r *http.Request, sess session) {
	ev, ok := s.eventOf(w, r, sess)
	if !ok {
		return
	}
	if r.PostFormValue("confirm") != "yes" {
		redirect(w, r, eventURL(ev.ID)+"/cancel")
		return
	}
	s.changeEventState(w, r, sess, ev, bot.EventCancelled, "event_cancelled")
}

// changeEventState moves ev to state through the engine and goes back to
// its page with msg (or a notice that nothing changed).
func (s *server) changeEventState(w http.ResponseWriter, r *http.Request, sess session, ev bot.Event, to bot.EventState, msg string) {
	ctx := r.Context()
	changed, err := s.desk.SetEventState(ctx, ev.ID, to, sess.actor())
	if err != nil {
		s.eventGone(w, r, sess, err)
		return
	}
	if !changed {
		msg = "event_unchanged"
	}
	s.log.InfoContext(ctx, "admin: event state", "event", ev.ID, "state", string(to), "changed", changed)
	redirect(w, r, eventURL(ev.ID)+"?msg="+msg)
}
