package store_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store"
)

// officeConcept is a concept as staff would write it.
func officeConcept() faq.Concept {
	return faq.Concept{Name: "事務所", Words: []string{"事務所", "職場", "オフィス"}}
}

// conceptNames lists the names of concepts, with their words.
func conceptNames(cs []faq.Concept) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name+"="+strings.Join(c.Words, "|"))
	}
	return out
}

// wantConcepts fails the test unless the stored concepts are want (name=word|word…).
func wantConcepts(t *testing.T, s *store.Store, want ...string) []faq.Concept {
	t.Helper()
	got, err := s.ListConcepts(context.Background())
	must(t, err)
	if names := conceptNames(got); !reflect.DeepEqual(names, want) && !(len(names) == 0 && len(want) == 0) {
		t.Errorf("ListConcepts = %q, want %q", names, want)
	}
	return got
}

// wantConceptEvents fails the test unless events are want ("actor action question").
func wantConceptEvents(t *testing.T, what string, events []store.FAQEvent, err error, want ...string) {
	t.Helper()
	must(t, err)
	var got []string
	for _, ev := range events {
		got = append(got, ev.Actor+" "+ev.Action+" "+ev.Question)
	}
	if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("%s events = %q, want %q", what, got, want)
	}
}

func TestConceptCRUD(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		wantConcepts(t, s)

		must(t, s.SaveConcept(ctx, officeConcept(), "U1"))
		must(t, s.SaveConcept(ctx, faq.Concept{Name: " 面接 ", Words: []string{" 面接", "面談 "}}, "admin"))
		must(t, s.SaveConcept(ctx, faq.Concept{Name: "休み", Words: []string{"休み", "休日", "休暇"}, UpdatedBy: "ignored"}, "admin"))
		got := wantConcepts(t, s, "事務所=事務所|職場|オフィス", "休み=休み|休日|休暇", "面接=面接|面談")
		if got[0].UpdatedBy != "U1" || got[1].UpdatedBy != "admin" {
			t.Errorf("UpdatedBy = %q, %q; want the actor", got[0].UpdatedBy, got[1].UpdatedBy)
		}
		recent(t, "UpdatedAt", got[0].UpdatedAt)

		// Saving an existing name replaces its words.
		c := officeConcept()
		c.Words = append(c.Words, "サテライトオフィス")
		must(t, s.SaveConcept(ctx, c, "admin"))
		got = wantConcepts(t, s, "事務所=事務所|職場|オフィス|サテライトオフィス", "休み=休み|休日|休暇", "面接=面接|面談")
		if got[0].UpdatedBy != "admin" {
			t.Errorf("UpdatedBy after an edit = %q", got[0].UpdatedBy)
		}

		must(t, s.DeleteConcept(ctx, "休み", "admin"))
		wantConcepts(t, s, "事務所=事務所|職場|オフィス|サテライトオフィス", "面接=面接|面談")
		wantErr(t, s.DeleteConcept(ctx, "休み", "admin"), bot.ErrNotFound)
	})
}

func TestSaveConceptValidates(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		must(t, s.SaveConcept(ctx, officeConcept(), "U1"))
		rev, err := s.FAQRevision(ctx)
		must(t, err)
		for _, c := range []faq.Concept{
			{Name: "", Words: []string{"a", "b"}},
			{Name: "事務所", Words: []string{"事務所"}},
			{Name: "事務所", Words: []string{"事務所", "  "}},
			{Name: "事務所", Words: []string{"事務所", "職\x00場"}},
			{Name: "長い", Words: []string{"a", strings.Repeat("長", faq.MaxConceptWordLength+1)}},
		} {
			err := s.SaveConcept(ctx, c, "U2")
			var invalid *faq.ValidationError
			if !errors.As(err, &invalid) || len(invalid.Problems) == 0 {
				t.Errorf("SaveConcept(%q) = %v, want a *faq.ValidationError", c.Words, err)
			}
		}
		wantConcepts(t, s, "事務所=事務所|職場|オフィス")
		after, err := s.FAQRevision(ctx)
		must(t, err)
		if after != rev {
			t.Errorf("a refused concept moved the revision from %d to %d", rev, after)
		}
		events, err := s.ConceptEvents(ctx, "事務所")
		wantConceptEvents(t, "事務所", events, err, "U1 created 事務所、職場、オフィス")
	})
}

func TestConceptChangesMoveTheRevision(t *testing.T) {
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
		must(t, s.SaveConcept(ctx, officeConcept(), "admin"))
		check("create")
		c := officeConcept()
		c.Words = c.Words[1:]
		must(t, s.SaveConcept(ctx, c, "admin"))
		check("update")
		must(t, s.DeleteConcept(ctx, c.Name, "admin"))
		check("delete")
		seeded, err := s.SeedConcepts(ctx, []faq.Concept{officeConcept()})
		must(t, err)
		if !seeded {
			t.Fatal("SeedConcepts did not seed")
		}
		check("seed")
		must(t, s.ImportFAQFile(ctx, nil, []faq.Concept{{Name: "面接", Words: []string{"面接", "面談"}}}, "cli"))
		check("import")
	})
}

