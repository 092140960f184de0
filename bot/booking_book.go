package bot

import (
	"errors"
	"strconv"

	"github.com/sakemodel/sakebot/jpinput"
)

// pickEvent takes a slot's 予約する button (event id; replace: the
// booking a change of date replaces, 0 for none). The button carries no
// step or version: a slot offered long ago is as good as a new one while
// the event takes bookings; when it no longer does, the student is told
// and shown the open slots. Nothing is booked before the student
// confirms, so a double tap only asks again.
func (t *turn) pickEvent(id, replace int64) {
	if t.conv.InForm() {
		t.say(msgBookAfterForm)
		t.reask()
		return
	}
	ev, err := t.tx.Event(t.ctx, id)
	if errors.Is(err, ErrNotFound) {
		t.leaveBooking()
		t.say(msgNotBookable)
		t.offerOthers(EventSession, 0, 0, msgNextSlots)
		return
	}
	if err != nil {
		t.fail(err)
		return
	}
	var old Booking
	if replace != 0 {
		old, err = t.tx.Booking(t.ctx, replace)
		if err != nil || old.Key != t.in.Key || !old.State.Active() || old.Event.Kind != ev.Kind {
			t.failUnlessGone(err)
			replace, old = 0, Booking{}
		}
	}
	mine := t.upcoming()
	for _, b := range mine {
		if b.EventID == id {
			t.leaveBooking()
			t.sayBooking(msgAlreadyBooked+"\n"+bookingDetails(b.Event, b.Name)+"\n"+msgHowToCancel, b.ID)
			return
		}
	}
	if !ev.Bookable(t.now) {
		t.leaveBooking()
		t.notBookable(ev, replace)
		return
	}
	if ev.Kind == EventInterview {
		if _, ok := t.activeApplication(); !ok {
			t.leaveBooking()
			if t.err == nil {
				t.say(msgInterviewNeedsApp, menu("応募する"))
			}
			return
		}
		for _, b := range mine {
			if b.Event.Kind == EventInterview && b.ID != replace {
				t.leaveBooking()
				t.say(msgInterviewBooked+"\n"+bookingDetails(b.Event, b.Name), menu("日程を変更"))
				return
			}
		}
	}
	given := ""
	if t.conv.InBooking() {
		given = t.conv.Answers[keyName] // a second tap keeps the name just given
	}
	t.startBooking(ModeBook)
	t.keep(keyEvent, strconv.FormatInt(id, 10))
	if replace != 0 {
		t.keep(keyReplace, strconv.FormatInt(replace, 10))
	}
	if ev.Kind == EventSession {
		name := old.Name
		if name == "" {
			name = given
		}
		if name == "" {
			name = t.knownName(mine)
		}
		if name == "" {
			t.nextBooking(ModeBookConsent)
			t.reask()
			return
		}
		t.keep(keyName, name)
	}
	t.reask()
}

// notBookable says ev takes no booking (full, or closed) and offers the
// open slots of its kind.
func (t *turn) notBookable(ev Event, replace int64) {
	msg := msgNotBookable
	if ev.State == EventOpen && ev.SeatsLeft() == 0 {
		msg = msgFull
	}
	t.say(msg)
	if !t.offerOthers(ev.Kind, ev.ID, replace, msgNextSlots) {
		t.say(msgNoOtherSlots)
	}
}

// sayBooking says text about a booking with its 「カレンダーに追加」 link,
// when the engine has calendar files.
func (t *turn) sayBooking(text string, bookingID int64) {
	r := Reply{Text: text}
	if t.e.events.CalendarLink != nil {
		r.Links = []Link{{Label: "カレンダーに追加", URL: t.e.events.CalendarLink(bookingID)}}
	}
	t.out = append(t.out, r)
}

// knownName is the name the student gave already: their application's,
// or an upcoming booking's.
func (t *turn) knownName(mine []Booking) string {
	if a, ok := t.latestApplication(); ok && a.Name != "" {
		return a.Name
	}
	for _, b := range mine {
		if b.Name != "" {
			return b.Name
		}
	}
	return ""
}

// bookAnswer takes the answer to 「…を予約しますか？」.
func (t *turn) bookAnswer(text string) {
	switch in := answerIntent(text); {
	case in == intentYes || commandKey(text) == commandKey("予約する") || commandKey(text) == commandKey("はい、予約する"):
		t.book()
	case in == intentNo || in == intentCancel || in == intentBack:
		t.leaveBooking()
		t.say(msgBookNotMade)
		t.resume()
	case in != intentNone && !t.conv.InForm():
		t.leaveBooking() // another request: the booking question is dropped
		t.idle(text)
	default:
		if !t.interruption(text) {
			t.say(msgChooseBook)
			t.reask()
		}
	}
}

// bookConsent takes the answer to the consent for the name.
func (t *turn) bookConsent(text string) {
	switch in := answerIntent(text); {
	case in == intentYes:
		t.nextBooking(ModeBookName)
		t.reask()
	case in == intentNo || in == intentCancel || in == intentBack:
		t.leaveBooking()
		t.say(msgBookConsentNo)
		t.resume()
	case in != intentNone && !t.conv.InForm():
		t.leaveBooking()
		t.idle(text)
	default:
		if !t.interruption(text) {
			t.say(msgChooseConsent)
			t.reask()
		}
	}
}

