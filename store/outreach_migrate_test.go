package store_test

import (
	"context"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// outreachRows stores a segment, a broadcast and a rule, each sent to c,
// and returns the broadcast and the rule.
func outreachRows(t testing.TB, s *store.Store, c bot.Candidate) (bot.Broadcast, bot.Rule) {
	t.Helper()
	seg := saveSegment(t, s, bot.Segment{Name: "全員"})
	b := saveBroadcast(t, s, bot.Broadcast{Title: "お知らせ", SegmentID: seg.ID, Message: bot.Announcement{Text: "本文"}}, "create")
	r := rule(t, s, bot.Rule{Trigger: bot.TriggerFollow, SegmentID: seg.ID})
	queue(t, s, b, c, outreachT0)
	sendRule(t, s, r, c)
	return b, r
}

// TestOutreachMigrationGoesDownAndUp: migration 18 can be undone with
// outreach rows in its tables, and applied again.
func TestOutreachMigrationGoesDownAndUp(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		outreachRows(t, s, addCandidate(t, s, lineUser("U-mig")))
		must(t, s.DownTo(ctx, 17))
		must(t, s.Migrate(ctx))
		must(t, s.Ready(ctx))
		segs, err := s.ListSegments(ctx)
		must(t, err)
		if len(segs) != 0 {
			t.Errorf("segments after down and up: %+v", segs)
		}
	})
}

// TestOutreachRecipientsArePurged: the retention purge takes a candidate's
// recipient rows with the candidate; the broadcast and the rule stay.
func TestOutreachRecipientsArePurged(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		old := student(t, s, clock, lineUser("U-old"), outreachT0.Add(-400*day))
		clock.Set(outreachT0)
		b, r := outreachRows(t, s, old)
		if _, err := s.Purge(ctx, outreachT0.Add(-300*day)); err != nil {
			t.Fatal(err)
		}
		stats, err := s.BroadcastStats(ctx, b.ID)
		must(t, err)
		counts, err := s.RuleSentCounts(ctx)
		must(t, err)
		if stats.Recipients != 0 || len(counts) != 0 {
			t.Errorf("after purge: stats %+v, rule counts %v", stats, counts)
		}
		if _, err := s.BroadcastByID(ctx, b.ID); err != nil {
			t.Error(err)
		}
		if _, err := s.RuleByID(ctx, r.ID); err != nil {
			t.Error(err)
		}
	})
}
