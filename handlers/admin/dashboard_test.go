package admin_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/sakemodel/sakebot/bot"
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