// bookName takes the name a 説明会 booking is made under, as the form
// takes 氏名.
func (t *turn) bookName(text string) {
	switch detectIntent(text) {
	case intentCancel, intentNo:
		t.leaveBooking()
		t.say(msgBookNotMade)
		t.resume()
		return
	case intentBack:
		t.nextBooking(ModeBookConsent)
		t.reask()
		return
	case intentYes: // 「はい」「同意する」 again: consent was given, a name is asked
		t.reask()
		return
	}
	if t.interruption(text) {
		return
	}
	name, err := jpinput.NormalizeName(text)
	if err != nil {
		var bad *jpinput.InvalidInputError
		if !errors.As(err, &bad) {
			t.fail(err)
			return
		}
		t.say(bad.Message)
		t.reask()
		return
	}
	t.keep(keyName, name)
	t.nextBooking(ModeBook)
	t.reask()
}

// book takes the seat the student confirmed; a change of date books the
// new slot first and then cancels the old booking, in the same
// transaction (when the new slot is full, the old booking stays).
func (t *turn) book() {
	ev, ok := t.keptEvent()
	if !ok {
		return
	}
	replace, name := t.keptID(keyReplace), t.conv.Answers[keyName]
	var appID int64
	if ev.Kind == EventInterview {
		app, ok := t.activeApplication()
		if !ok {
			t.leaveBooking()
			if t.err == nil {
				t.say(msgInterviewNeedsApp, menu("応募する"))
			}
			return
		}
		appID, name = app.ID, app.Name
	}
	c, ok := t.ensureCandidate()
	if !ok {
		return
	}
	b := &Booking{EventID: ev.ID, Key: t.in.Key, CandidateID: c.ID, ApplicationID: appID, Name: name}
	existed, err := t.tx.Book(t.ctx, b, t.now)
	t.leaveBooking()
	switch {
	case errors.Is(err, ErrFull):
		t.say(msgFull)
		if !t.offerOthers(ev.Kind, ev.ID, replace, msgNextSlots) {
			t.say(msgNoOtherSlots)
		}
	case errors.Is(err, ErrNotBookable), errors.Is(err, ErrNotFound):
		t.say(msgNotBookable)
		if !t.offerOthers(ev.Kind, ev.ID, replace, msgNextSlots) {
			t.say(msgNoOtherSlots)
		}
	case err != nil:
		t.fail(err)
		return
	case existed:
		t.sayBooking(msgAlreadyBooked+"\n"+bookingDetails(b.Event, b.Name)+"\n"+msgHowToCancel, b.ID)
	default:
		t.booked(*b, replace)
	}
	t.resume()
}

// booked confirms a new booking (and cancels the one it replaces).
func (t *turn) booked(b Booking, replace int64) {
	if b.Event.ID == 0 {
		b.Event, _ = t.tx.Event(t.ctx, b.EventID)
	}
	ev, when := b.Event, FormatEventTime(b.Event.StartsAt, b.Event.EndsAt)
	msg := msgBooked
	var from string
	if replace != 0 {
		if old, err := t.tx.Booking(t.ctx, replace); err == nil {
			from = FormatEventTime(old.Event.StartsAt, old.Event.EndsAt)
		}
		if _, err := t.tx.CancelBooking(t.ctx, replace, "candidate", t.now); err != nil {
			t.fail(err)
			return
		}
		msg = msgRescheduled
		if ev.Kind == EventInterview {
			t.notice(DeliveryBookingNotice, replace)
		}
	}
	if ev.Kind == EventInterview && b.ApplicationID != 0 {
		action := "interview_booked"
		if replace != 0 {
			action = "interview_rescheduled"
		}
		t.fail(t.tx.AddApplicationEvent(t.ctx, ApplicationEvent{ApplicationID: b.ApplicationID, Actor: "candidate",
			Action: action, From: from, To: when, At: t.now}))
		t.notice(DeliveryBookingNotice, b.ID)
	}
	t.e.log.InfoContext(t.ctx, "booked", "booking", b.ID, "event", ev.ID, "kind", string(ev.Kind),
		"channel", string(t.in.Key.Channel))
	t.sayBooking(msg+"\n"+bookingDetails(ev, b.Name)+"\n"+msgHowToCancel, b.ID)
}

// ensureCandidate returns the student's candidate record, creating it for
// a student first seen here (a channel without a follow event).
func (t *turn) ensureCandidate() (Candidate, bool) {
	c, err := t.tx.Candidate(t.ctx, t.in.Key)
	if err == nil {
		return c, true
	}
	if !errors.Is(err, ErrNotFound) {
		t.fail(err)
		return c, false
	}
	c = Candidate{Key: t.in.Key, DisplayName: t.in.DisplayName}
	if err := t.tx.SaveCandidate(t.ctx, &c); err != nil {
		t.fail(err)
		return c, false
	}
	return c, true
}
