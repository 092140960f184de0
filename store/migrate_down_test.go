package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

// TestMigrationsGoDownAndUp: every migration can be undone and applied
// again on both engines (with rows in every table the later ones add);
// below version 8 a picked entry ('chosen') is counted as answered.
func TestMigrationsGoDownAndUp(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		inTx(t, s, lineUser("U-mig"), func(tx bot.Tx) error {
			miss, err := tx.RecordMiss(ctx, "研修は？", "研修は")
			return errorsJoin(err, tx.RecordQuestion(ctx, bot.ChannelLINE, "answered", "training"),
				tx.RecordQuestion(ctx, bot.ChannelLINE, bot.OutcomeChosen, "training"),
				tx.RecordMissPick(ctx, miss, "training"))
		})
		addVisitorLine(t, s, "v-mig", "c-1", "研修は？")
		addBotLine(t, s, "v-mig", 1, []bot.Reply{{Text: "あります"}})
		_, err := s.WebChatSecret(ctx)
		must(t, err)
		questions := func() string {
			g, err := s.Gauges(ctx)
			must(t, err)
			return fmt.Sprint(g.Questions)
		}
		if got := questions(); got != "map[answered:1 chosen:1]" {
			t.Fatalf("logged %s", got)
		}
		must(t, s.DownTo(ctx, 7))
		if got := questions(); got != "map[answered:2]" {
			t.Errorf("at version 7: %s, want map[answered:2]", got)
		}
		must(t, s.DownTo(ctx, 0))
		must(t, s.Migrate(ctx))
		must(t, s.Ready(ctx))
	})
}
