package slack_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// Slack's documented limits on a modal view (views.open), checked on
// every FAQ modal these tests open.
const (
	slackMaxViewBlocks = 100
	slackMaxMetadata   = 3000
	slackMaxInputText  = 3000 // a plain_text_input's initial_value and max_length
	slackMaxLabel      = 2000
	slackMaxHint       = 2000
	slackMaxHolder     = 150
	slackMaxViewTitle  = 24
	slackMaxBlockID    = 255
	slackMaxContext    = 3000
)

// inputBox is one input block of a modal, as sent to views.open.
type inputBox struct {
	BlockID   string
	Label     string
	Initial   string
	MaxLength int
}

// inputBoxes returns the input blocks of a view, in order.
func inputBoxes(view map[string]any) []inputBox {
	var out []inputBox
	blocks, _ := view["blocks"].([]any)
	for _, b := range blocks {
		bm, _ := b.(map[string]any)
		if bm["type"] != "input" {
			continue
		}
		el, _ := bm["element"].(map[string]any)
		label, _ := bm["label"].(map[string]any)
		box := inputBox{BlockID: fmt.Sprint(bm["block_id"]), Label: fmt.Sprint(label["text"])}
		box.Initial, _ = el["initial_value"].(string)
		if n, ok := el["max_length"].(float64); ok {
			box.MaxLength = int(n)
		}
		out = append(out, box)
	}
	return out
}

// contextTexts returns the texts of a view's context blocks, joined.
func contextTexts(view map[string]any) string {
	var b strings.Builder
	blocks, _ := view["blocks"].([]any)
	for _, bl := range blocks {
		bm, _ := bl.(map[string]any)
		els, _ := bm["elements"].([]any)
		for _, el := range els {
			if m, ok := el.(map[string]any); ok && bm["type"] == "context" {
				b.WriteString(fmt.Sprint(m["text"]) + "\n")
			}
		}
	}
	return b.String()
}

// utf16Len is a text's length in UTF-16 units, the stricter way to count
// it (an emoji outside the BMP is two), against Slack's limits.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// checkModal fails the test when the view breaks one of Slack's limits on
// modals, or a box starts with more than it may hold.
func checkModal(t *testing.T, view map[string]any) {
	t.Helper()
	blocks, _ := view["blocks"].([]any)
	if len(blocks) > slackMaxViewBlocks || len(blocks) == 0 {
		t.Errorf("%d blocks", len(blocks))
	}
	if meta, _ := view["private_metadata"].(string); len(meta) > slackMaxMetadata {
		t.Errorf("private_metadata of %d bytes", len(meta))
	}
	for _, k := range []string{"title", "submit", "close"} {
		if m, ok := view[k].(map[string]any); ok && utf16Len(fmt.Sprint(m["text"])) > slackMaxViewTitle {
			t.Errorf("%s %q too long", k, m["text"])
		}
	}
	ids := map[string]bool{}
	for _, b := range blocks {
		bm, _ := b.(map[string]any)
		if id, ok := bm["block_id"].(string); ok {
			if ids[id] || len(id) > slackMaxBlockID {
				t.Errorf("block_id %q repeated or too long", id)
			}
			ids[id] = true
		}
		text := func(k string, m map[string]any) string {
			o, _ := m[k].(map[string]any)
			s, _ := o["text"].(string)
			return s
		}
		if el, ok := bm["element"].(map[string]any); ok {
			if n := utf16Len(text("label", bm)); n > slackMaxLabel || n == 0 {
				t.Errorf("label of %d units", n)
			}
			if n := utf16Len(text("hint", bm)); n > slackMaxHint {
				t.Errorf("hint of %d units", n)
			}
			if n := utf16Len(text("placeholder", el)); n > slackMaxHolder {
				t.Errorf("placeholder of %d units", n)
			}
		}
	}
	for _, box := range inputBoxes(view) {
		if box.MaxLength <= 0 || box.MaxLength > slackMaxInputText {
			t.Errorf("box %s: max_length %d", box.BlockID, box.MaxLength)
		}
		if n := utf16Len(box.Initial); n > box.MaxLength || utf8.RuneCountInString(box.Initial) > box.MaxLength {
			t.Errorf("box %s: initial value of %d units over max_length %d", box.BlockID, n, box.MaxLength)
		}
	}
	for _, line := range strings.Split(contextTexts(view), "\n") {
		if utf16Len(line) > slackMaxContext {
			t.Errorf("context text of %d units", utf16Len(line))
		}
	}
	if _, ok := view["submit"]; ok != (len(inputBoxes(view)) > 0) {
		t.Errorf("submit button %v with %d boxes", ok, len(inputBoxes(view)))
	}
}

// unchanged is what a submission of view sends when nothing was typed:
// every box with its initial value.
func unchanged(view map[string]any) map[string]string {
	values := map[string]string{}
	for _, box := range inputBoxes(view) {
		values[box.BlockID] = box.Initial
	}
	return values
}

// checkErrorKeys fails the test unless every error of a submission's
// answer names an input block of the view (Slack refuses others).
func checkErrorKeys(t *testing.T, view, out map[string]any) {
	t.Helper()
	errs, _ := out["errors"].(map[string]any)
	if out["response_action"] != "errors" || len(errs) == 0 {
		t.Fatalf("not refused: %v", out)
	}
	boxes := map[string]bool{}
	for _, box := range inputBoxes(view) {
		boxes[box.BlockID] = true
	}
	for k := range errs {
		if !boxes[k] {
			raw, _ := json.Marshal(errs)
			t.Errorf("error keyed to %q, not a box of the modal: %s", k, raw)
		}
	}
}
