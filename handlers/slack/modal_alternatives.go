package slack

import (
	"fmt"
	"strings"

	"github.com/sakemodel/sakebot/faq"
	"github.com/slack-go/slack"
)

// The alternatives are split over several boxes when they do not fit one
// (a box holds maxInputText units): any entry faq.Validate allows (50
// alternatives of 200 characters, about 10,000) is shown and saved whole.
const (
	maxAltLines = 10 // alternatives in one box, so that each keeps room to edit
	maxAltBoxes = 20 // boxes at most, well within the block limit
	// maxAltUnits is the most one valid alternative can take in a box:
	// faq.MaxQuestionLength characters, each two units if outside the BMP.
	maxAltUnits = 2 * faq.MaxQuestionLength
)

// altBlock is the block id of the alternatives box i (from 0):
// "alternatives", then "alternatives_2", "alternatives_3", ….
func altBlock(i int) string {
	if i == 0 {
		return blockAlternatives
	}
	return fmt.Sprintf("%s_%d", blockAlternatives, i+1)
}

// altBoxes splits alternatives into the texts of the boxes that show them,
// one per line, each box within maxAltLines lines and maxInputText units.
// ok is false when they cannot be shown so that saving them unchanged
// gives them back: one is blank or has a line break (splitting lines would
// drop it or make two of it), or they need more than maxAltBoxes boxes.
func altBoxes(alts []string) (boxes []string, ok bool) {
	var box []string
	size := 0
	for _, a := range alts {
		a = strings.TrimSpace(a) // as the submission trims each line
		if a == "" || strings.ContainsAny(a, "\r\n") || units(a) > maxInputText {
			return nil, false
		}
		if len(box) == maxAltLines || len(box) > 0 && size+1+units(a) > maxInputText {
			boxes, box, size = append(boxes, strings.Join(box, "\n")), nil, 0
		}
		if len(box) > 0 {
			size++
		}
		box, size = append(box, a), size+units(a)
	}
	if len(box) > 0 {
		boxes = append(boxes, strings.Join(box, "\n"))
	}
	return boxes, len(boxes) < maxAltBoxes
}

// alternatives adds the alternatives boxes, or, for an entry whose
// alternatives cannot be shown whole, a note (saving keeps them). When the
// last box is full, an empty one follows to add more.
func (m *modalForm) alternatives(alts []string) {
	const label, hint = "別の言い方", "学生が聞きそうな言い方を1行に1つずつ書くと、答えられる質問が増えます。"
	boxes, ok := altBoxes(alts)
	if !ok && m.editing {
		m.keep(blockAlternatives, label)
		return
	}
	if !ok {
		boxes = nil // a new entry starts with none: nothing is lost
	}
	if n := len(boxes); n == 0 || full(boxes[n-1]) {
		boxes = append(boxes, "")
	}
	line := 1
	for i, text := range boxes {
		title, h, placeholder := label+"（1行に1つ）", hint, "例：研修の場所は？"
		switch {
		case i == 0 && len(boxes) > 1:
			h += "多いため、いくつかの欄に分けています。どの欄に書いても、上から順に1行1つとして保存されます。"
		case i > 0 && text == "":
			title, h, placeholder = label+"（追加）", "新しい言い方を1行に1つずつ書けます。", "1行に1つ"
		case i > 0:
			title, h, placeholder = fmt.Sprintf("%s（続き：%d行目から）", label, line), "", "1行に1つ"
		}
		m.input(textInput(altBlock(i), title, placeholder, h, text, maxInputText, true, true))
		line += len(splitLines(text))
	}
	if len(boxes) > 1 {
		m.meta.Boxes = len(boxes)
	}
}

// full reports whether a box has no room for one more alternative.
func full(box string) bool {
	return len(splitLines(box)) >= maxAltLines || units(box)+1+maxAltUnits > maxInputText
}

// submittedAlternatives reads the alternatives boxes of a submission (n of
// them, at least one): their non-blank lines, trimmed, in order, and for
// each the block it came from, to key an error on it.
func submittedAlternatives(state *slack.ViewState, n int) (alts, from []string) {
	for i := range min(max(n, 1), maxAltBoxes) {
		block := altBlock(i)
		for _, line := range splitLines(stateValue(state, block)) {
			alts, from = append(alts, line), append(from, block)
		}
	}
	return alts, from
}

// splitLines returns the non-blank lines of s, trimmed.
func splitLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}
