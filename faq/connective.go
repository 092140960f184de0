package faq

import (
	"strings"
	"unicode/utf8"
)

// WithoutConnective returns s less a word it opens with that only joins
// it on to what was said before (あと, それと, ちなみに): 「あと研修って何ヶ
// 月？」 asks what 「研修って何ヶ月？」 asks, and the word weighs against it.
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
var connectives = []string{"あとそれと", "それとあと", "あとついでに", "それから", "ついでに", "ちなみに", "ところで", "それと", "あとは", "あと"}

// countsOn reports whether s, after あと, counts what remains (あと何ヶ月,
// あと少し, あと2年): there あと means "more", not "also".
func countsOn(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || strings.ContainsRune("何数一二三四五六七八九十半少どい", r)
}
