package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store"
)

// trainingFAQ is an entry as staff would write it.
func trainingFAQ() faq.FAQ {
	return faq.FAQ{
		ID: "training-period", Question: "研修期間はどのくらいですか？",
		Alternatives: []string{"研修は何か月", "東京にはどれくらいいますか"},
		Keywords:     []string{"研修", "期間"},
		Answer:       "東京本社での研修は約半年です。", Category: "研修", Enabled: true, UpdatedBy: "U123",
	}
}

func TestFAQCRUD(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := trainingFAQ()
		must(t, s.CreateFAQ(ctx, &f))
		if f.Version != 1 {
			t.Errorf("Version after create = %d, want 1", f.Version)
		}
		recent(t, "UpdatedAt", f.UpdatedAt)

		got, err := s.FAQ(ctx, f.ID)
		must(t, err)
		if !reflect.DeepEqual(got, f) {
			t.Errorf("FAQ = %+v\nwant %+v", got, f)
		}

		dup := trainingFAQ()
		wantErr(t, s.CreateFAQ(ctx, &dup), bot.ErrConflict)

		other := faq.FAQ{Question: "勤務地は？", Answer: "北見です。", Category: "勤務"}
		must(t, s.CreateFAQ(ctx, &other))
		if !strings.HasPrefix(other.ID, "faq-") || len(other.ID) < 5 {
			t.Errorf("assigned ID = %q, want faq-…", other.ID)
		}
		third := faq.FAQ{Question: "給料は？", Answer: "募集要項をご覧ください。", Category: "勤務"}
		must(t, s.CreateFAQ(ctx, &third))
		if third.ID == other.ID {
			t.Errorf("two assigned IDs are both %q", third.ID)
		}

		list, err := s.ListFAQs(ctx)
		must(t, err)
		var ids []string
		for _, e := range list {
			ids = append(ids, e.Category+"/"+e.ID)
		}
		want := []string{"勤務/" + other.ID, "勤務/" + third.ID, "研修/training-period"}
		if other.ID > third.ID {
			want[0], want[1] = want[1], want[0]
		}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("ListFAQs order = %v, want %v", ids, want)
		}

		must(t, s.DeleteFAQ(ctx, other.ID, 0, "U123"))
		_, err = s.FAQ(ctx, other.ID)
		wantErr(t, err, bot.ErrNotFound)
		wantErr(t, s.DeleteFAQ(ctx, other.ID, 0, "U123"), bot.ErrNotFound)
	})
}

func TestFAQEmptyListsRoundTrip(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := faq.FAQ{ID: "bare", Question: "Q", Answer: "A"}
		must(t, s.CreateFAQ(ctx, &f))
		got, err := s.FAQ(ctx, "bare")
		must(t, err)
		if got.Alternatives != nil || got.Keywords != nil || got.Enabled {
			t.Errorf("FAQ = %+v, want no alternatives, no keywords, disabled", got)
		}
		list, err := s.ListFAQs(ctx)
		must(t, err)
		if len(list) != 1 {
			t.Fatalf("ListFAQs returned %d entries, want 1", len(list))
		}
	})
}

func TestFAQUpdateOptimisticLocking(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := trainingFAQ()
		must(t, s.CreateFAQ(ctx, &f))

		mine, theirs := f, f
		mine.Answer, mine.UpdatedBy = "研修は約6か月です。", "U1"
		must(t, s.UpdateFAQ(ctx, &mine))
		if mine.Version != 2 {
			t.Errorf("Version after update = %d, want 2", mine.Version)
		}
		theirs.Answer = "stale"
		wantErr(t, s.UpdateFAQ(ctx, &theirs), bot.ErrConflict)
		if theirs.Version != 1 {
			t.Errorf("a failed update changed Version to %d", theirs.Version)
		}

		got, err := s.FAQ(ctx, f.ID)
		must(t, err)
		if got.Answer != mine.Answer || got.Version != 2 || got.UpdatedBy != "U1" {
			t.Errorf("stored = %+v, want the first update", got)
		}
		sameTime(t, "UpdatedAt", got.UpdatedAt, mine.UpdatedAt)

		gone := faq.FAQ{ID: "nope", Question: "Q", Answer: "A", Version: 1}
		wantErr(t, s.UpdateFAQ(ctx, &gone), bot.ErrNotFound)
	})
}

