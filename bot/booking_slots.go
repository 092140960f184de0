package bot

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/faq"
)

// maxSlots is how many slots one reply offers (a LINE carousel holds 12).
const maxSlots = 12

// slotOf is ev as a card with its 予約する button; replace names the
// booking a change of date replaces (0: none).
func slotOf(ev Event, replace int64) Slot {
	when := FormatEventTime(ev.StartsAt, ev.EndsAt)
	text := when + " の" + ev.Kind.Label() + "を予約"
	return Slot{EventID: ev.ID, Kind: ev.Kind.Label(), Title: ev.Title, When: when, Place: placeLabel(ev),
		SeatsLeft: ev.SeatsLeft(), Choice: Choice{Label: "予約する", Text: text, Postback: slotPostback(ev.ID, replace, text)}}
}

// placeLabel is where the event is, for a card: its place, or オンライン.
func placeLabel(ev Event) string {
	if ev.Place != "" {
		return ev.Place
	}
	return "オンライン"
}

// placeLines are the place and address of an event, one a line.
func placeLines(ev Event) string {
	var lines []string
	if ev.Place != "" {
		lines = append(lines, "場所："+ev.Place)
	}
	if ev.URL != "" {
		lines = append(lines, "URL："+ev.URL)
	}
	return strings.Join(lines, "\n")
}

// bookingDetails describes a booked event for the student.
func bookingDetails(ev Event, name string) string {
	lines := []string{"【" + ev.Kind.Label() + "】" + ev.Title, "日時：" + FormatEventTime(ev.StartsAt, ev.EndsAt)}
	if p := placeLines(ev); p != "" {
		lines = append(lines, p)
	}
	if name != "" {
		lines = append(lines, "お名前："+name)
	}
	if ev.Note != "" {
		lines = append(lines, "備考："+ev.Note)
	}
	return strings.Join(lines, "\n")
}

// bookingLabel names a booking on a button (at most 20 characters):
// 12月10日(木) 14:00 説明会.
func bookingLabel(b Booking) string {
	s := FormatEventTime(b.Event.StartsAt, time.Time{})
	return truncate(strings.TrimSuffix(s, "〜")+" "+b.Event.Kind.Label(), 20)
}

// bookingList lists bookings, one a line.
func bookingList(bs []Booking) string {
	lines := make([]string, 0, len(bs))
	for i, b := range bs {
		lines = append(lines, strconv.Itoa(i+1)+". "+FormatEventTime(b.Event.StartsAt, b.Event.EndsAt)+" "+
			b.Event.Kind.Label()+"『"+b.Event.Title+"』（"+placeLabel(b.Event)+"）")
	}
	return strings.Join(lines, "\n")
}

// bookable returns up to limit events of kind the student may book now,
// leaving out the event exclude.
func (t *turn) bookable(kind EventKind, exclude int64, limit int) []Event {
	evs, err := t.tx.BookableEvents(t.ctx, kind, t.now, limit+1)
	if err != nil {
		t.fail(err)
		return nil
	}
	out := make([]Event, 0, len(evs))
	for _, ev := range evs {
		if ev.ID != exclude && len(out) < limit {
			out = append(out, ev)
		}
	}
	return out
}

// offerOthers offers the open slots of kind other than exclude, after
// intro (nothing when there are none); replace is the booking a change of
// date replaces. It reports whether there were any.
func (t *turn) offerOthers(kind EventKind, exclude, replace int64, intro string) bool {
	evs := t.bookable(kind, exclude, maxSlots)
	if len(evs) == 0 {
		return false
	}
	slots := make([]Slot, 0, len(evs))
	for _, ev := range evs {
		slots = append(slots, slotOf(ev, replace))
	}
	t.out = append(t.out, Reply{Text: intro, Slots: slots})
	return true
}

// offerSlots answers a request to book: the open 説明会 (and, for an
// applicant, the interview slots too), or the interview slots. text is
// the message, answered from the FAQ too when nothing is open.
func (t *turn) offerSlots(kind EventKind, text string) {
	t.leaveBooking() // a new request drops an unanswered booking question
	_, applied := t.activeApplication()
	if t.err != nil {
		return
	}
	if kind == EventInterview && !applied {
		t.say(msgInterviewNeedsApp, menu("応募する"))
		return
	}
	evs := t.bookable(kind, 0, maxSlots)
	if kind == EventSession && applied && len(evs) < maxSlots {
		evs = append(evs, t.bookable(EventInterview, 0, maxSlots-len(evs))...)
	}
	if len(evs) == 0 {
		if kind == EventInterview {
			t.say(msgNoInterviews)
			return
		}
		if text != "" && t.e.answerer.Index().Match(text).Outcome == faq.Answered {
			t.faq(text)
		}
		t.say(msgNoSessions)
		return
	}
	slots := make([]Slot, 0, len(evs))
	for _, ev := range evs {
		slots = append(slots, slotOf(ev, 0))
	}
	t.out = append(t.out, Reply{Text: msgSlotsIntro, Slots: slots})
}

// activeApplication is the candidate's application in progress, if any.
func (t *turn) activeApplication() (Application, bool) {
	a, ok := t.latestApplication()
	if !ok || !a.Status.Active() {
		return Application{}, false
	}
	return a, true
}

// upcoming returns the student's bookings of events not yet ended.
func (t *turn) upcoming() []Booking {
	bs, err := t.tx.UpcomingBookings(t.ctx, t.in.Key, t.now)
	if err != nil && !errors.Is(err, ErrNotFound) {
		t.fail(err)
	}
	return bs
}
