package main

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestFAQFileCarriesConcepts checks that `sakebot faq export` writes the
// seeded concepts and `sakebot faq import` reads them back, with entries'
// offer_person, audited as done by "cli", on both engines.
func TestFAQFileCarriesConcepts(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		ctx := context.Background()
		env := map[string]string{"DATABASE_URL": url}
		dir := t.TempDir()
		exported := filepath.Join(dir, "export.yaml")
		out, err := cli(t, env, "", "faq", "export", exported)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "concepts to") {
			t.Errorf("export said %q", out)
		}
		data, err := os.ReadFile(exported)
		if err != nil {
			t.Fatal(err)
		}
		file, err := faqfile.DecodeFile(strings.NewReader(string(data)))
		if err != nil {
			t.Fatalf("the export does not decode: %v", err)
		}
		defaults := faqfile.DefaultConcepts() // the store lists them by name
		slices.SortFunc(defaults, func(a, b faq.Concept) int { return strings.Compare(a.Name, b.Name) })
		if !reflect.DeepEqual(file.Concepts, defaults) || len(file.FAQs) != len(faqfile.Default()) {
			t.Errorf("exported %d entries and %d concepts; want the defaults", len(file.FAQs), len(file.Concepts))
		}

		path := filepath.Join(dir, "faq.yaml")
		yaml := strings.Join([]string{
			"faqs:",
			"  - id: dorm",
			"    category: 暮らし",
			"    question: 寮はありますか",
			"    answer: 社宅があります。詳しくは担当者にお尋ねください。",
			"    offer_person: true",
			"concepts:",
			"  - name: 事務所",
			"    words: [事務所, 職場]",
			"  - name: 社員旅行",
			"    words: [社員旅行, 旅行, 慰安旅行]",
		}, "\n") + "\n"
		if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err = cli(t, env, "", "faq", "import", path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "imported 1 entries and 2 concepts") {
			t.Errorf("import said %q", out)
		}

		s := storetest.Open(t, url, storetest.Now)
		f, err := s.FAQ(ctx, "dorm")
		if err != nil || !f.OfferPerson {
			t.Fatalf("imported entry %+v, %v; want OfferPerson", f, err)
		}
		concepts, err := s.ListConcepts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]string{}
		for _, c := range concepts {
			byName[c.Name] = strings.Join(c.Words, "|") + " by " + c.UpdatedBy
		}
		if byName["事務所"] != "事務所|職場 by cli" || byName["社員旅行"] != "社員旅行|旅行|慰安旅行 by cli" ||
			len(concepts) != len(faqfile.DefaultConcepts())+1 {
			t.Errorf("concepts after import: %v", byName)
		}
		events, err := s.ConceptEvents(ctx, "事務所")
		if err != nil || len(events) != 2 || events[0].Actor != "seed" || events[1].Actor != "cli" || events[1].Action != "updated" {
			t.Errorf("audit of 事務所: %+v, %v", events, err)
		}

		bad := filepath.Join(dir, "bad.yaml")
		os.WriteFile(bad, []byte("concepts:\n  - name: 一語\n    words: [一語]\n"), 0o600)
		_, err = cli(t, env, "", "faq", "import", bad)
		if err == nil || !strings.Contains(err.Error(), "line 3: words: must have at least 2 different words") {
			t.Fatalf("want a line-level error, got %v", err)
		}
	})
}
