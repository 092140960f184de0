package calendar

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"
	"github.com/sakemodel/sakebot/bot"
)

// prodID names sakebot as the files' producer.
const prodID = "-//sakemodel//sakebot//JA"

// howToChange ends a student's event description: what to say to the bot.
const howToChange = "予約の確認・キャンセル・日程の変更は、チャットで「予約の確認」「キャンセル」「日程を変更」とお送りください。"

// bookingCalendar is the .ics file of one booking, as its student gets it.
func bookingCalendar(b bot.Booking, now time.Time) string {
	cal := newCalendar()
	ev := addEvent(cal, b, now)
	ev.SetSummary(cleanText(b.Event.Kind.Label() + "：" + b.Event.Title))
	ev.SetDescription(cleanText(joinLines(b.Event.Note, meetingLine(b.Event), howToChange)))
	return serialize(cal)
}

// feedCalendar is the staff's calendar of bookings: each names the
// student, so only staff hold its address.
func feedCalendar(bookings []bot.Booking, now time.Time) string {
	cal := newCalendar()
	cal.SetName("sakebot 予約（スタッフ用）")
	cal.SetXWRCalName("sakebot 予約（スタッフ用）")
	cal.SetRefreshInterval("PT1H", ics.WithValue(string(ics.ValueDataTypeDuration)))
	cal.SetXPublishedTTL("PT1H")
	for _, b := range bookings {
		ev := addEvent(cal, b, now)
		name := b.Name
		if name == "" {
			name = "（名前なし）"
		}
		ev.SetSummary(cleanText(b.Event.Kind.Label() + "：" + b.Event.Title + "（" + name + "）"))
		ev.SetDescription(cleanText(joinLines("予約者："+name, "予約の状態："+b.State.Label(),
			"予約番号："+strconv.FormatInt(b.ID, 10), meetingLine(b.Event), b.Event.Note)))
	}
	return serialize(cal)
}

// newCalendar is an empty calendar published by sakebot.
func newCalendar() *ics.Calendar {
	cal := ics.NewCalendarFor("sakemodel")
	cal.SetProductId(prodID)
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	return cal
}

// addEvent adds b's event with what both files share: the UID, the times
// in UTC, the place and address, and whether it stands.
func addEvent(cal *ics.Calendar, b bot.Booking, now time.Time) *ics.VEvent {
	ev := cal.AddEvent("booking-" + strconv.FormatInt(b.ID, 10) + "@sakebot")
	ev.SetDtStampTime(now)
	ev.SetStartAt(b.Event.StartsAt)
	ev.SetEndAt(b.Event.EndsAt)
	modified := b.UpdatedAt
	if b.Event.UpdatedAt.After(modified) {
		modified = b.Event.UpdatedAt
	}
	if !modified.IsZero() {
		ev.SetLastModifiedAt(modified)
	}
	place := b.Event.Place
	if place == "" && b.Event.URL != "" {
		place = "オンライン"
	}
	if place != "" {
		ev.SetLocation(cleanText(place))
	}
	if u := webURL(b.Event.URL); u != "" {
		ev.SetURL(u)
	}
	status := ics.ObjectStatusConfirmed
	if b.State == bot.BookingCancelled || b.Event.State == bot.EventCancelled {
		status = ics.ObjectStatusCancelled
	}
	ev.SetStatus(status)
	return ev
}

// meetingLine is the online meeting's address, as a line of a description.
func meetingLine(e bot.Event) string {
	if u := webURL(e.URL); u != "" {
		return "オンライン：" + u
	}
	return ""
}

// webURL is s when it is an http(s) address, else "".
func webURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	return u.String()
}

// joinLines joins the non-empty lines.
func joinLines(lines ...string) string {
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// cleanText makes staff's or a student's text fit a TEXT value: line
// breaks as "\n" (the library escapes them), every other control
// character dropped.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\n' || r == '\t':
			return r
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return -1
		}
		return r
	}, s)
}

// serialize writes cal with CRLF line endings (RFC 5545 §3.1).
func serialize(cal *ics.Calendar) string {
	return cal.Serialize(ics.WithNewLineWindows)
}
