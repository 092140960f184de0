package slack_test

import (
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestNoticeOutlivesALongSlackOutage: Slack answers 500 for over 13 hours
// (80 attempts, beyond the 60 this harness gives a reply); the notice is posted
// once when Slack is back.
func TestNoticeOutlivesALongSlackOutage(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 21)
	e.noSettle = true
	e.slack.Lock()
	e.slack.Fail500 = 1
	e.slack.Unlock()
	app := e.apply("U700", "北見 花子")
	for range 80 {
		e.clock.Advance(10 * time.Minute)
		e.run()
	}
	if n := len(e.notices(app.ID)); n != 0 {
		t.Fatalf("%d notices posted while Slack was down", n)
	}
	e.slack.Lock()
	e.slack.Fail500 = 0
	e.slack.Unlock()
	e.settle()
	if n := len(e.notices(app.ID)); n != 1 {
		t.Fatalf("%d notices after the outage, want 1", n)
	}
}