func TestConceptAuditTrail(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// An entry and a concept of the same name keep their own trails.
		f := faq.FAQ{ID: "wifi", Category: "c", Question: "Wi-Fiはありますか", Answer: "あります。", UpdatedBy: "U1"}
		must(t, s.CreateFAQ(ctx, &f))
		must(t, s.SaveConcept(ctx, faq.Concept{Name: "wifi", Words: []string{"Wi-Fi", "ネット"}}, "U1"))
		must(t, s.SaveConcept(ctx, faq.Concept{Name: "wifi", Words: []string{"Wi-Fi", "ネット", "回線"}}, "admin"))
		must(t, s.DeleteConcept(ctx, "wifi", "U9"))

		events, err := s.ConceptEvents(ctx, "wifi")
		wantConceptEvents(t, "concept wifi", events, err,
			"U1 created Wi-Fi、ネット", "admin updated Wi-Fi、ネット、回線", "U9 deleted Wi-Fi、ネット、回線")
		for _, ev := range events {
			if ev.Kind != store.FAQEventConcept || ev.FAQID != "wifi" || ev.Version != 0 {
				t.Errorf("concept event %+v", ev)
			}
			recent(t, "At", ev.At)
		}
		events, err = s.FAQEvents(ctx, "wifi")
		wantConceptEvents(t, "entry wifi", events, err, "U1 created Wi-Fiはありますか")
		if len(events) == 1 && events[0].Kind != store.FAQEventEntry {
			t.Errorf("entry event kind = %q", events[0].Kind)
		}
	})
}

func TestSeedConceptsOnce(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// A database seeded with the FAQ before concepts existed still
		// gets them once.
		if _, err := s.SeedFAQs(ctx, []faq.FAQ{trainingFAQ()}); err != nil {
			t.Fatal(err)
		}
		seed := []faq.Concept{officeConcept(), {Name: "面接", Words: []string{"面接", "面談"}}}
		seeded, err := s.SeedConcepts(ctx, seed)
		must(t, err)
		if !seeded {
			t.Fatal("first SeedConcepts did not seed")
		}
		got := wantConcepts(t, s, "事務所=事務所|職場|オフィス", "面接=面接|面談")
		if got[0].UpdatedBy != "seed" {
			t.Errorf("seeded by %q", got[0].UpdatedBy)
		}
		events, err := s.ConceptEvents(ctx, "面接")
		wantConceptEvents(t, "面接", events, err, "seed created 面接、面談")

		// Staff edits and deletions survive the next start.
		must(t, s.DeleteConcept(ctx, "面接", "admin"))
		must(t, s.SaveConcept(ctx, faq.Concept{Name: "事務所", Words: []string{"事務所", "職場"}}, "admin"))
		seeded, err = s.SeedConcepts(ctx, seed)
		must(t, err)
		if seeded {
			t.Error("second SeedConcepts seeded again")
		}
		wantConcepts(t, s, "事務所=事務所|職場")
	})
}

func TestSeedConceptsRefusesInvalid(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, err := s.SeedConcepts(ctx, []faq.Concept{officeConcept(), {Name: "一語", Words: []string{"一語"}}})
		var invalid *faq.ValidationError
		if !errors.As(err, &invalid) {
			t.Fatalf("SeedConcepts = %v, want a *faq.ValidationError", err)
		}
		wantConcepts(t, s)
		seeded, err := s.SeedConcepts(ctx, []faq.Concept{officeConcept()})
		must(t, err)
		if !seeded {
			t.Error("a failed seed counted as seeded")
		}
	})
}

func TestImportFAQFile(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		must(t, s.SaveConcept(ctx, officeConcept(), "admin"))
		must(t, s.SaveConcept(ctx, faq.Concept{Name: "休み", Words: []string{"休み", "休日"}}, "admin"))

		// Without concepts: an old file says nothing about them.
		must(t, s.ImportFAQFile(ctx, []faq.FAQ{trainingFAQ()}, nil, "cli"))
		wantConcepts(t, s, "事務所=事務所|職場|オフィス", "休み=休み|休日")

		// With concepts: created or replaced by name, the others stay,
		// the last of a name wins, all audited by the importer.
		concepts := []faq.Concept{
			{Name: "休み", Words: []string{"休み", "休日", "休暇", "有給"}, UpdatedBy: "someone"},
			{Name: "面接", Words: []string{"面接", "面談"}},
			{Name: "面接", Words: []string{"面接", "面談", "選考"}},
		}
		must(t, s.ImportFAQFile(ctx, nil, concepts, "cli"))
		got := wantConcepts(t, s, "事務所=事務所|職場|オフィス", "休み=休み|休日|休暇|有給", "面接=面接|面談|選考")
		if got[1].UpdatedBy != "cli" {
			t.Errorf("imported by %q, want cli", got[1].UpdatedBy)
		}
		events, err := s.ConceptEvents(ctx, "面接")
		wantConceptEvents(t, "面接", events, err, "cli created 面接、面談", "cli updated 面接、面談、選考")
		events, err = s.ConceptEvents(ctx, "休み")
		wantConceptEvents(t, "休み", events, err, "admin created 休み、休日", "cli updated 休み、休日、休暇、有給")
		// The database has concepts from a file: no defaults on top.
		if seeded, err := s.SeedConcepts(ctx, []faq.Concept{{Name: "default", Words: []string{"a", "b"}}}); err != nil || seeded {
			t.Errorf("SeedConcepts after an import = %v, %v; want false", seeded, err)
		}

		// One refused concept: nothing of the file is imported.
		fresh := faq.FAQ{ID: "fresh", Question: "Q", Answer: "A"}
		err = s.ImportFAQFile(ctx, []faq.FAQ{fresh}, []faq.Concept{{Name: "ok", Words: []string{"a", "b"}}, {Name: "", Words: []string{"a", "b"}}}, "cli")
		var invalid *faq.ValidationError
		if !errors.As(err, &invalid) {
			t.Fatalf("ImportFAQFile with a bad concept = %v", err)
		}
		_, err = s.FAQ(ctx, "fresh")
		wantErr(t, err, bot.ErrNotFound)
		wantConcepts(t, s, "事務所=事務所|職場|オフィス", "休み=休み|休日|休暇|有給", "面接=面接|面談|選考")
	})
}

