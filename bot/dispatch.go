package bot

import (
	"errors"

	"github.com/sakemodel/sakebot/faq"
)

// dispatch routes the incoming event to the part of the conversation it
// belongs to.
func (t *turn) dispatch() {
	if t.arrival() { // a source's code (source_turn.go)
		return
	}
	if !t.bookingButton() && t.relayedToHandoff() {
		return
	}
	t.bookingExpired()
	switch t.in.Kind {
	case KindStaffReply:
		t.staffReply()
		return
	case KindFollow:
		t.follow()
		return
	case KindUnfollow:
		t.unfollow()
		return
	case KindOpen:
		if t.conv.InForm() {
			t.say(msgResume)
			t.reask()
			return
		}
		t.leaveBooking()
		t.greet()
		return
	case KindUnsupported:
		t.say(msgUnsupported)
		t.reask()
		return
	}
	text, formAnswer := t.in.Text, false
	if t.in.Kind == KindPostback {
		p := parsePostback(t.in.Postback)
		if p.Action != "" && p.Booking != 0 && !t.in.Group {
			t.bookingAction(p) // a reminder's button: valid from anywhere
			return
		}
		if p.Event != 0 && !t.in.Group {
			t.pickEvent(p.Event, p.Booking) // a slot's 予約する: checked against the event, not the step
			return
		}
		if p.Step != "" && (p.Step != t.stepMarker() || p.Version != t.conv.Version) {
			t.say(msgStaleButton)
			t.reask()
			return
		}
		if p.FAQID != "" {
			t.answerFAQByID(p.FAQID, p.MissID)
			return
		}
		text, formAnswer = p.Text, p.Step != ""
	}
	if t.in.Group {
		t.group(text)
		return
	}
	if t.e.notify.Handoffs() && t.conv.Mode != ModeIdle && !formAnswer && !t.choiceAnswer(text) &&
		madeIntent(t.requestOf(text)) == intentHuman {
		t.handoff(HandoffAsked, "") // the form waits until the handoff ends
		return
	}
	switch t.conv.Mode {
	case ModeIdle:
		t.idle(text)
	case ModeConsent:
		t.consent(text)
	case ModeForm, ModeFix:
		t.answer(text)
	case ModeConfirm:
		t.confirm(text)
	case ModePickFix:
		t.pickFix(text)
	case ModeCancel:
		t.cancel(text)
	case ModeForget:
		t.forget(text)
	case ModeBook:
		t.bookAnswer(text)
	case ModeBookConsent:
		t.bookConsent(text)
	case ModeBookName:
		t.bookName(text)
	case ModePickBooking:
		t.pickBooking(text)
	case ModeCancelBooking:
		t.cancelBookingAnswer(text)
	default:
		t.conv = Conversation{Key: t.in.Key, Version: t.conv.Version}
		t.idle(text)
	}
}

// follow greets a new (or returning) friend and records them as a candidate.
func (t *turn) follow() {
	c, err := t.tx.Candidate(t.ctx, t.in.Key)
	if err != nil && !errors.Is(err, ErrNotFound) {
		t.fail(err)
		return
	}
	c.Key, c.Blocked = t.in.Key, false
	if t.in.DisplayName != "" {
		c.DisplayName = t.in.DisplayName
	}
	if err := t.tx.SaveCandidate(t.ctx, &c); err != nil {
		t.fail(err)
		return
	}
	if t.in.Unblocked && t.conv.InForm() {
		t.say(msgWelcomeBack)
		t.reask()
		return
	}
	t.greet()
}

// unfollow marks the candidate blocked; nothing is sent to them any more.
func (t *turn) unfollow() {
	t.fail(t.tx.CancelDeliveries(t.ctx, t.in.Key))
	c, err := t.tx.Candidate(t.ctx, t.in.Key)
	if errors.Is(err, ErrNotFound) {
		return
	}
	if err != nil {
		t.fail(err)
		return
	}
	c.Blocked = true
	t.fail(t.tx.SaveCandidate(t.ctx, &c))
}

// group answers in a group or room: FAQ only, never the form.
func (t *turn) group(text string) {
	switch detectIntent(text) {
	case intentApply, intentStatus, intentHuman, intentSession, intentInterview, intentBookings, intentReschedule,
		intentCancelBooking, intentBroadcastOff, intentBroadcastOn:
		if t.in.Key.Channel == ChannelSlack { // the Slack channel opens a DM (WantsPrivate)
			t.say(msgGroupToDM)
			return
		}
		t.say(msgGroupPrivate)
	case intentGreeting, intentMenu, intentFAQMenu:
		t.say(msgGroupHello)
	case intentNone:
		m := t.matchCounted(text)
		if m.Outcome == faq.Answered {
			t.say(m.Candidates[0].FAQ.Answer)
		}
	}
}

// bookingButton reports whether the event is a booking button: a slot's
// 予約する, a reminder's button about a booking, or an answer button of
// the booking question being asked. These work during a handoff too (a
// student talking to staff may still cancel a booking); what they type
// goes to staff as usual.
func (t *turn) bookingButton() bool {
	if t.in.Kind != KindPostback || t.in.Group {
		return false
	}
	p := parsePostback(t.in.Postback)
	return p.Booking != 0 && p.Action != "" || p.Event != 0 ||
		p.Step != "" && t.conv.InBooking() && p.Step == t.stepMarker() && p.Version == t.conv.Version
}