func TestFAQRevisionChangesWithEveryEdit(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seen := map[int64]string{}
		check := func(step string) {
			t.Helper()
			rev, err := s.FAQRevision(ctx)
			must(t, err)
			if prev, ok := seen[rev]; ok {
				t.Errorf("revision %d after %s is the same as after %s", rev, step, prev)
			}
			seen[rev] = step
		}
		check("nothing")
		f := trainingFAQ()
		must(t, s.CreateFAQ(ctx, &f))
		check("create")
		f.Answer = "changed"
		must(t, s.UpdateFAQ(ctx, &f))
		check("update")
		must(t, s.ImportFAQs(ctx, []faq.FAQ{{ID: "x", Question: "Q", Answer: "A"}}, "cli"))
		check("import")
		must(t, s.DeleteFAQ(ctx, "x", 0, "cli"))
		check("delete")

		stale := f
		stale.Version = 1
		_ = s.UpdateFAQ(ctx, &stale) // a conflict changes nothing
		rev, err := s.FAQRevision(ctx)
		must(t, err)
		if seen[rev] != "delete" {
			t.Errorf("a failed update changed the revision")
		}
	})
}

func TestSeedFAQsOnce(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed := []faq.FAQ{trainingFAQ(), {ID: "place", Question: "勤務地は？", Answer: "北見です。", Enabled: true}}
		seeded, err := s.SeedFAQs(ctx, seed)
		must(t, err)
		if !seeded {
			t.Fatal("first SeedFAQs did not seed")
		}
		got, err := s.FAQ(ctx, "place")
		must(t, err)
		if got.UpdatedBy != "seed" || got.Version != 1 {
			t.Errorf("seeded entry = %+v, want by seed at version 1", got)
		}

		got.Answer = "staff edit"
		must(t, s.UpdateFAQ(ctx, &got))
		must(t, s.DeleteFAQ(ctx, "training-period", 0, "admin"))

		seeded, err = s.SeedFAQs(ctx, seed)
		must(t, err)
		if seeded {
			t.Error("second SeedFAQs seeded again")
		}
		after, err := s.FAQ(ctx, "place")
		must(t, err)
		if after.Answer != "staff edit" {
			t.Errorf("reseeding overwrote a staff edit: %q", after.Answer)
		}
		_, err = s.FAQ(ctx, "training-period")
		wantErr(t, err, bot.ErrNotFound)
	})
}

func TestImportFAQs(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		keep := faq.FAQ{ID: "keep", Question: "Q", Answer: "A"}
		must(t, s.CreateFAQ(ctx, &keep))
		f := trainingFAQ()
		must(t, s.CreateFAQ(ctx, &f))

		changed := trainingFAQ()
		changed.Answer, changed.Keywords = "新しい答え", []string{"研修"}
		fresh := faq.FAQ{Question: "寮はありますか", Answer: "あります。", Enabled: true}
		must(t, s.ImportFAQs(ctx, []faq.FAQ{changed, fresh}, "import"))

		got, err := s.FAQ(ctx, "training-period")
		must(t, err)
		if got.Answer != "新しい答え" || got.Version != 2 || got.UpdatedBy != "import" ||
			!reflect.DeepEqual(got.Keywords, []string{"研修"}) {
			t.Errorf("replaced entry = %+v", got)
		}
		list, err := s.ListFAQs(ctx)
		must(t, err)
		if len(list) != 3 {
			t.Errorf("after import %d entries, want 3 (kept, replaced, new)", len(list))
		}
		if seeded, err := s.SeedFAQs(ctx, []faq.FAQ{{ID: "late", Question: "Q", Answer: "A"}}); err != nil || seeded {
			t.Errorf("SeedFAQs after an import = %v, %v; want false", seeded, err)
		}

		bad := []faq.FAQ{{ID: "ok", Question: "Q", Answer: "A"}, {ID: "keep", Question: "Q", Answer: "A"}, {ID: "ok", Question: "dup", Answer: "A"}}
		must(t, s.ImportFAQs(ctx, bad, "again")) // the same id twice: the last wins
		got, err = s.FAQ(ctx, "ok")
		must(t, err)
		if got.Question != "dup" {
			t.Errorf("duplicate id in one import: Question = %q, want the last", got.Question)
		}
	})
}
