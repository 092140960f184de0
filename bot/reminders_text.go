package bot

import (
	"fmt"
	"strings"
	"time"
)

// RetryKey is the outbox retry key of the reminder k of booking b: a UUID
// (as LINE's X-Line-Retry-Key must be) derived from the booking, the same
// on every attempt and from every replica, so a retried LINE push is shown
// once. The booking's creation time keeps it from repeating in another
// database whose booking ids start over.
func (k ReminderKind) RetryKey(b Booking) string {
	return nameUUID(fmt.Sprintf("sakebot reminder %s %d %d", k, b.ID, b.CreatedAt.UnixMicro()))
}

// The buttons of a reminder.
const (
	labelAttend        = "参加します"
	labelCancelBooking = "キャンセル"
)

// reminderReply is the reminder k of booking b, sent at now: what, when,
// where, and the 「参加します」/「キャンセル」 buttons.
func reminderReply(b Booking, k ReminderKind, now time.Time) Reply {
	ev := b.Event
	var sb strings.Builder
	switch {
	case k == ReminderHour:
		fmt.Fprintf(&sb, "まもなく%s「%s」が始まります。\n", ev.Kind.Label(), ev.Title)
	case StartOfDayJST(ev.StartsAt).Equal(StartOfDayJST(now)):
		fmt.Fprintf(&sb, "本日は%s「%s」の日です。\n", ev.Kind.Label(), ev.Title)
	default:
		fmt.Fprintf(&sb, "明日は%s「%s」の日です。\n", ev.Kind.Label(), ev.Title)
	}
	fmt.Fprintf(&sb, "日時：%s\n", FormatEventTime(ev.StartsAt, ev.EndsAt))
	if ev.Place != "" {
		fmt.Fprintf(&sb, "場所：%s\n", ev.Place)
	}
	if ev.URL != "" {
		fmt.Fprintf(&sb, "オンライン：%s\n", ev.URL)
	}
	sb.WriteString("ご参加いただける場合は「参加します」を、ご都合が悪くなった場合は「キャンセル」を押してください。")
	return Reply{Text: sb.String(), Choices: []Choice{
		{Label: labelAttend, Text: labelAttend, Postback: BookingPostback(BookingAttend, b.ID)},
		{Label: labelCancelBooking, Text: labelCancelBooking, Postback: BookingPostback(BookingCancel, b.ID)},
	}}
}
