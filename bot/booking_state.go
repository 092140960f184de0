package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The keys under which the booking modes keep what they are about in
// Conversation.Answers (never form fields: they start with "_").
const (
	keyEvent   Field = "_event"   // the event being booked
	keyReplace Field = "_replace" // the booking a change of date replaces
	keyBooking Field = "_booking" // the booking being cancelled
	keyAction  Field = "_action"  // what a picked booking is for: cancel or change
	keyName    Field = "_name"    // the name a 説明会 booking is made under
)

// startBooking asks a booking question (mode): what an earlier booking
// question kept is dropped, and the form, if the user was in it, waits
// (Resume) until the booking question is answered.
func (t *turn) startBooking(mode Mode) {
	if t.conv.InBooking() {
		t.clearBookingKeys()
	} else if t.conv.Mode != ModeCancel && t.conv.Mode != ModeForget {
		t.conv.Resume = t.conv.Mode // ModeCancel and ModeForget keep theirs: that question is dropped
	}
	if t.conv.Answers == nil {
		t.conv.Answers = map[Field]string{}
	}
	t.conv.Mode, t.conv.Misses = mode, 0
}

// nextBooking moves to the next booking question, keeping what was kept.
func (t *turn) nextBooking(mode Mode) { t.conv.Mode = mode }

// leaveBooking ends the booking question: back to where the user was.
func (t *turn) leaveBooking() {
	if !t.conv.InBooking() {
		return
	}
	t.clearBookingKeys()
	t.conv.Mode, t.conv.Resume = t.conv.Resume, ModeIdle
}

// resume asks the form's question again when the user was in the form.
func (t *turn) resume() {
	if t.conv.Mode != ModeIdle {
		t.reask()
	}
}

func (t *turn) clearBookingKeys() {
	for k := range t.conv.Answers {
		if strings.HasPrefix(string(k), "_") {
			delete(t.conv.Answers, k)
		}
	}
}

// keep remembers a value of the booking question.
func (t *turn) keep(k Field, v string) {
	if t.conv.Answers == nil {
		t.conv.Answers = map[Field]string{}
	}
	t.conv.Answers[k] = v
}

// keptID is an id the booking question kept (0: none).
func (t *turn) keptID(k Field) int64 {
	n, _ := strconv.ParseInt(t.conv.Answers[k], 10, 64)
	return max(n, 0)
}

// bookingExpired drops a booking question left unanswered for longer than
// the form's expiry (a form it interrupted is expired by load).
func (t *turn) bookingExpired() {
	if t.conv.InBooking() && !t.conv.InForm() && t.now.Sub(t.conv.UpdatedAt) > t.e.expiry {
		t.leaveBooking()
	}
}

// reaskBooking asks the current booking question again.
func (t *turn) reaskBooking() {
	switch t.conv.Mode {
	case ModeBook:
		ev, ok := t.keptEvent()
		if !ok {
			return
		}
		text := t.bookQuestion(ev)
		t.say(text, t.formChoice("はい、予約する", "はい"), t.formChoice("いいえ", "いいえ"))
	case ModeBookConsent:
		t.say(msgBookConsent, t.formChoices("同意する", "同意しない")...)
	case ModeBookName:
		t.say(msgAskBookName, t.formChoices("やめる")...)
	case ModePickBooking:
		bs := t.upcoming()
		if len(bs) == 0 {
			t.leaveBooking()
			t.say(msgNoBookings)
			t.resume()
			return
		}
		msg := msgPickBookingCancel
		if t.conv.Answers[keyAction] == "change" {
			msg = msgPickBookingChange
		}
		choices := make([]Choice, 0, len(bs)+1)
		for _, b := range bs {
			choices = append(choices, t.formChoice(bookingLabel(b), bookingLabel(b)))
		}
		t.say(msg+"\n"+bookingList(bs), append(choices, t.formChoice("戻る", "戻る"))...)
	case ModeCancelBooking:
		b, err := t.tx.Booking(t.ctx, t.keptID(keyBooking))
		if err != nil {
			t.leaveBooking()
			t.failUnlessGone(err)
			return
		}
		t.say(fmt.Sprintf(msgConfirmCancelBook, eventDay(b.Event), b.Event.Kind.Label())+"\n"+bookingDetails(b.Event, b.Name),
			t.formChoice("はい、キャンセルする", "はい"), t.formChoice("いいえ", "いいえ"))
	}
}

// keptEvent reads the event the booking question is about; when it is
// gone, the question ends.
func (t *turn) keptEvent() (Event, bool) {
	ev, err := t.tx.Event(t.ctx, t.keptID(keyEvent))
	if err != nil {
		t.leaveBooking()
		if !errors.Is(err, ErrNotFound) {
			t.fail(err)
			return Event{}, false
		}
		t.say(msgNotBookable)
		t.resume()
		return Event{}, false
	}
	return ev, true
}

// failUnlessGone records err unless it says the record is gone.
func (t *turn) failUnlessGone(err error) {
	if !errors.Is(err, ErrNotFound) {
		t.fail(err)
	}
}

// bookQuestion asks to confirm booking ev.
func (t *turn) bookQuestion(ev Event) string {
	text := fmt.Sprintf(msgConfirmBook, FormatEventTime(ev.StartsAt, ev.EndsAt), ev.Title)
	text += "\n" + placeLines(ev)
	if name := t.conv.Answers[keyName]; name != "" && ev.Kind == EventSession {
		text += "\nお名前：" + name
	}
	if old := t.keptID(keyReplace); old != 0 {
		if b, err := t.tx.Booking(t.ctx, old); err == nil {
			text += "\n（いまのご予約 " + FormatEventTime(b.Event.StartsAt, b.Event.EndsAt) + " はキャンセルされます）"
		}
	}
	return text
}
