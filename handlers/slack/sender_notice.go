package slack

import (
	"context"
	"errors"
	"fmt"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// sendNotice posts a new application to recruiters, once: an application
// that has a notice already is skipped, and when an earlier attempt may
// have posted without recording it, the channel is searched for the
// notice's metadata first. An application deleted meanwhile (the candidate
// asked to be forgotten) is not posted.
func (s *Sender) sendNotice(ctx context.Context, d bot.Delivery) error {
	a, err := s.records.Application(ctx, d.Ref)
	if errors.Is(err, bot.ErrNotFound) {
		return nil
	}
	if err != nil || a.SlackTS != "" {
		return err
	}
	if s.mayHavePosted(d) {
		ts, found, err := s.findPosted(ctx, d.To, metaApplication, a.ID, d.CreatedAt)
		if err != nil {
			return err
		}
		if found {
			s.log.Info("slack: notice was posted before; recorded it", "application", a.ID)
			return s.records.SetApplicationNotice(ctx, a.ID, d.To, ts)
		}
	}
	events, err := s.records.ApplicationEvents(ctx, a.ID)
	if err != nil && !errors.Is(err, bot.ErrNotFound) {
		return err
	}
	ch, ts, err := s.post(ctx, d.To, "", message(noticeText(a), noticeBlocks(a, lastStatusChange(events)), metadata(metaApplication, a.ID))...)
	if err != nil {
		return err
	}
	// A failure here is retried: the next attempt finds the notice by its metadata.
	return s.records.SetApplicationNotice(ctx, a.ID, ch, ts)
}

// updateNotice shows an application's status on its notice (chat.update).
func (s *Sender) updateNotice(ctx context.Context, d bot.Delivery) error {
	a, err := s.records.Application(ctx, d.Ref)
	if errors.Is(err, bot.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if a.SlackTS == "" {
		return worker.Permanent(fmt.Errorf("slack: application %d has no notice to update", a.ID))
	}
	events, err := s.records.ApplicationEvents(ctx, a.ID)
	if err != nil {
		return err
	}
	return s.update(ctx, a.SlackChannel, a.SlackTS, message(noticeText(a), noticeBlocks(a, lastStatusChange(events)),
		metadata(metaApplication, a.ID))...)
}
