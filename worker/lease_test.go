package worker_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// waitFor fails the test unless c yields within 30 s (machines running
// many tests under -race can be slow).
func waitFor[T any](t *testing.T, c <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(30 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

func TestLeasedDeliveryIsLeftToItsWorkerUntilTheLeaseRunsOut(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		h.accept(h.w, h.message("U1", "研修は何ヶ月ですか", "t1"))
		h.process(h.w)
		// Worker A hangs in its send; worker B shares the store.
		started, release := make(chan struct{}), make(chan struct{})
		unblock := sync.OnceFunc(func() { close(release) })
		t.Cleanup(unblock)
		h.line.fail(func(bot.Delivery) error { close(started); <-release; return nil })
		other := &sender{}
		b := h.newWorker(worker.Config{Senders: map[bot.Channel]worker.Sender{bot.ChannelLINE: other}})
		done := make(chan int)
		go func() { n, _ := h.w.DeliverDue(h.ctx); done <- n }()
		waitFor(t, started, "worker A's send")

		h.clock.Advance(10 * time.Second) // a send may take this long: still A's
		if n := h.deliver(b); n != 0 || len(other.attempts()) != 0 {
			t.Fatalf("worker B sent %d deliveries leased to A", n)
		}
		h.clock.Advance(2 * time.Minute) // A is taken for dead
		if n := h.deliver(b); n != 1 || !slices.Equal(other.tokens(false), []string{"t1"}) {
			t.Fatalf("after the lease, worker B sent %d (%v), want t1", n, other.tokens(false))
		}
		if a, b := h.line.attempts()[0], other.attempts()[0]; a.InDoubt || !b.InDoubt {
			t.Errorf("InDoubt = %v for A, %v for B; want false, then true (A may have sent it)", a.InDoubt, b.InDoubt)
		}
		unblock()
		waitFor(t, done, "worker A's DeliverDue")
	})
}

func TestTwoWorkersSendEachDeliveryOnce(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		var want []string
		for i := range 8 {
			tok := fmt.Sprintf("t%d", i)
			want = append(want, tok)
			h.accept(h.w, h.message(fmt.Sprintf("U%d", i), "研修は何ヶ月ですか", tok))
		}
		h.process(h.w)
		b := h.newWorker(worker.Config{}) // the same fake LINE: one record of both
		done := make(chan int)
		for _, w := range []*worker.Worker{h.w, b} {
			go func() { n, _ := w.DeliverDue(h.ctx); done <- n }()
		}
		sent := waitFor(t, done, "a worker") + waitFor(t, done, "the other worker")
		got := h.line.tokens(true)
		slices.Sort(got)
		if sent != 8 || !slices.Equal(got, want) {
			t.Errorf("sent %d, attempts for %v; want each of %v once", sent, got, want)
		}
	})
}

// crashingProfiles brings down the worker that looks a name up: it has
// claimed an event and dies before processing it.
type crashingProfiles struct{}

func (crashingProfiles) DisplayName(context.Context, string) (string, error) { panic("worker died") }

func TestEventOfADeadWorkerIsProcessedByAnotherAfterTheLease(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		follow := h.message("U1", "", "f1")
		follow.Incoming.Kind = bot.KindFollow // a follow's name is looked up first
		h.accept(h.w, follow, h.message("U2", "研修は何ヶ月ですか", "other"))
		dying := h.newWorker(worker.Config{Profiles: map[bot.Channel]worker.ProfileSource{bot.ChannelLINE: crashingProfiles{}}})
		func() {
			defer func() { recover() }()
			dying.ProcessEvents(h.ctx)
			t.Fatal("the dying worker did not take U1's follow")
		}()

		if n := h.process(h.w); n != 1 {
			t.Fatalf("processed %d events while U1's is leased, want U2's only", n)
		}
		h.deliver(h.w)
		h.clock.Advance(10*time.Second - time.Millisecond)
		if n := h.process(h.w); n != 0 {
			t.Fatalf("processed %d events before the 10 s event lease ran out", n)
		}
		h.clock.Advance(time.Millisecond)
		if n := h.process(h.w); n != 1 {
			t.Fatalf("processed %d events after the lease, want U1's follow", n)
		}
		h.deliver(h.w)
		if got := h.line.tokens(false); !slices.Equal(got, []string{"other", "f1"}) {
			t.Errorf("replies sent for %v, want other, then f1", got)
		}
	})
}
