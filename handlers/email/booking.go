package email

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// bookingLetter is the mail about an interview booked or cancelled (the
// booking d.Ref), rendered from the booking and its application as they
// stand; ok is false when either was deleted meanwhile.
func (s *Sender) bookingLetter(ctx context.Context, d bot.Delivery) (letter, bool, error) {
	b, err := s.records.BookingByID(ctx, d.Ref)
	if err != nil {
		return found(letter{}, err)
	}
	a, err := s.records.Application(ctx, b.ApplicationID)
	if errors.Is(err, bot.ErrNotFound) || b.ApplicationID == 0 {
		return letter{}, false, nil
	}
	if err != nil {
		return letter{}, false, err
	}
	return bookingMail(b, a, s.cfg.AdminBaseURL), true, nil
}

// bookingMail tells recruiters that a candidate booked (or cancelled) an
// interview slot.
func bookingMail(b bot.Booking, a bot.Application, base string) letter {
	what := b.Event.Kind.Label() + "の予約"
	if b.State == bot.BookingCancelled {
		what += "のキャンセル"
	}
	var sb strings.Builder
	sb.WriteString("採用担当者各位\n\n" + what + "がありました。\n\n")
	line(&sb, "受付番号", a.Ref)
	line(&sb, "お名前", nameOr(a.Name))
	line(&sb, "日時", bot.FormatEventTime(b.Event.StartsAt, b.Event.EndsAt))
	line(&sb, "タイトル", b.Event.Title)
	if b.Event.Place != "" {
		line(&sb, "場所", b.Event.Place)
	} else {
		line(&sb, "場所", "オンライン")
	}
	sb.WriteString("\n")
	link(&sb, "予約の一覧は管理ページでご確認ください。", base, "/admin/events/"+strconv.FormatInt(b.EventID, 10))
	subject := "【sakebot】" + what + "（受付番号 " + a.Ref + "）"
	return letter{Subject: subject, Body: sb.String() + footer}
}

// staffLetter is a message to recruiters the engine wrote itself (the
// next day's bookings, a warning about the LINE quota): its first line is
// the subject, the whole text the body.
func staffLetter(d bot.Delivery) (letter, bool) {
	var parts []string
	for _, r := range d.Replies {
		if t := strings.TrimSpace(r.Text); t != "" {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		return letter{}, false
	}
	subject, _, _ := strings.Cut(parts[0], "\n")
	body := "採用担当者各位\n\n" + strings.Join(parts, "\n\n") + "\n"
	return letter{Subject: "【sakebot】" + oneLine(truncateRunes(subject, 60)), Body: body + footer}, true
}

// truncateRunes cuts s to at most n characters, marking the cut with "…".
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
