package webchat

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Hub tells the streams of a visitor that their conversation has new
// lines. Lines written in this process are announced at once (Notify);
// those written by other replicas are found by polling the log for
// recent lines while any stream is open.
type Hub struct {
	mu   sync.Mutex
	subs map[string]map[chan struct{}]struct{}
}

// NewHub returns an empty Hub.
func NewHub() *Hub { return &Hub{subs: map[string]map[chan struct{}]struct{}{}} }

// Notify wakes the streams of visitor.
func (h *Hub) Notify(visitor string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[visitor] {
		select {
		case ch <- struct{}{}:
		default: // already woken
		}
	}
}

// subscribe returns a channel woken when visitor has new lines, and the
// function that ends the subscription.
func (h *Hub) subscribe(visitor string) (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	if h.subs[visitor] == nil {
		h.subs[visitor] = map[chan struct{}]struct{}{}
	}
	h.subs[visitor][ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.subs[visitor], ch)
		if len(h.subs[visitor]) == 0 {
			delete(h.subs, visitor)
		}
	}
}

// listening reports whether any stream is open.
func (h *Hub) listening() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs) > 0
}

// RecentLines finds the visitors with lines written since a time, for
// the Hub's poll (lines another replica wrote).
type RecentLines interface {
	WebVisitorsSince(ctx context.Context, since time.Time) ([]string, error)
}

// Poll wakes, every interval until ctx ends, the streams of visitors with
// lines written in the last few intervals, while any stream is open.
// Waking a stream with nothing new costs it one query and shows nothing
// twice (each stream reads after its own cursor); looking back several
// intervals covers a line whose transaction committed late.
func (h *Hub) Poll(ctx context.Context, lines RecentLines, interval time.Duration, now func() time.Time, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if !h.listening() {
			continue
		}
		visitors, err := lines.WebVisitorsSince(ctx, now().Add(-5*interval))
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("web chat poll", "err", err)
			}
			continue
		}
		for _, v := range visitors {
			h.Notify(v)
		}
	}
}
