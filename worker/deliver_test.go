package worker_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

var errDown = errors.New("503 service unavailable")

// failFirst fails the first n sends with err, then accepts.
func failFirst(n int, err error) func(bot.Delivery) error {
	return func(bot.Delivery) error {
		if n > 0 {
			n--
			return err
		}
		return nil
	}
}

func TestDeliveryIsRetriedAfterBackoff(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		h.line.fail(failFirst(1, errDown))
		h.accept(h.w, h.message("U1", "研修は何ヶ月ですか", "t1"))
		h.process(h.w)
		if n := h.deliver(h.w); n != 0 {
			t.Fatalf("sent %d, want the first attempt to fail", n)
		}
		h.clock.Advance(999 * time.Millisecond)
		if h.deliver(h.w); len(h.line.attempts()) != 1 {
			t.Fatalf("retried before the 1 s backoff: %d attempts", len(h.line.attempts()))
		}
		h.clock.Advance(time.Millisecond)
		if n := h.deliver(h.w); n != 1 {
			t.Fatalf("sent %d after the backoff, want 1", n)
		}
		a := h.line.attempts()
		if len(a) != 2 || a[1].Attempts != 1 || a[1].RetryKey == "" || a[1].RetryKey != a[0].RetryKey || a[1].InDoubt {
			t.Errorf("attempts %+v: want a second one with Attempts 1, the first's RetryKey, not in doubt", a)
		}
	})
}

func TestPermanentErrorIsGivenUpAtOnce(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		h.line.fail(func(d bot.Delivery) error {
			if d.ReplyToken == "t1" {
				return worker.Permanent(errors.New("400 bad request"))
			}
			return nil
		})
		h.accept(h.w, h.message("U1", "研修は何ヶ月ですか", "t1"), h.message("U1", "給料はいくらですか", "t2"))
		h.process(h.w)
		h.deliver(h.w)
		h.clock.Advance(time.Hour)
		h.deliver(h.w)
		// t1 is tried once and dropped, so t2 (behind it) goes out.
		if got, want := h.line.tokens(true), []string{"t1", "t2"}; !slices.Equal(got, want) {
			t.Errorf("attempts for %v, want %v", got, want)
		}
	})
}

func TestRetryAfterIsHonoured(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		h.line.fail(failFirst(1, worker.RetryAfter(errors.New("429 too many requests"), 30*time.Second)))
		h.accept(h.w, h.message("U1", "研修は何ヶ月ですか", "t1"))
		h.process(h.w)
		h.deliver(h.w)
		h.clock.Advance(29 * time.Second) // far past the 1 s backoff
		if h.deliver(h.w); len(h.line.attempts()) != 1 {
			t.Fatalf("retried before Retry-After: %d attempts", len(h.line.attempts()))
		}
		h.clock.Advance(time.Second)
		if n := h.deliver(h.w); n != 1 {
			t.Fatalf("sent %d once Retry-After passed, want 1", n)
		}
	})
}

func TestRepliesAndRecruiterDeliveriesHaveTheirOwnMaxAttempts(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		w := h.newWorker(worker.Config{MaxAttempts: 3, StaffMaxAttempts: 5})
		h.line.fail(func(bot.Delivery) error { return errDown })
		h.slack.fail(func(bot.Delivery) error { return errDown })
		// Asking for a person: a reply to the user and a thread for recruiters.
		h.accept(w, h.message("U1", "担当者と話したい", "t1"))
		h.process(w)
		for range 20 {
			h.deliver(w)
			h.clock.Advance(10 * time.Minute) // past any backoff
		}
		if n := len(h.line.attempts()); n != 3 {
			t.Errorf("the reply was tried %d times, want MaxAttempts = 3", n)
		}
		staff := h.slack.attempts()
		if len(staff) != 5 {
			t.Errorf("the recruiters' delivery was tried %d times, want StaffMaxAttempts = 5", len(staff))
		}
		for _, d := range staff {
			if d.Kind == bot.DeliveryReply || d.Key != recruiters.Key() {
				t.Fatalf("delivery to recruiters %+v: want another kind, to %v", d, recruiters.Key())
			}
		}
	})
}
