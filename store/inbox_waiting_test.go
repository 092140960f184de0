package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/worker"
)

// claimID claims the next event and returns its id ("" when none is due).
func claimID(t *testing.T, s *store.Store) (worker.Event, string) {
	t.Helper()
	ev, ok, err := s.ClaimNextEvent(context.Background(), time.Minute)
	must(t, err)
	if !ok {
		return ev, ""
	}
	return ev, ev.ID
}

// TestBacklogWaitsAndGoesOnInOrder: a user's events stored one request at
// a time wait behind the first; each finished (done, or given up after
// its attempts) lets the next go on, in order; another user is never held
// up.
func TestBacklogWaitsAndGoesOnInOrder(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for i := range 5 {
			_, err := s.AcceptEvents(ctx, []worker.Event{batchEvent(fmt.Sprint("d", i), "Udeep", "x")})
			must(t, err)
		}
		if n, err := s.WaitingEvents(ctx); err != nil || n != 4 {
			t.Fatalf("waiting = %d (%v); want the 4 behind the first", n, err)
		}
		head, id := claimID(t, s)
		if id != "d0" {
			t.Fatalf("first claim %q; want d0", id)
		}
		_, err := s.AcceptEvents(ctx, []worker.Event{batchEvent("o1", "Uother", "y")})
		must(t, err)
		if _, id := claimID(t, s); id != "o1" {
			t.Fatalf("claim behind the backlog = %q; want o1", id)
		}
		must(t, s.ProcessEvent(ctx, head, func(bot.Tx) error { return nil }))
		next, id := claimID(t, s)
		if id != "d1" {
			t.Fatalf("after d0: %q; want d1", id)
		}
		for range 5 { // d1 fails until it is given up
			must(t, s.FailEvent(ctx, next.ID, "broken"))
		}
		if _, id := claimID(t, s); id != "d2" {
			t.Fatalf("after d1 was given up: %q; want d2", id)
		}
	})
}

// TestSweepReleasesAnOrphanedWaiter: an event left waiting with nothing
// pending before it (its predecessor finished while it was being stored)
// is released by the sweep and claimed.
func TestSweepReleasesAnOrphanedWaiter(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, err := s.AcceptEvents(ctx, []worker.Event{batchEvent("a1", "Uorphan", "x")})
		must(t, err)
		_, err = s.AcceptEvents(ctx, []worker.Event{batchEvent("a2", "Uorphan", "y")})
		must(t, err)
		must(t, s.MarkDoneUnreleased(ctx, "a1"))
		must(t, s.ReleaseWaitingEvents(ctx))
		if _, id := claimID(t, s); id != "a2" {
			t.Fatalf("after the sweep: %q; want a2", id)
		}
	})
}
