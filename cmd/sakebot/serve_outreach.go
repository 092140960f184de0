package main

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line"
)

// outreachTick is how often serve looks for broadcasts and automatic
// messages due: a broadcast sent "now" starts within it.
const outreachTick = 10 * time.Second

// outreachRunner returns the serve runner that, every outreachTick until
// its context ends, queues the broadcasts and automatic messages due
// (Outreach.Run, checked against the LINE quota when LINE is on), which
// the worker's outbox poll delivers. Every replica runs it: each student
// gets each broadcast and each rule's message once.
func outreachRunner(a *app, lc *line.Client) func(context.Context) error {
	var quota bot.Quota
	if lc != nil {
		quota = lc
	}
	return func(ctx context.Context) error {
		t := time.NewTicker(outreachTick)
		defer t.Stop()
		for {
			if _, err := a.outreach.Run(ctx, quota); err != nil && ctx.Err() == nil {
				a.log.Warn("outreach", "err", err)
			}
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
			}
		}
	}
}
