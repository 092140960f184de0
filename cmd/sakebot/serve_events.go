package main

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line"
)

// eventsTick is how often serve looks for reminders and the digest due.
const eventsTick = time.Minute

// eventsRunner returns the serve runner that, every minute until its
// context ends, queues the reminders due (Engine.SendReminders, checked
// against the LINE quota when LINE is on) and the recruiters' evening
// list (Engine.SendDigest), which the worker's outbox poll delivers.
// Every replica runs it: each reminder and each day's list is queued once.
func eventsRunner(a *app, lc *line.Client) func(context.Context) error {
	var quota bot.Quota
	if lc != nil {
		quota = lc
	}
	return func(ctx context.Context) error {
		t := time.NewTicker(eventsTick)
		defer t.Stop()
		for {
			a.sendEventMessages(ctx, quota)
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
			}
		}
	}
}

// sendEventMessages is one round of eventsRunner; errors are logged and
// the next round tries again.
func (a *app) sendEventMessages(ctx context.Context, quota bot.Quota) {
	if _, err := a.engine.SendReminders(ctx, quota); err != nil && ctx.Err() == nil {
		a.log.Warn("reminders", "err", err)
	}
	if _, err := a.engine.SendDigest(ctx); err != nil && ctx.Err() == nil {
		a.log.Warn("digest", "err", err)
	}
}
