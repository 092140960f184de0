package slack

import (
	"cmp"
	"context"
	"errors"
	"fmt"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// openThread posts the first message of a handoff's thread, once (like a
// notice), and records where it is so that replies find the handoff.
func (s *Sender) openThread(ctx context.Context, d bot.Delivery) error {
	v, err := s.records.HandoffView(ctx, d.Ref)
	if errors.Is(err, bot.ErrNotFound) {
		return nil
	}
	if err != nil || v.SlackTS != "" {
		return err
	}
	if s.mayHavePosted(d) {
		ts, found, err := s.findPosted(ctx, d.To, metaHandoff, v.ID, d.CreatedAt)
		if err != nil {
			return err
		}
		if found {
			return s.records.SetHandoffThread(ctx, v.ID, d.To, ts)
		}
	}
	ch, ts, err := s.post(ctx, d.To, "", message(handoffText(v), handoffBlocks(v), metadata(metaHandoff, v.ID))...)
	if err != nil {
		return err
	}
	return s.records.SetHandoffThread(ctx, v.ID, ch, ts)
}

// relay posts in the handoff's thread what the candidate said, or a reply
// staff wrote on the admin page (a reply with Staff set).
func (s *Sender) relay(ctx context.Context, d bot.Delivery) error {
	v, err := s.records.HandoffView(ctx, d.Ref)
	if errors.Is(err, bot.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if v.SlackTS == "" {
		return worker.Permanent(fmt.Errorf("slack: handoff %d has no thread", v.ID))
	}
	text, staff := "", ""
	for _, r := range d.Replies {
		text += r.Text
		staff = cmp.Or(staff, r.Staff)
	}
	if staff != "" {
		_, _, err = s.post(ctx, v.SlackChannel, v.SlackTS, message(adminReplyPlain(staff, text), adminReplyBlocks(staff, text))...)
		return err
	}
	_, _, err = s.post(ctx, v.SlackChannel, v.SlackTS, message("候補者より："+clip(text, 200), relayBlocks(text))...)
	return err
}

// closeThread shows in the thread that the handoff is over: the first
// message loses its button and says who closed it, and a reply says so.
func (s *Sender) closeThread(ctx context.Context, d bot.Delivery) error {
	v, err := s.records.HandoffView(ctx, d.Ref)
	if errors.Is(err, bot.ErrNotFound) {
		return nil
	}
	if err != nil || v.SlackTS == "" {
		return err
	}
	if err := s.update(ctx, v.SlackChannel, v.SlackTS, message(handoffText(v), handoffBlocks(v), metadata(metaHandoff, v.ID))...); err != nil {
		return err
	}
	note := closedText(v.Handoff)
	_, _, err = s.post(ctx, v.SlackChannel, v.SlackTS, message(closedPlain(v.Handoff), relayNote(note))...)
	return err
}
