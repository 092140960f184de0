package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// eventPageView is what an event's page shows.
type eventPageView struct {
	Event    bot.Event
	Counts   bookingCounts
	Bookings []bot.Booking
	Ended    bool // the event has ended: attendance is what is left to mark
	History  []bot.AuditEntry
	Actors   actorNames
	Feed     calendarFeedView
}

// bookingCounts are an event's bookings by state.
type bookingCounts struct {
	Booked    int // booked, not marked yet
	Cancelled int
	Attended  int
	NoShow    int
}

// countBookings counts bookings by state.
func countBookings(bookings []bot.Booking) bookingCounts {
	var c bookingCounts
	for _, b := range bookings {
		switch b.State {
		case bot.BookingBooked:
			c.Booked++
		case bot.BookingCancelled:
			c.Cancelled++
		case bot.BookingAttended:
			c.Attended++
		case bot.BookingNoShow:
			c.NoShow++
		}
	}
	return c
}

// eventPage shows an event: its details, its bookings with 出席/欠席
// buttons, the counts and its history.
func (s *server) eventPage(w http.ResponseWriter, r *http.Request, sess session) {
	ev, ok := s.eventOf(w, r, sess)
	if !ok {
		return
	}
	ctx := r.Context()
	bookings, err := s.store.BookingsOf(ctx, ev.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := eventPageView{Event: ev, Bookings: bookings, Counts: countBookings(bookings), Ended: !ev.EndsAt.After(s.now())}
	if v.History, v.Actors, err = s.history(ctx, bot.AuditFilter{Kind: bot.AuditEvent, Subject: strconv.FormatInt(ev.ID, 10), Limit: 50}); err != nil {
		s.serverError(w, r, err)
		return
	}
	if v.Feed, err = s.calendarFeed(r); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "event", view{Title: ev.Title, Nav: "events", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}

// attendanceStates are the states staff may mark a booking with.
var attendanceStates = map[string]bot.BookingState{
	string(bot.BookingAttended): bot.BookingAttended,
	string(bot.BookingNoShow):   bot.BookingNoShow,
	string(bot.BookingBooked):   bot.BookingBooked, // undo a mark
}

// bookingAttendance marks a booking attended or no-show (or unmarks it)
// through the engine, and goes back to the event's page.
func (s *server) bookingAttendance(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.renderError(w, r, http.StatusNotFound, sess, "この予約は見つかりませんでした。")
		return
	}
	state, ok := attendanceStates[r.PostFormValue("state")]
	if !ok {
		s.renderError(w, r, http.StatusBadRequest, sess, "出欠の指定が正しくありません。ページを再読み込みしてから、もう一度お試しください。")
		return
	}
	b, err := s.store.BookingByID(ctx, id)
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "この予約は見つかりませんでした。削除された可能性があります。")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if b.State == bot.BookingCancelled {
		s.renderError(w, r, http.StatusConflict, sess, "この予約はキャンセルされているため、出欠を記録できません。")
		return
	}
	if err := s.desk.SetAttendance(ctx, id, state, sess.actor()); err != nil {
		if errors.Is(err, bot.ErrNotFound) {
			s.renderError(w, r, http.StatusNotFound, sess, "この予約は見つかりませんでした。削除された可能性があります。")
			return
		}
		if errors.Is(err, bot.ErrConflict) || errors.Is(err, bot.ErrFull) || errors.Is(err, bot.ErrNotBookable) {
			s.renderError(w, r, http.StatusConflict, sess, "この予約の出欠は記録できませんでした。予約がキャンセルされたか、席がなくなった可能性があります。最新の状態をご確認ください。")
			return
		}
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: attendance marked", "booking", id, "state", string(state))
	redirect(w, r, eventURL(b.EventID)+"?msg=attendance#booking-"+strconv.FormatInt(id, 10))
}
