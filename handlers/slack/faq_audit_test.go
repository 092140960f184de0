package slack_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestFAQModalRulesAndAudit checks that the modal applies the FAQ's rules
// (faq.Validate), that a refused change leaves no audit entry, and that
// each saved change leaves exactly one, naming the Slack user.
func TestFAQModalRulesAndAudit(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 7)
		ctx := context.Background()
		trail := func(id string) string {
			t.Helper()
			events, err := e.store.FAQEvents(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ev := range events {
				got = append(got, fmt.Sprintf("%s %s %d", ev.Actor, ev.Action, ev.Version))
			}
			return strings.Join(got, ", ")
		}

		// Each box says its first problem, as the admin page does.
		_, out := e.interact(e.submission(staffUser, "{}", map[string]string{"question": "寮はありますか？",
			"alternatives": strings.Repeat("寮の言い方\n", 51), "answer": "あります。", "category": strings.Repeat("暮", 51)}))
		errs, _ := out["errors"].(map[string]any)
		if out["response_action"] != "errors" || !strings.Contains(fmt.Sprint(errs["alternatives"]), "50件まで") ||
			!strings.Contains(fmt.Sprint(errs["category"]), "カテゴリは50文字以内") || len(errs) != 2 {
			t.Fatalf("invalid submission: %v", out)
		}

		// Edit a seeded entry: one event by the staff member.
		e.command(staffUser, "faq edit kitami-winter")
		meta, _ := e.lastModal()["private_metadata"].(string)
		f, err := e.store.FAQ(ctx, "kitami-winter")
		if err != nil {
			t.Fatal(err)
		}
		_, out = e.interact(e.submission(staffUser, meta, map[string]string{"question": f.Question,
			"alternatives": strings.Join(f.Alternatives, "\n"), "answer": "北見の冬はとても寒いです。", "category": f.Category}))
		if out["response_action"] != "update" {
			t.Fatalf("edit: %v", out)
		}
		// A stale deletion (the confirmation showed version 1) deletes nothing and records nothing.
		e.interact(e.click(staffUser, "faq_delete", "kitami-winter:1", "C0CMD", "1700000000.000001"))
		if _, err := e.store.FAQ(ctx, "kitami-winter"); err != nil {
			t.Fatalf("a stale deletion deleted: %v", err)
		}
		if got, want := trail("kitami-winter"), "seed created 1, "+staffUser+" updated 2"; got != want {
			t.Errorf("audit trail = %q; want %q", got, want)
		}
		e.interact(e.click(staffUser, "faq_delete", "kitami-winter:2", "C0CMD", "1700000000.000002"))
		if got, want := trail("kitami-winter"), "seed created 1, "+staffUser+" updated 2, "+staffUser+" deleted 2"; got != want {
			t.Errorf("audit trail = %q; want %q", got, want)
		}
	})
}
