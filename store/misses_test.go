package store_test

import (
	"context"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

func TestMisses(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-miss")
		record := func(question, normalized string) {
			t.Helper()
			inTx(t, s, key, func(tx bot.Tx) error { return tx.RecordMiss(ctx, question, normalized) })
		}
		record("寮はありますか？", "寮はありますか")
		record("寮はありますか", "寮はありますか")
		must(t, s.RecordMiss(ctx, "寮、ありますか", "寮はありますか")) // the CLI's path
		record("車は必要？", "車は必要")
		record("車は必要？？", "車は必要")
		record("雪は多い？", "雪は多い")
		record("  ", "") // nothing to count

		misses, err := s.ListMisses(ctx, 0)
		must(t, err)
		if len(misses) != 3 {
			t.Fatalf("ListMisses = %+v, want 3 misses", misses)
		}
		if misses[0].Question != "寮はありますか？" || misses[0].Count != 3 {
			t.Errorf("first miss = %+v, want the first wording counted 3 times", misses[0])
		}
		if misses[1].Count != 2 || misses[2].Count != 1 {
			t.Errorf("counts = %d, %d; want 2, 1", misses[1].Count, misses[2].Count)
		}
		recent(t, "FirstAt", misses[0].FirstAt)
		if misses[0].LastAt.Before(misses[0].FirstAt) {
			t.Errorf("LastAt %v before FirstAt %v", misses[0].LastAt, misses[0].FirstAt)
		}

		top, err := s.ListMisses(ctx, 2)
		must(t, err)
		if len(top) != 2 || top[0].ID != misses[0].ID {
			t.Errorf("ListMisses(2) = %+v", top)
		}

		must(t, s.DismissMiss(ctx, misses[0].ID))
		left, err := s.ListMisses(ctx, 10)
		must(t, err)
		if len(left) != 2 || left[0].ID != misses[1].ID {
			t.Errorf("after dismissing, ListMisses = %+v", left)
		}
		wantErr(t, s.DismissMiss(ctx, 999999), bot.ErrNotFound)

		record("寮は？", "寮はありますか") // asked again: back on the list
		back, err := s.ListMisses(ctx, 0)
		must(t, err)
		if len(back) != 3 || back[0].ID != misses[0].ID || back[0].Count != 4 {
			t.Errorf("a dismissed miss asked again: ListMisses = %+v", back)
		}
	})
}
