package faq

import "strings"

// Reading returns the reading of text in hiragana, without spaces, as the
// matcher reads it: 予約したい → よやくしたい, 説明会 → せつめいかい. Words the
// dictionary does not know keep their written form. It is for lists of
// words made once, not for every message: it analyses text anew.
func Reading(text string) string {
	return strings.ReplaceAll(analyzeText(text, nil, nil).spaces[readingSpace].s, " ", "")
}
