package bot

import (
	"net/url"
	"strconv"
)

// Postback data is a small query string: t is the text the choice stands
// for, s and v mark the form step and conversation version the choice was
// offered at (absent for menu choices, which are always valid), f names
// an FAQ entry to answer directly and m the miss a did-you-mean choice
// was offered for. e names an event to book (a slot's 予約する button;
// with b, the booking it replaces when the date is changed); b with a
// names a booking and what to do with it (BookingPostback).
type postback struct {
	Text    string
	Step    string
	Version int
	FAQID   string
	MissID  int64
	Event   int64
	Booking int64
	Action  string
}

func (p postback) encode() string {
	v := url.Values{}
	if p.Text != "" {
		v.Set("t", p.Text)
	}
	if p.Step != "" {
		v.Set("s", p.Step)
		v.Set("v", strconv.Itoa(p.Version))
	}
	if p.FAQID != "" {
		v.Set("f", p.FAQID)
	}
	if p.MissID > 0 {
		v.Set("m", strconv.FormatInt(p.MissID, 10))
	}
	if p.Event > 0 {
		v.Set("e", strconv.FormatInt(p.Event, 10))
	}
	if p.Booking > 0 {
		v.Set("b", strconv.FormatInt(p.Booking, 10))
	}
	if p.Action != "" {
		v.Set("a", p.Action)
	}
	return v.Encode()
}

func parsePostback(data string) postback {
	v, err := url.ParseQuery(data)
	if err != nil {
		return postback{Text: data}
	}
	n, _ := strconv.Atoi(v.Get("v"))
	miss, _ := strconv.ParseInt(v.Get("m"), 10, 64)
	ev, _ := strconv.ParseInt(v.Get("e"), 10, 64)
	b, _ := strconv.ParseInt(v.Get("b"), 10, 64)
	p := postback{Text: v.Get("t"), Step: v.Get("s"), Version: n, FAQID: v.Get("f"), MissID: max(miss, 0),
		Event: max(ev, 0), Booking: max(b, 0), Action: v.Get("a")}
	if p.Text == "" && p.Step == "" && p.FAQID == "" && p.Event == 0 && p.Booking == 0 {
		p.Text = data // a plain string from a menu made elsewhere
	}
	return p
}

// MenuPostback returns the postback data for a menu button (rich menu,
// App Home) that stands for text, e.g. "応募する".
func MenuPostback(text string) string { return postback{Text: text}.encode() }

// The actions of BookingPostback.
const (
	BookingCancel = "cancel" // asks to cancel the booking (the student confirms)
	BookingAttend = "attend" // the student says they will come (参加します)
)

// BookingPostback returns the postback data of a button about one booking
// (a reminder's 「参加します」 or 「キャンセル」): action is BookingCancel or
// BookingAttend. It works from anywhere in the conversation.
func BookingPostback(action string, bookingID int64) string {
	text := "キャンセル"
	if action == BookingAttend {
		text = "参加します"
	}
	return postback{Text: text, Booking: bookingID, Action: action}.encode()
}

// SlotPostback returns the postback data of a slot's 予約する button for
// event id (Slot.Choice.Postback carries it already).
func SlotPostback(eventID int64) string { return slotPostback(eventID, 0, "予約する") }

// slotPostback is the 予約する button's data; replace names the booking a
// change of date replaces (0: none).
func slotPostback(eventID, replace int64, text string) string {
	return postback{Text: text, Event: eventID, Booking: replace}.encode()
}