func TestImportWithoutConceptsLeavesThemToSeed(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		must(t, s.ImportFAQs(ctx, []faq.FAQ{trainingFAQ()}, "cli"))
		seeded, err := s.SeedConcepts(ctx, []faq.Concept{officeConcept()})
		must(t, err)
		if !seeded {
			t.Error("an import without concepts kept the default concepts out")
		}
	})
}

func TestFAQOfferPerson(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := trainingFAQ()
		f.OfferPerson = true
		must(t, s.CreateFAQ(ctx, &f))
		got, err := s.FAQ(ctx, f.ID)
		must(t, err)
		if !reflect.DeepEqual(got, f) {
			t.Errorf("FAQ = %+v\nwant %+v", got, f)
		}
		plain := faq.FAQ{ID: "plain", Question: "Q", Answer: "A"}
		must(t, s.CreateFAQ(ctx, &plain))
		offered := func() map[string]bool {
			t.Helper()
			list, err := s.ListFAQs(ctx)
			must(t, err)
			out := map[string]bool{}
			for _, e := range list {
				out[e.ID] = e.OfferPerson
			}
			return out
		}
		if o := offered(); !o[f.ID] || o["plain"] {
			t.Errorf("ListFAQs OfferPerson = %v", o)
		}

		f.OfferPerson = false
		must(t, s.UpdateFAQ(ctx, &f))
		plain.OfferPerson = true
		must(t, s.UpdateFAQ(ctx, &plain))
		if o := offered(); o[f.ID] || !o["plain"] {
			t.Errorf("after updates OfferPerson = %v", o)
		}

		imported := trainingFAQ()
		imported.OfferPerson = true
		fresh := faq.FAQ{ID: "fresh", Question: "Q", Answer: "A", OfferPerson: true}
		must(t, s.ImportFAQs(ctx, []faq.FAQ{imported, fresh}, "cli"))
		if o := offered(); !o[f.ID] || !o["fresh"] || !o["plain"] {
			t.Errorf("after import OfferPerson = %v", o)
		}
	})
}

func TestSeedFAQsWritesOfferPerson(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seeded, err := s.SeedFAQs(ctx, []faq.FAQ{{ID: "seeded", Question: "Q", Answer: "A", OfferPerson: true}})
		must(t, err)
		got, err := s.FAQ(ctx, "seeded")
		must(t, err)
		if !seeded || !got.OfferPerson {
			t.Errorf("seeded %v: %+v", seeded, got)
		}
	})
}

// TestConceptMigrationGoesDownAndUp: below version 9 there are no
// concepts, no OfferPerson and no concept events; going up again starts
// with none, ready to be seeded.
func TestConceptMigrationGoesDownAndUp(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := trainingFAQ()
		f.OfferPerson = true
		must(t, s.CreateFAQ(ctx, &f))
		if seeded, err := s.SeedConcepts(ctx, []faq.Concept{officeConcept()}); err != nil || !seeded {
			t.Fatalf("SeedConcepts = %v, %v", seeded, err)
		}
		must(t, s.DownTo(ctx, 8))
		must(t, s.Migrate(ctx))
		got, err := s.FAQ(ctx, f.ID)
		must(t, err)
		if got.OfferPerson {
			t.Error("OfferPerson survived going down and up")
		}
		wantConcepts(t, s)
		events, err := s.FAQEvents(ctx, f.ID)
		wantConceptEvents(t, "entry", events, err, "U123 created 研修期間はどのくらいですか？")
		events, err = s.ConceptEvents(ctx, "事務所")
		wantConceptEvents(t, "concept", events, err)
		if seeded, err := s.SeedConcepts(ctx, []faq.Concept{officeConcept()}); err != nil || !seeded {
			t.Errorf("SeedConcepts after going down and up = %v, %v; want a seed", seeded, err)
		}
	})
}
