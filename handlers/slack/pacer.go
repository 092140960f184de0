package slack

import (
	"context"
	"sync"
	"time"
)

// pacer spaces the messages this process posts to one channel: Slack
// allows about one a second per channel (short bursts pass; a 429 is
// retried by the outbox anyway).
type pacer struct {
	gap  time.Duration
	mu   sync.Mutex
	next map[string]time.Time // channel → when the next message may go
}

func newPacer(gap time.Duration) *pacer { return &pacer{gap: gap, next: map[string]time.Time{}} }

// wait blocks until a message may go to channel, reserving its slot.
func (p *pacer) wait(ctx context.Context, channel string) error {
	if p.gap <= 0 {
		return nil
	}
	p.mu.Lock()
	now := time.Now()
	at := p.next[channel]
	if at.Before(now) {
		at = now
	}
	p.next[channel] = at.Add(p.gap)
	p.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}
