package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// submission is a view_submission of the FAQ modal by user with the
// modal's private_metadata and the boxes' values (block id → text).
func (e *env) submission(user, meta string, values map[string]string) map[string]any {
	state := map[string]any{}
	for block, v := range values {
		state[block] = map[string]any{"value": map[string]any{"type": "plain_text_input", "value": v}}
	}
	return map[string]any{
		"type": "view_submission", "user": map[string]any{"id": user}, "team": map[string]any{"id": "T1"},
		"api_app_id": "A1", "trigger_id": fmt.Sprint("trigger-", e.seq.Add(1)),
		"view": map[string]any{"id": "V1", "type": "modal", "callback_id": "faq_modal", "private_metadata": meta,
			"state": map[string]any{"values": state}},
	}
}

// lastModal returns the view of the last views.open call.
func (e *env) lastModal() map[string]any {
	e.t.Helper()
	calls := e.slack.CallsTo("views.open")
	if len(calls) == 0 {
		e.t.Fatal("no modal opened")
	}
	v, _ := calls[len(calls)-1].JSON["view"].(map[string]any)
	return v
}

// initialValues maps the modal's input blocks to their initial values.
func initialValues(view map[string]any) map[string]string {
	out := map[string]string{}
	blocks, _ := view["blocks"].([]any)
	for _, b := range blocks {
		bm, _ := b.(map[string]any)
		el, _ := bm["element"].(map[string]any)
		if id, ok := bm["block_id"].(string); ok && el != nil {
			out[id], _ = el["initial_value"].(string)
		}
	}
	return out
}

