package bot

import (
	"fmt"
	"strconv"
)

// bookingRequest carries out a booking request made outside the form;
// text is the message (answered from the FAQ too when no 説明会 is open),
// empty when the request came in a clause or as a button.
func (t *turn) bookingRequest(in intent, text string) {
	switch in {
	case intentSession:
		t.offerSlots(EventSession, text)
	case intentInterview:
		t.offerSlots(EventInterview, text)
	case intentBookings:
		t.leaveBooking()
		t.myBookings()
	case intentReschedule:
		t.askWhichBooking("change")
	case intentCancelBooking:
		t.askWhichBooking("cancel")
	}
}

// myBookings lists the student's upcoming bookings.
func (t *turn) myBookings() {
	bs := t.upcoming()
	if t.err != nil {
		return
	}
	if len(bs) == 0 {
		t.say(msgNoBookings, menu("説明会の予約"))
		return
	}
	t.say(msgMyBookings+"\n"+bookingList(bs)+"\n"+msgHowToCancel, menu("日程を変更"), menu("予約をキャンセル"))
}

// cancelOutsideForm answers 「キャンセル」 said outside the form: a
// student with an upcoming booking is asked which to cancel; otherwise
// there is nothing to cancel.
func (t *turn) cancelOutsideForm() {
	if len(t.upcoming()) == 0 {
		if t.err == nil {
			t.say(msgAck)
		}
		return
	}
	t.askWhichBooking("cancel")
}

// askWhichBooking starts cancelling ("cancel") or moving ("change") a
// booking: with one, it goes on with it; with several, it asks which.
func (t *turn) askWhichBooking(action string) {
	bs := t.upcoming()
	if t.err != nil {
		return
	}
	switch len(bs) {
	case 0:
		t.leaveBooking()
		t.say(msgNoBookings, menu("説明会の予約"))
		t.resume()
	case 1:
		t.onBooking(action, bs[0])
	default:
		t.startBooking(ModePickBooking)
		t.keep(keyAction, action)
		t.reask()
	}
}

// onBooking goes on with the booking picked: asks to confirm the
// cancellation, or offers the other slots for a change of date.
func (t *turn) onBooking(action string, b Booking) {
	if action == "change" {
		t.leaveBooking()
		t.say(fmt.Sprintf(msgRescheduleSlots, FormatEventTime(b.Event.StartsAt, b.Event.EndsAt)))
		if !t.offerOthers(b.Event.Kind, b.EventID, b.ID, msgSlotsIntro) {
			t.out = t.out[:len(t.out)-1]
			t.say(msgNoOtherSlots)
		}
		t.resume()
		return
	}
	t.startBooking(ModeCancelBooking)
	t.keep(keyBooking, strconv.FormatInt(b.ID, 10))
	t.reask()
}

// pickBooking takes the booking chosen (its button, its number or its label).
func (t *turn) pickBooking(text string) {
	switch detectIntent(text) {
	case intentBack, intentCancel, intentNo:
		t.leaveBooking()
		t.say(msgBookingKept)
		t.resume()
		return
	}
	bs := t.upcoming()
	k := commandKey(text)
	for i, b := range bs {
		if k == strconv.Itoa(i+1) || k == commandKey(bookingLabel(b)) {
			t.onBooking(t.conv.Answers[keyAction], b)
			return
		}
	}
	if in := detectIntent(text); in != intentNone && !t.conv.InForm() {
		t.leaveBooking()
		t.idle(text)
		return
	}
	if !t.interruption(text) {
		t.say(msgChooseBooking)
		t.reask()
	}
}

// cancelBookingAnswer takes the answer to 「…の予約をキャンセルしますか？」.
func (t *turn) cancelBookingAnswer(text string) {
	switch in := answerIntent(text); {
	case in == intentYes || in == intentCancel || in == intentCancelBooking:
		t.cancelBooking(t.keptID(keyBooking))
	case in == intentNo || in == intentBack:
		t.leaveBooking()
		t.say(msgBookingKept)
		t.resume()
	case in != intentNone && !t.conv.InForm():
		t.leaveBooking()
		t.idle(text)
	default:
		if !t.interruption(text) {
			t.say(msgChooseCancelBook)
			t.reask()
		}
	}
}

// cancelBooking cancels the student's booking id, freeing its seat.
func (t *turn) cancelBooking(id int64) {
	t.leaveBooking()
	b, err := t.tx.Booking(t.ctx, id)
	if err != nil || b.Key != t.in.Key {
		t.failUnlessGone(err)
		if t.err == nil {
			t.say(msgBookingGone)
			t.resume()
		}
		return
	}
	ok, err := t.tx.CancelBooking(t.ctx, id, "candidate", t.now)
	if err != nil {
		t.fail(err)
		return
	}
	if !ok {
		t.say(msgBookingNotActive)
		t.resume()
		return
	}
	if b.Event.Kind == EventInterview && b.ApplicationID != 0 {
		t.fail(t.tx.AddApplicationEvent(t.ctx, ApplicationEvent{ApplicationID: b.ApplicationID, Actor: "candidate",
			Action: "interview_cancelled", From: FormatEventTime(b.Event.StartsAt, b.Event.EndsAt), At: t.now}))
		t.notice(DeliveryBookingNotice, b.ID)
	}
	t.e.log.InfoContext(t.ctx, "booking cancelled", "booking", b.ID, "event", b.EventID)
	t.say(fmt.Sprintf(msgBookingCancelled, eventDay(b.Event), b.Event.Kind.Label()), menu("説明会の予約"))
	t.resume()
}

// bookingAction takes a button about one booking (BookingPostback) from
// anywhere in the conversation: 「キャンセル」 asks to confirm the
// cancellation; 「参加します」 records that the student will come.
func (t *turn) bookingAction(p postback) {
	b, err := t.tx.Booking(t.ctx, p.Booking)
	if err != nil || b.Key != t.in.Key {
		t.failUnlessGone(err)
		if t.err == nil {
			t.say(msgBookingGone)
			t.reask()
		}
		return
	}
	switch p.Action {
	case BookingCancel:
		if b.State != BookingBooked {
			t.say(msgBookingNotActive)
			t.reask()
			return
		}
		t.startBooking(ModeCancelBooking)
		t.keep(keyBooking, strconv.FormatInt(b.ID, 10))
		t.reask()
	case BookingAttend:
		if !b.State.Active() {
			t.say(msgBookingNotActive, menu("説明会の予約"))
			t.reask()
			return
		}
		if err := t.tx.ConfirmBooking(t.ctx, b.ID, t.now); err != nil {
			t.fail(err)
			return
		}
		t.say(fmt.Sprintf(msgAttendThanks, FormatEventTime(b.Event.StartsAt, b.Event.EndsAt), b.Event.Title))
		t.reask()
	default:
		t.say(msgStaleButton)
		t.reask()
	}
}
