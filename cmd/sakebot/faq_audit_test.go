package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestFAQImportIsAudited checks that `sakebot faq import` records one
// audit entry per entry in the file, by "cli", on both engines.
func TestFAQImportIsAudited(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		env := map[string]string{"DATABASE_URL": url}
		path := filepath.Join(t.TempDir(), "faq.yaml")
		yaml := "- id: dorm\n  category: 暮らし\n  question: 寮はありますか\n  answer: 社宅があります。\n" +
			"- id: training-period\n  category: 研修\n  question: 研修の期間は？\n  answer: 4ヶ月です。\n"
		if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := cli(t, env, "", "faq", "import", path); err != nil {
			t.Fatal(err)
		}
		s := storetest.Open(t, url, storetest.Now)
		for id, want := range map[string][]string{
			"dorm":            {"cli created 1"},
			"training-period": {"seed created 1", "cli updated 2"},
			"kitami-winter":   {"seed created 1"},
		} {
			events, err := s.FAQEvents(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if len(events) != len(want) {
				t.Fatalf("%s: %d events %+v; want %q", id, len(events), events, want)
			}
			for i, ev := range events {
				if got := ev.Actor + " " + ev.Action + " " + strconv.Itoa(ev.Version); got != want[i] {
					t.Errorf("%s event %d = %q; want %q", id, i, got, want[i])
				}
			}
		}
	})
}
