package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store"
)

// wantEvents checks the audit trail of entry id: one event per change, as
// "actor action version".
func wantEvents(t *testing.T, s *store.Store, id string, want ...string) {
	t.Helper()
	events, err := s.FAQEvents(context.Background(), id)
	must(t, err)
	var got []string
	for _, e := range events {
		got = append(got, fmt.Sprintf("%s %s %d", e.Actor, e.Action, e.Version))
		recent(t, "At", e.At)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("events of %s = %q; want %q", id, got, want)
	}
}

func TestEveryFAQChangeIsAuditedOnce(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seeded, err := s.SeedFAQs(ctx, []faq.FAQ{{ID: "seeded", Category: "c", Question: "Q", Answer: "A", Enabled: true}})
		must(t, err)
		if !seeded {
			t.Fatal("not seeded")
		}
		wantEvents(t, s, "seeded", "seed created 1")

		// Create, edit, switch off, delete: one event each, by who did it.
		f := trainingFAQ()
		f.UpdatedBy = "admin"
		must(t, s.CreateFAQ(ctx, &f))
		f.Answer, f.UpdatedBy = "研修は4ヶ月です。", "UEDITOR"
		must(t, s.UpdateFAQ(ctx, &f))
		f.Enabled, f.UpdatedBy = false, "admin"
		must(t, s.UpdateFAQ(ctx, &f))
		must(t, s.DeleteFAQ(ctx, f.ID, 0, "UDELETER"))
		wantEvents(t, s, f.ID, "admin created 1", "UEDITOR updated 2", "admin updated 3", "UDELETER deleted 3")

		// A change refused leaves no event.
		keep := faq.FAQ{ID: "keep", Category: "c", Question: "Q", Answer: "A", UpdatedBy: "admin"}
		must(t, s.CreateFAQ(ctx, &keep))
		stale := keep
		stale.Version = 0
		wantErr(t, s.UpdateFAQ(ctx, &stale), bot.ErrConflict)
		wantErr(t, s.DeleteFAQ(ctx, keep.ID, 7, "admin"), bot.ErrConflict)
		wantErr(t, s.DeleteFAQ(ctx, "no-such", 0, "admin"), bot.ErrNotFound)
		dup := keep
		wantErr(t, s.CreateFAQ(ctx, &dup), bot.ErrConflict)
		wantEvents(t, s, keep.ID, "admin created 1")
		wantEvents(t, s, "no-such")

		// An import: one event per entry, created or updated, by the importer;
		// entries not in the file have none. The seeded entry is replaced.
		must(t, s.ImportFAQs(ctx, []faq.FAQ{
			{ID: "seeded", Category: "c", Question: "Q2", Answer: "A2"},
			{ID: "fresh", Category: "c", Question: "Q", Answer: "A"},
			{Category: "c", Question: "no id", Answer: "A"},
		}, "cli"))
		wantEvents(t, s, "seeded", "seed created 1", "cli updated 2")
		wantEvents(t, s, "fresh", "cli created 1")
		wantEvents(t, s, keep.ID, "admin created 1")
		list, err := s.ListFAQs(ctx)
		must(t, err)
		for _, e := range list {
			if e.Question == "no id" {
				wantEvents(t, s, e.ID, "cli created 1")
			}
		}

		// Seeding again writes nothing, and records nothing.
		if seeded, err := s.SeedFAQs(ctx, []faq.FAQ{{ID: "late", Category: "c", Question: "Q", Answer: "A"}}); err != nil || seeded {
			t.Errorf("second SeedFAQs = %v, %v", seeded, err)
		}
		wantEvents(t, s, "late")
	})
}

func TestDeleteFAQAtVersion(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := trainingFAQ()
		must(t, s.CreateFAQ(ctx, &f))
		f.UpdatedBy = "UOTHER"
		must(t, s.UpdateFAQ(ctx, &f)) // now at version 2
		rev, err := s.FAQRevision(ctx)
		must(t, err)
		wantErr(t, s.DeleteFAQ(ctx, f.ID, 1, "admin"), bot.ErrConflict)
		if _, err := s.FAQ(ctx, f.ID); err != nil {
			t.Fatalf("a stale deletion deleted: %v", err)
		}
		if now, _ := s.FAQRevision(ctx); now != rev {
			t.Errorf("a stale deletion moved the revision from %d to %d", rev, now)
		}
		must(t, s.DeleteFAQ(ctx, f.ID, 2, "admin"))
		wantErr(t, s.DeleteFAQ(ctx, f.ID, 2, "admin"), bot.ErrNotFound)
		events, err := s.FAQEvents(ctx, f.ID)
		must(t, err)
		if last := events[len(events)-1]; last.Action != store.FAQDeleted || last.Question != f.Question || last.Version != 2 {
			t.Errorf("deletion event = %+v", last)
		}
	})
}
