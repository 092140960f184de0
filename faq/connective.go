package faq

import (
	"strings"
	"unicode/utf8"
)

// WithoutConnective returns s less a word it opens with that only joins
// it on to what was said before (あと, それと, ちなみに), or a filler (えっと,
// あのー): 「あと研修って何ヶ月？」 asks what 「研修って何ヶ月？」 asks, and the
// word weighs against it.
// 「あとで」 (later) and 「あと何ヶ月」 (how many more) keep their あと; s
// that is a connective alone is returned empty.
func WithoutConnective(s string) string {
	t := strings.TrimSpace(s)
	for _, c := range connectives {
		after, ok := strings.CutPrefix(t, c)
		if !ok {
			continue
		}
		after = strings.TrimLeft(after, "、,， 　")
		if after == "" {
			return ""
		}
		if first, _ := utf8.DecodeRuneInString(after); first == 'で' || c == "あと" && countsOn(after) {
			return s
		}
		return after
	}
	return s
}

// connectives join a sentence on to what was said before, longest first.
var connectives = []string{"あとそれと", "それとあと", "あとついでに", "っていうか", "そういえば", "それから", "ついでに", "ちなみに", "ところで",
	"そいえば", "ていうか", "それと", "あとは", "あと", "てか",
	// fillers, which say nothing either
	"えーっと", "ええっと", "えっと", "えーと", "ええと", "あのー", "あのう", "うーん", "あの"}

// countsOn reports whether s, after あと, counts what remains (あと何ヶ月,
// あと少し, あと2年): there あと means "more", not "also".
func countsOn(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || strings.ContainsRune("何数一二三四五六七八九十半少どい", r)
}

// WithoutLabel returns s, the first sentence of a message as typed, less
// a label it opens with that only marks it as a question: 【質問】, Q., 質問：.
func WithoutLabel(s string) string {
	t := strings.TrimLeft(s, " 　")
	for _, b := range [][2]string{{"【", "】"}, {"[", "]"}, {"［", "］"}} {
		if rest, ok := strings.CutPrefix(t, b[0]); ok {
			if i := strings.Index(rest, b[1]); i > 0 && utf8.RuneCountInString(rest[:i]) <= maxLabelRunes {
				return rest[i+len(b[1]):]
			}
		}
	}
	for _, l := range []string{"Q", "Ｑ", "q", "ｑ", "質問"} {
		rest, ok := strings.CutPrefix(t, l)
		if !ok {
			continue
		}
		if r, n := utf8.DecodeRuneInString(rest); n > 0 && strings.ContainsRune(".．:：)）、", r) {
			return rest[n:]
		}
	}
	return s
}

// maxLabelRunes is the longest label in brackets that WithoutLabel takes
// off: 【質問】, 【至急】, 【27卒】.
const maxLabelRunes = 6

// WithoutKaomoji returns s less the bowing faces (m(_ _)m, ｍ（＿＿）ｍ)
// whose letters would count as a word.
func WithoutKaomoji(s string) string {
	if !strings.ContainsAny(s, "(（") {
		return s
	}
	var b strings.Builder
	for s != "" {
		if n := kaomojiAt(s); n > 0 {
			s = s[n:]
			continue
		}
		_, size := utf8.DecodeRuneInString(s)
		b.WriteString(s[:size])
		s = s[size:]
	}
	return b.String()
}

// kaomojiAt returns the length in bytes of the bowing face s starts
// with, or 0.
func kaomojiAt(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r != 'm' && r != 'ｍ' {
		return 0
	}
	rest := s[n:]
	if open, _ := utf8.DecodeRuneInString(rest); open != '(' && open != '（' {
		return 0
	}
	end := strings.IndexAny(rest, ")）")
	if end < 0 || utf8.RuneCountInString(rest[:end]) > 7 {
		return 0
	}
	_, cn := utf8.DecodeRuneInString(rest[end:])
	if r2, n2 := utf8.DecodeRuneInString(rest[end+cn:]); r2 == 'm' || r2 == 'ｍ' {
		return n + end + cn + n2
	}
	return 0
}
