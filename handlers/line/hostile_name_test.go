package line_test

import (
	"context"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestHostileDisplayNameIsCleaned: a LINE display name with a NUL and a
// right-to-left override is stored without them (PostgreSQL refuses NUL),
// and the student's consent and form go on.
func TestHostileDisplayNameIsCleaned(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.api.Lock()
		e.api.DisplayName = "北見\u0000\u202E花子"
		e.api.Unlock()
		e.send(e.event("follow", "Uname", nil))
		e.send(e.text("Uname", "応募したい"))
		e.tap("Uname", "同意する")
		g, err := e.store.Gauges(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if g.InboxPending != 0 {
			t.Fatalf("%d events still pending: the name was not stored", g.InboxPending)
		}
		key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "Uname"}
		err = e.store.InTx(context.Background(), key, func(tx bot.Tx) error {
			c, err := tx.Candidate(context.Background(), key)
			if err == nil && c.DisplayName != "北見花子" {
				t.Errorf("stored display name %q, want 北見花子", c.DisplayName)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