func TestFAQEditingFromSlack(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 5)
		ctx := context.Background()
		e.lineFollow("U500")
		const q = "社員旅行はありますか？"
		e.lineText("U500", q)
		if !strings.Contains(e.lineLast("U500"), "お答えできる情報がありません") {
			t.Fatalf("before: %s", e.lineLast("U500"))
		}

		// Only staff.
		if _, out := e.command(otherUser, "faq add"); !strings.Contains(fmt.Sprint(out["text"]), "権限がありません") || out["response_type"] != "ephemeral" {
			t.Fatalf("non-staff command: %v", out)
		}
		if _, out := e.command(otherUser, "help"); !strings.Contains(fmt.Sprint(out["text"]), "/sakebot faq add") {
			t.Fatalf("help: %v", out)
		}
		if n := len(e.slack.CallsTo("views.open")); n != 0 {
			t.Fatalf("a modal opened for a non-staff user")
		}
		_, out := e.interact(e.submission(otherUser, "{}", map[string]string{"question": q, "answer": "x", "category": "x"}))
		if out["response_action"] != "errors" || !strings.Contains(fmt.Sprint(out["errors"]), "権限がありません") {
			t.Fatalf("non-staff submission: %v", out)
		}

		// Add: errors inline, keyed by block, then saved and live.
		if code, out := e.command(staffUser, "faq add"); code != 200 || len(out) != 0 {
			t.Fatalf("faq add answered %d %v", code, out)
		}
		if v := e.lastModal(); v["callback_id"] != "faq_modal" {
			t.Fatalf("modal: %v", v)
		}
		_, out = e.interact(e.submission(staffUser, "{}", map[string]string{"question": strings.Repeat("長", 201), "answer": " ", "category": "会社"}))
		errs, _ := out["errors"].(map[string]any)
		if out["response_action"] != "errors" || !strings.Contains(fmt.Sprint(errs["question"]), "200文字") || !strings.Contains(fmt.Sprint(errs["answer"]), "回答を入力") {
			t.Fatalf("invalid submission: %v", out)
		}
		answer := "はい、年に一度、東京と北見の社員が集まる社員旅行があります。"
		_, out = e.interact(e.submission(staffUser, "{}", map[string]string{"question": q, "alternatives": "社員旅行ってある？\n\n旅行はある？",
			"answer": answer, "category": "会社について"}))
		if out["response_action"] != "update" {
			t.Fatalf("valid submission: %v", out)
		}
		faqs, _ := e.store.ListFAQs(ctx)
		var id string
		for _, f := range faqs {
			if f.Question == q {
				id = f.ID
				if len(f.Alternatives) != 2 || f.UpdatedBy != staffUser {
					t.Fatalf("created: %+v", f)
				}
			}
		}
		e.lineText("U500", "社員旅行ってある？")
		if !strings.Contains(e.lineLast("U500"), answer) {
			t.Fatalf("new entry not live: %s", e.lineLast("U500"))
		}

		// Edit: the modal comes filled in; a stale save is refused.
		e.command(staffUser, "faq edit "+id)
		modal := e.lastModal()
		if iv := initialValues(modal); iv["question"] != q || iv["answer"] != answer || iv["alternatives"] != "社員旅行ってある？\n旅行はある？" {
			t.Fatalf("edit modal: %v", iv)
		}
		meta, _ := modal["private_metadata"].(string)
		edited := "はい、毎年秋に社員旅行があります。"
		_, out = e.interact(e.submission(staffUser, meta, map[string]string{"question": q, "answer": edited, "category": "会社について"}))
		if out["response_action"] != "update" {
			t.Fatalf("edit: %v", out)
		}
		e.lineText("U500", q)
		if !strings.Contains(e.lineLast("U500"), edited) {
			t.Fatalf("edit not live: %s", e.lineLast("U500"))
		}
		_, out = e.interact(e.submission(staffUser, meta, map[string]string{"question": q, "answer": "古い版から", "category": "会社について"}))
		if out["response_action"] != "errors" || !strings.Contains(fmt.Sprint(out["errors"]), "ほかの人が先に") {
			t.Fatalf("stale edit: %v", out)
		}

		// List finds it.
		_, out = e.command(staffUser, "faq list 社員旅行")
		if raw, _ := json.Marshal(out["blocks"]); !strings.Contains(string(raw), id) || !strings.Contains(string(raw), "faq_edit") {
			t.Fatalf("list: %s", raw)
		}

		// Delete, with a confirmation.
		_, out = e.command(staffUser, "faq delete "+id)
		raw, _ := json.Marshal(out["blocks"])
		if !strings.Contains(string(raw), `"value":"`+id+`:2"`) || !strings.Contains(string(raw), "confirm") {
			t.Fatalf("delete confirmation: %s", raw)
		}
		e.interact(e.click(staffUser, "faq_delete", id+":2", "C0CMD", "1700000000.000001"))
		if r := e.responses(); !strings.Contains(r[len(r)-1], "削除しました") {
			t.Fatalf("after delete: %q", r)
		}
		e.lineText("U500", q)
		if !strings.Contains(e.lineLast("U500"), "お答えできる情報がありません") {
			t.Fatalf("deleted entry still answers: %s", e.lineLast("U500"))
		}

		// Every change is in the audit trail.
		events, err := e.store.FAQEvents(ctx, id)
		if err != nil || len(events) != 3 {
			t.Fatalf("audit: %+v %v", events, err)
		}
		for i, action := range []string{store.FAQCreated, store.FAQUpdated, store.FAQDeleted} {
			if events[i].Action != action || events[i].Actor != staffUser {
				t.Errorf("event %d: %+v", i, events[i])
			}
		}
	})
}

func TestFAQFromMisses(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 6)
		ctx := context.Background()
		e.lineFollow("U600")
		e.lineText("U600", "ペットは飼えますか？")
		_, out := e.command(staffUser, "misses")
		raw, _ := json.Marshal(out["blocks"])
		if !strings.Contains(string(raw), "ペットは飼えますか？") || !strings.Contains(string(raw), "miss_add") {
			t.Fatalf("misses: %s", raw)
		}
		misses, _ := e.store.ListMisses(ctx, 10)
		e.interact(e.click(staffUser, "miss_add", fmt.Sprint(misses[0].ID), "C0CMD", "1700000000.000001"))
		modal := e.lastModal()
		if iv := initialValues(modal); iv["question"] != "ペットは飼えますか？" {
			t.Fatalf("modal from a miss: %v", iv)
		}
		meta, _ := modal["private_metadata"].(string)
		_, out = e.interact(e.submission(staffUser, meta, map[string]string{"question": "ペットは飼えますか？",
			"answer": "住まいの規則によります。担当者にご相談ください。", "category": "生活"}))
		if out["response_action"] != "update" {
			t.Fatalf("save: %v", out)
		}
		if left, _ := e.store.ListMisses(ctx, 10); len(left) != 0 {
			t.Fatalf("the miss is still listed: %+v", left)
		}
		e.lineText("U600", "ペットは飼えますか？")
		if !strings.Contains(e.lineLast("U600"), "住まいの規則") {
			t.Fatalf("not live: %s", e.lineLast("U600"))
		}
	})
}
