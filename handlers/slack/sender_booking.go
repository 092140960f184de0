package slack

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
	"github.com/slack-go/slack"
)

// Bookings is what the Sender reads to tell recruiters of an interview
// booking (part of Records).
type Bookings interface {
	// BookingByID returns one booking with its Event, or bot.ErrNotFound.
	BookingByID(ctx context.Context, id int64) (bot.Booking, error)
}

// sendBookingNotice tells recruiters that a candidate booked or cancelled
// an interview (Ref: the booking), as a reply in the thread of the
// application's notice: 「面談の予約：12月10日(木) 14:00〜15:00（SK-2026-0001）」.
// It is rendered from the booking as it stands when sent. An application
// without a notice in Slack gets a message of its own in the channel; a
// booking or application deleted meanwhile (the candidate was forgotten)
// is not posted.
func (s *Sender) sendBookingNotice(ctx context.Context, d bot.Delivery) error {
	b, err := s.records.BookingByID(ctx, d.Ref)
	if errors.Is(err, bot.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if b.ApplicationID == 0 {
		return worker.Permanent(fmt.Errorf("slack: booking %d belongs to no application", b.ID))
	}
	a, err := s.records.Application(ctx, b.ApplicationID)
	if errors.Is(err, bot.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	channel, thread := a.SlackChannel, a.SlackTS
	if thread == "" {
		channel = d.To
	}
	if channel == "" {
		return worker.Permanent(fmt.Errorf("slack: application %d has no notice and the delivery no channel", a.ID))
	}
	text, blocks := bookingNotice(b, a, thread == "")
	_, _, err = s.post(ctx, channel, thread, message(text, blocks)...)
	return err
}

// bookingNotice is the thread reply's plain text and blocks; alone adds
// the candidate's name, for a message outside the application's thread.
func bookingNotice(b bot.Booking, a bot.Application, alone bool) (string, []slack.Block) {
	what := b.Event.Kind.Label() + "の予約"
	if b.State == bot.BookingCancelled {
		what += "キャンセル"
	}
	line := what + "：" + bot.FormatEventTime(b.Event.StartsAt, b.Event.EndsAt) + "（" + a.Ref + "）"
	if alone {
		line = a.Name + "さん " + line
	}
	var details []string
	if b.Event.Title != "" {
		details = append(details, mrkdwnText(b.Event.Title, maxSlotText))
	}
	if b.Event.Place != "" {
		details = append(details, mrkdwnText(b.Event.Place, maxSlotText))
	} else if b.Event.URL != "" {
		details = append(details, "オンライン")
	}
	blocks := []slack.Block{section(mrkdwnText(line, maxSectionText))}
	if len(details) > 0 {
		blocks = append(blocks, contextBlock(strings.Join(details, "・")))
	}
	return line, blocks
}

// sendStaffMessage posts replies to recruiters (To: the notify channel):
// the evening list of the next day's bookings, a quota warning.
func (s *Sender) sendStaffMessage(ctx context.Context, d bot.Delivery) error {
	if d.To == "" {
		return worker.Permanent(errors.New("slack: a staff message without a channel"))
	}
	var texts []string
	var blocks []slack.Block
	for _, r := range d.Replies {
		if r.Text == "" {
			continue
		}
		texts = append(texts, r.Text)
		blocks = append(blocks, section(longText(r.Text, maxSectionText)))
	}
	if len(blocks) == 0 {
		return nil
	}
	_, _, err := s.post(ctx, d.To, "", message(strings.Join(texts, "\n"), blocks)...)
	return err
}
