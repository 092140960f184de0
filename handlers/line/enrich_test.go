package line_test

import (
	"context"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestSlowProfileDoesNotBlockOthers: the LINE API holds a new follower's
// profile look-up for 5 s (the bot gives up after 3 s). Meanwhile another
// student's question is answered: the look-up happens before the event's
// transaction, so no lock (SQLite's single write lock above all) waits on
// the network.
func TestSlowProfileDoesNotBlockOthers(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.api.Lock()
		e.api.ProfileDelay = 5 * time.Second
		e.api.Unlock()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); e.worker.Run(ctx) }()
		t.Cleanup(func() { cancel(); <-done })

		if code := e.post(callback(e.event("follow", "Uslowprofile", nil))); code != 200 {
			t.Fatalf("follow: %d", code)
		}
		waitFor(t, "the profile look-up to be held", func() bool { return e.api.HeldProfiles() == 1 })
		question := e.text("Uquick", "研修は何ヶ月ですか")
		token := question["replyToken"].(string)
		if code := e.post(callback(question)); code != 200 {
			t.Fatalf("question: %d", code)
		}
		waitFor(t, "the question's answer", func() bool {
			for _, c := range e.api.Delivered() {
				if c.Body["replyToken"] == token {
					return true
				}
			}
			return false
		})
		// The follow is still being looked up: its event is not processed yet.
		g, err := e.store.Gauges(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if g.InboxPending != 1 {
			t.Errorf("when the question was answered, %d events were pending, want 1 (the follow, still looking up)", g.InboxPending)
		}
		// The bot gives up on the name after 3 s and greets without it.
		waitFor(t, "the greeting", func() bool { return len(e.api.Delivered()) == 2 })
	})
}

// waitFor polls cond for up to a minute: under the race detector on a
// 2-core machine the fast lane's first batch took twelve seconds to reach
// the inbox lock of TestFastLaneOnlyStoresUnderABacklog.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
