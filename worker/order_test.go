package worker_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/worker"
)

func TestEventsOfOneUserAreAnsweredInOrder(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		h.accept(h.w,
			h.message("U1", "研修は何ヶ月ですか", "u1-1"),
			h.message("U1", "給料はいくらですか", "u1-2"),
			h.message("U1", "勤務地はどこですか", "u1-3"))
		if n := h.process(h.w); n != 3 {
			t.Fatalf("processed %d events, want 3", n)
		}
		if n := h.deliver(h.w); n != 3 {
			t.Fatalf("sent %d deliveries, want 3", n)
		}
		if got, want := h.line.tokens(false), []string{"u1-1", "u1-2", "u1-3"}; !slices.Equal(got, want) {
			t.Errorf("replies sent for %v, want %v", got, want)
		}
		for _, d := range h.line.delivered() {
			if d.Kind != bot.DeliveryReply || d.Key != lineUser("U1") || len(d.Replies) == 0 {
				t.Errorf("delivery %+v: want a non-empty reply to U1", d)
			}
		}
	})
}

// failingInbox is the store as the worker's inbox, except that the
// transaction of one event (the first of user's it is given) fails every time,
// after the worker's turn ran in it: as a write the database refuses would.
type failingInbox struct {
	*store.Store
	user bot.UserKey

	mu       sync.Mutex
	poisoned int64 // the seq of the failing event (0: not seen yet)
	tries    int   // attempts at it
}

func (in *failingInbox) ProcessEvent(ctx context.Context, ev worker.Event, fn func(bot.Tx) error) error {
	in.mu.Lock()
	poison := ev.Incoming.Key == in.user && (in.poisoned == 0 || in.poisoned == ev.Seq)
	if poison {
		in.poisoned = ev.Seq
		in.tries++
	}
	in.mu.Unlock()
	return in.Store.ProcessEvent(ctx, ev, func(tx bot.Tx) error {
		if err := fn(tx); err != nil || !poison {
			return err
		}
		return errors.New("injected failure")
	})
}

func (in *failingInbox) attempts() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.tries
}

func TestFailingEventBlocksOnlyItsUserAndIsGivenUp(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		inbox := &failingInbox{Store: h.store, user: lineUser("BAD")}
		w := h.newWorker(worker.Config{Inbox: inbox})
		h.accept(w,
			h.message("BAD", "研修は何ヶ月ですか", "bad-1"), // fails every time
			h.message("OK", "研修は何ヶ月ですか", "ok-1"),
			h.message("BAD", "給料はいくらですか", "bad-2"), // waits behind bad-1
			h.message("OK", "給料はいくらですか", "ok-2"),
			h.message("OK", "勤務地はどこですか", "ok-3"))

		// The other user is answered at once, in order; BAD's events wait.
		if n := h.process(w); n != 3 {
			t.Fatalf("processed %d events, want OK's 3", n)
		}
		h.deliver(w)
		if got, want := h.line.tokens(false), []string{"ok-1", "ok-2", "ok-3"}; !slices.Equal(got, want) {
			t.Fatalf("replies sent for %v, want %v", got, want)
		}
		if inbox.attempts() != 1 {
			t.Fatalf("bad-1 tried %d times, want 1", inbox.attempts())
		}

		// Backoff: not again at once, again after a second.
		h.clock.Advance(999 * time.Millisecond)
		h.process(w)
		if inbox.attempts() != 1 {
			t.Fatalf("bad-1 retried before its backoff (%d attempts)", inbox.attempts())
		}
		h.clock.Advance(time.Millisecond)
		h.process(w)
		if inbox.attempts() != 2 {
			t.Fatalf("bad-1 tried %d times after its backoff, want 2", inbox.attempts())
		}

		// Given up after 5 attempts; then BAD's next event is answered.
		for range 10 {
			h.clock.Advance(5 * time.Minute)
			h.process(w)
		}
		if inbox.attempts() != 5 {
			t.Errorf("bad-1 tried %d times, want 5 (then given up)", inbox.attempts())
		}
		h.deliver(w)
		if got, want := h.line.tokens(false), []string{"ok-1", "ok-2", "ok-3", "bad-2"}; !slices.Equal(got, want) {
			t.Errorf("replies sent for %v, want %v", got, want)
		}
	})
}
