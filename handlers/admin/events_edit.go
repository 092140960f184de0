package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// eventEditView is what the event editor shows.
type eventEditView struct {
	Form     eventForm
	Kinds    []bot.EventKind
	Conflict *bot.Event // the event as someone else saved it while this one was edited
	Booked   int        // seats booked, when editing
}

// eventNew shows an empty editor (?kind=interview starts an interview slot).
func (s *server) eventNew(w http.ResponseWriter, r *http.Request, sess session) {
	form := eventForm{New: true, Kind: string(bot.EventSession)}
	if k := bot.EventKind(r.URL.Query().Get("kind")); k.Valid() {
		form.Kind = string(k)
	}
	if form.Kind == string(bot.EventInterview) {
		form.Capacity = "1"
	}
	s.renderEventEditor(w, r, sess, http.StatusOK, eventEditView{Form: form})
}

// eventCreate stores a new event through the engine; the editor comes
// back, filled in, with what to fix next to each field.
func (s *server) eventCreate(w http.ResponseWriter, r *http.Request, sess session) {
	form := parseEventForm(r)
	form.New, form.Version = true, 0
	ev, ok := form.event()
	if !ok {
		s.renderEventEditor(w, r, sess, http.StatusUnprocessableEntity, eventEditView{Form: form})
		return
	}
	ctx := r.Context()
	err := s.desk.SaveEvent(ctx, &ev, sess.actor())
	var invalid *bot.EventError
	if errors.As(err, &invalid) {
		form.addErrors(invalid)
		s.renderEventEditor(w, r, sess, http.StatusUnprocessableEntity, eventEditView{Form: form})
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: event created", "event", ev.ID)
	redirect(w, r, eventURL(ev.ID)+"?msg=event_created")
}

// eventEdit shows the editor of an event.
func (s *server) eventEdit(w http.ResponseWriter, r *http.Request, sess session) {
	ev, ok := s.eventOf(w, r, sess)
	if !ok {
		return
	}
	s.renderEventEditor(w, r, sess, http.StatusOK, eventEditView{Form: eventFormOf(ev), Booked: ev.Booked})
}

// eventUpdate saves an edit if nobody else saved the event since the
// editor was opened; otherwise it shows the newer version beside the edit,
// keeping what was typed.
func (s *server) eventUpdate(w http.ResponseWriter, r *http.Request, sess session) {
	current, ok := s.eventOf(w, r, sess)
	if !ok {
		return
	}
	form := parseEventForm(r)
	form.ID = current.ID
	v := eventEditView{Form: form, Booked: current.Booked}
	ev, ok := v.Form.event()
	if !ok {
		s.renderEventEditor(w, r, sess, http.StatusUnprocessableEntity, v)
		return
	}
	ctx := r.Context()
	err := s.desk.SaveEvent(ctx, &ev, sess.actor())
	var invalid *bot.EventError
	switch {
	case errors.As(err, &invalid):
		v.Form.addErrors(invalid)
		s.renderEventEditor(w, r, sess, http.StatusUnprocessableEntity, v)
		return
	case errors.Is(err, bot.ErrConflict):
		latest, err := s.store.EventByID(ctx, current.ID)
		if err != nil {
			s.eventGone(w, r, sess, err)
			return
		}
		v.Conflict, v.Form.Version, v.Booked = &latest, latest.Version, latest.Booked
		s.renderEventEditor(w, r, sess, http.StatusConflict, v)
		return
	case errors.Is(err, bot.ErrFull):
		latest, err := s.store.EventByID(ctx, current.ID)
		if err != nil {
			s.eventGone(w, r, sess, err)
			return
		}
		v.Booked = latest.Booked
		v.Form.Errors["capacity"] = fmt.Sprintf("すでに%d名が予約しているため、定員をそれより少なくはできません。", latest.Booked)
		s.renderEventEditor(w, r, sess, http.StatusConflict, v)
		return
	case err != nil:
		s.eventGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: event updated", "event", ev.ID, "version", ev.Version)
	redirect(w, r, eventURL(ev.ID)+"?msg=event_saved")
}

// renderEventEditor shows the editor.
func (s *server) renderEventEditor(w http.ResponseWriter, r *http.Request, sess session, status int, v eventEditView) {
	v.Kinds = []bot.EventKind{bot.EventSession, bot.EventInterview}
	title := "イベントを作成"
	if !v.Form.New {
		title = "イベントを編集"
	}
	s.render(w, r, status, "event_form", view{Title: title, Nav: "events", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}

// eventOf reads the event of the path's {id}, answering 404 itself when
// there is none (ok false).
func (s *server) eventOf(w http.ResponseWriter, r *http.Request, sess session) (bot.Event, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.eventGone(w, r, sess, bot.ErrNotFound)
		return bot.Event{}, false
	}
	ev, err := s.store.EventByID(r.Context(), id)
	if err != nil {
		s.eventGone(w, r, sess, err)
		return bot.Event{}, false
	}
	return ev, true
}

// eventGone answers a request about an event that failed: 404 when there
// is no such event, 500 otherwise.
func (s *server) eventGone(w http.ResponseWriter, r *http.Request, sess session, err error) {
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "このイベントは見つかりませんでした。")
		return
	}
	s.serverError(w, r, err)
}

// eventURL is the page of event id.
func eventURL(id int64) string { return "/admin/events/" + strconv.FormatInt(id, 10) }
