package slack_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestSlackEditKeepsOfferPerson: the FAQ modal has no box for the
// 「担当者と話す」 button; editing an entry in Slack keeps it as stored (and
// the modal says so), and an entry added in Slack has none.
func TestSlackEditKeepsOfferPerson(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 31)
		ctx := context.Background()
		f := faq.FAQ{ID: "pets", Category: "暮らし", Question: "ペットは飼えますか？",
			Answer: "住まいによります。担当者にご相談ください。", OfferPerson: true, Enabled: true, UpdatedBy: "admin"}
		if err := e.store.CreateFAQ(ctx, &f); err != nil {
			t.Fatal(err)
		}

		e.command(staffUser, "faq edit pets")
		modal := e.lastModal()
		raw, _ := json.Marshal(modal["blocks"])
		if !strings.Contains(string(raw), "「担当者と話す」ボタンが添えられます") {
			t.Errorf("the modal does not say the button is kept: %s", raw)
		}
		meta, _ := modal["private_metadata"].(string)
		edited := "ペットの可否は住まいによります。"
		_, out := e.interact(e.submission(staffUser, meta, map[string]string{"question": f.Question, "answer": edited, "category": f.Category}))
		if out["response_action"] != "update" {
			t.Fatalf("edit: %v", out)
		}
		got, err := e.store.FAQ(ctx, "pets")
		if err != nil {
			t.Fatal(err)
		}
		if got.Answer != edited || !got.OfferPerson || got.UpdatedBy != staffUser || got.Version != 2 {
			t.Errorf("after the Slack edit: %+v; want the new answer and OfferPerson kept", got)
		}

		// An entry without the button: no note, and it stays without.
		got.OfferPerson = false
		if err := e.store.UpdateFAQ(ctx, &got); err != nil {
			t.Fatal(err)
		}
		e.command(staffUser, "faq edit pets")
		modal = e.lastModal()
		if raw, _ := json.Marshal(modal["blocks"]); strings.Contains(string(raw), "担当者と話す") {
			t.Errorf("the modal mentions a button the entry does not have: %s", raw)
		}
		meta, _ = modal["private_metadata"].(string)
		_, out = e.interact(e.submission(staffUser, meta, map[string]string{"question": f.Question, "answer": "変更", "category": f.Category}))
		if out["response_action"] != "update" {
			t.Fatalf("second edit: %v", out)
		}
		if got, _ := e.store.FAQ(ctx, "pets"); got.OfferPerson || got.Answer != "変更" {
			t.Errorf("after the second edit: %+v", got)
		}

		// Added in Slack: no button.
		e.command(staffUser, "faq add")
		_, out = e.interact(e.submission(staffUser, "{}", map[string]string{"question": "社員旅行はありますか？",
			"answer": "はい、あります。", "category": "会社について"}))
		if out["response_action"] != "update" {
			t.Fatalf("add: %v", out)
		}
		faqs, _ := e.store.ListFAQs(ctx)
		for _, f := range faqs {
			if f.Question == "社員旅行はありますか？" && f.OfferPerson {
				t.Errorf("an entry added in Slack offers a person: %+v", f)
			}
		}
	})
}
