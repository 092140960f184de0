package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store"
)

// recordMiss counts question, its own normalized form, in tx (for calls in
// one expression).
func recordMiss(ctx context.Context, tx bot.Tx, question string) error {
	_, err := tx.RecordMiss(ctx, question, question)
	return err
}

func TestMisses(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-miss")
		record := func(question, normalized string) int64 {
			t.Helper()
			var id int64
			inTx(t, s, key, func(tx bot.Tx) error {
				var err error
				id, err = tx.RecordMiss(ctx, question, normalized)
				return err
			})
			return id
		}
		dorm := record("寮はありますか？", "寮はありますか")
		if dorm == 0 {
			t.Fatal("RecordMiss returned no id")
		}
		if again := record("寮はありますか", "寮はありますか"); again != dorm {
			t.Errorf("the same miss asked again has id %d, want %d", again, dorm)
		}
		must(t, s.RecordMiss(ctx, "寮、ありますか", "寮はありますか")) // the CLI's path
		car := record("車は必要？", "車は必要")
		if car == dorm || car == 0 {
			t.Errorf("another miss has id %d (the first: %d)", car, dorm)
		}
		record("車は必要？？", "車は必要")
		record("雪は多い？", "雪は多い")
		if id := record("  ", ""); id != 0 { // nothing to count
			t.Errorf("an empty question has miss id %d, want 0", id)
		}

		misses, err := s.ListMisses(ctx, 0)
		must(t, err)
		if len(misses) != 3 {
			t.Fatalf("ListMisses = %+v, want 3 misses", misses)
		}
		if misses[0].Question != "寮はありますか？" || misses[0].Count != 3 || misses[0].ID != dorm {
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

		// Asked again: back on the list, under the same id.
		if id := record("寮は？", "寮はありますか"); id != dorm {
			t.Errorf("a dismissed miss asked again has id %d, want %d", id, dorm)
		}
		back, err := s.ListMisses(ctx, 0)
		must(t, err)
		if len(back) != 3 || back[0].ID != misses[0].ID || back[0].Count != 4 {
			t.Errorf("a dismissed miss asked again: ListMisses = %+v", back)
		}
	})
}

// picksOf formats the picks of each listed miss, by question, as
// "faq×count" most picked first.
func picksOf(t *testing.T, s *store.Store, limit int) map[string]string {
	t.Helper()
	misses, err := s.ListMisses(context.Background(), limit)
	must(t, err)
	out := map[string]string{}
	for _, m := range misses {
		out[m.Question] = ""
		for _, p := range m.Picks {
			out[m.Question] += fmt.Sprintf("%s×%d ", p.FAQID, p.Count)
		}
	}
	return out
}

// addFAQs stores an entry for each id.
func addFAQs(t *testing.T, s *store.Store, ids ...string) {
	t.Helper()
	for _, id := range ids {
		f := faq.FAQ{ID: id, Question: id + "は？", Answer: "はい。", Enabled: true, UpdatedBy: "test"}
		must(t, s.CreateFAQ(context.Background(), &f))
	}
}

func TestMissPicks(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-pick")
		addFAQs(t, s, "housing", "rent", "kitami", "commute", "winter")
		var dorm, car, snow int64
		inTx(t, s, key, func(tx bot.Tx) error {
			var e1, e2, e3 error
			dorm, e1 = tx.RecordMiss(ctx, "寮はある？", "寮はある")
			car, e2 = tx.RecordMiss(ctx, "車いる？", "車いる")
			snow, e3 = tx.RecordMiss(ctx, "雪は？", "雪は")
			return errorsJoin(e1, e2, e3)
		})
		pick := func(miss int64, faqIDs ...string) {
			t.Helper()
			inTx(t, s, key, func(tx bot.Tx) error {
				for _, id := range faqIDs {
					if err := tx.RecordMissPick(ctx, miss, id); err != nil {
						return err
					}
				}
				return nil
			})
		}
		pick(dorm, "housing", "rent", "housing", "housing", "rent", "kitami")
		pick(car, "commute")
		// Nothing to record: no miss, an unknown (purged) one, no entry.
		pick(0, "housing")
		pick(999999, "housing")
		pick(car, "")

		got := picksOf(t, s, 0)
		want := map[string]string{"寮はある？": "housing×3 rent×2 kitami×1 ", "車いる？": "commute×1 ", "雪は？": ""}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("picks = %q\nwant %q", got, want)
		}
		// A page of misses carries its own picks.
		if got := picksOf(t, s, 1); len(got) != 1 {
			t.Errorf("ListMisses(1) picks = %q", got)
		}
		// The fast lane's transaction records them too.
		b, err := s.BeginBatch(ctx)
		must(t, err)
		must(t, b.RecordMissPick(ctx, snow, "winter"))
		must(t, b.Commit())
		if got := picksOf(t, s, 0)["雪は？"]; got != "winter×1 " {
			t.Errorf("picks recorded in a batch = %q", got)
		}
		// A dismissed miss keeps its picks for when it is asked again.
		must(t, s.DismissMiss(ctx, car))
		if _, ok := picksOf(t, s, 0)["車いる？"]; ok {
			t.Error("a dismissed miss is listed")
		}
		inTx(t, s, key, func(tx bot.Tx) error { return recordMiss(ctx, tx, "車いる") })
		if got := picksOf(t, s, 0)["車いる？"]; got != "commute×1 " {
			t.Errorf("picks of a miss asked again = %q", got)
		}
		// Rolled back with the turn.
		err = s.InTx(ctx, key, func(tx bot.Tx) error {
			must(t, tx.RecordMissPick(ctx, car, "commute"))
			return errBoom
		})
		wantErr(t, err, errBoom)
		if got := picksOf(t, s, 0)["車いる？"]; got != "commute×1 " {
			t.Errorf("picks after a rollback = %q", got)
		}
	})
}

func TestMissPicksGoWithTheirEntry(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-pick-gone")
		addFAQs(t, s, "dorm", "rent")
		inTx(t, s, key, func(tx bot.Tx) error {
			id, err := tx.RecordMiss(ctx, "寮の家賃", "寮の家賃")
			return errorsJoin(err, tx.RecordMissPick(ctx, id, "dorm"), tx.RecordMissPick(ctx, id, "dorm"), tx.RecordMissPick(ctx, id, "rent"),
				tx.RecordMissPick(ctx, id, "never-stored")) // deleted as the student picked it
		})
		if got := picksOf(t, s, 0)["寮の家賃"]; got != "dorm×2 rent×1 " {
			t.Errorf("picks = %q, want dorm and rent (no entry that is not stored)", got)
		}
		must(t, s.DeleteFAQ(ctx, "dorm", 0, "admin"))
		if got := picksOf(t, s, 0)["寮の家賃"]; got != "rent×1 " {
			t.Errorf("picks after the entry was deleted = %q, want only rent", got)
		}
		// An entry made later under the deleted one's id starts with no picks.
		addFAQs(t, s, "dorm")
		if got := picksOf(t, s, 0)["寮の家賃"]; got != "rent×1 " {
			t.Errorf("picks after the id was reused = %q, want only rent", got)
		}
	})
}
