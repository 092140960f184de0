package bot_test

import (
	"context"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

func TestForgetRetractsPosts(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withNotify(h)
		ctx := context.Background()
		h.fillForm()
		h.tap("この内容で応募する", "受付番号は")
		app := h.applications()[0]
		h.say("担当者と話したい", "採用担当者におつなぎします")
		hand := h.openHandoffOf()
		if err := h.store.SetApplicationNotice(ctx, app.ID, "CRECRUIT", "1700000000.000100"); err != nil {
			t.Fatal(err)
		}
		if err := h.store.SetHandoffThread(ctx, hand.ID, "CRECRUIT", "1700000000.000200"); err != nil {
			t.Fatal(err)
		}
		h.drain()
		deleted, err := h.eng.ForgetCandidate(ctx, h.key, "cli")
		if err != nil || !deleted {
			t.Fatalf("forget: %v %v", deleted, err)
		}
		ds := h.drain()
		got := map[string]bool{}
		for _, d := range ds {
			if d.Kind != bot.DeliveryRetract || d.To != "CRECRUIT" || d.Key != notifyTo.Key() {
				t.Fatalf("delivery %+v", d)
			}
			got[d.Thread] = true
		}
		if len(ds) != 2 || !got["1700000000.000100"] || !got["1700000000.000200"] {
			t.Fatalf("retractions: %+v", ds)
		}
		if len(h.applications()) != 0 {
			t.Fatal("application kept")
		}
	})
}
