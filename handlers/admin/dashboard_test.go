package admin_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// TestDashboardListsWaitingCandidates shows a candidate who asked for a
// person, with why and where it stands, in Japanese.
func TestDashboardListsWaitingCandidates(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-h"}
		err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
			return tx.RecordHandoff(ctx, &bot.Handoff{Key: key, Reason: bot.HandoffAsked, Question: "面談の日程を相談したいです"})
		})
		if err != nil {
			t.Fatal(err)
		}
		r := e.get("/admin/")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "担当者との会話を希望", "対応待ち", "面談の日程を相談したいです")
	})
}

// TestDashboardCountsEveryoneWhoWrote counts, as 「話しかけてくれた方」,
// every student who wrote to the bot, not only those who went on to
// consent to the application form.
func TestDashboardCountsEveryoneWhoWrote(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		for i, lines := range [][]string{{"研修はありますか"}, {"寮はありますか", "ありがとう"}, {"応募したい", "はい"}} {
			visitor := fmt.Sprintf("visitor-%d", i)
			events := []worker.Event{{ID: "web:" + visitor + ":open",
				Incoming: bot.Incoming{Key: bot.UserKey{Channel: bot.ChannelWeb, UserID: visitor}, Kind: bot.KindOpen}}}
			for j, text := range lines {
				events = append(events, worker.Event{ID: fmt.Sprintf("web:%s:%d", visitor, j),
					Incoming: bot.Incoming{Key: bot.UserKey{Channel: bot.ChannelWeb, UserID: visitor}, Kind: bot.KindMessage, Text: text}})
			}
			if _, err := e.store.AcceptEvents(ctx, events); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e.worker.ProcessEvents(ctx); err != nil {
			t.Fatal(err)
		}
		consented := bot.UserKey{Channel: bot.ChannelWeb, UserID: "visitor-2"}
		var c bot.Candidate
		err := e.store.InTx(ctx, consented, func(tx bot.Tx) (err error) {
			c, err = tx.Candidate(ctx, consented)
			return err
		})
		if err != nil || c.ConsentAt.IsZero() {
			t.Fatalf("the third student did not consent: %+v %v", c, err)
		}
		r := e.get("/admin/")
		wantBody(t, r, `<p class="stat-label">話しかけてくれた方</p>
    <p class="stat-value">3<small>人</small></p>`, `<td data-label="話しかけてくれた方" class="num">3人</td>`)
	})
}
