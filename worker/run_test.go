package worker_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/worker"
)

// waitSent waits (up to 30 s) until the fake LINE has sent tokens.
func waitSent(t *testing.T, s *sender, tokens ...string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if slices.Equal(s.tokens(false), tokens) {
			return
		}
	}
	t.Fatalf("sent %v, want %v", s.tokens(false), tokens)
}

func TestRunAnswersWhatAcceptEventsWakesItFor(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		// No polling to speak of: only Wake (from AcceptEvents) starts work.
		w := h.newWorker(worker.Config{Poll: time.Hour, Processors: 1})
		ctx, cancel := context.WithCancel(h.ctx)
		done := make(chan struct{})
		go func() { w.Run(ctx); close(done) }()

		h.accept(w, h.message("U1", "研修は何ヶ月ですか", "t1"))
		waitSent(t, h.line, "t1")
		h.accept(w, h.message("U1", "給料はいくらですか", "t2")) // Run is idle by now
		waitSent(t, h.line, "t1", "t2")

		cancel()
		waitFor(t, done, "Run to return")
	})
}
