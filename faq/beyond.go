package faq

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// asksBeyond reports whether m's question, naming the places and
// organisations names, asks what its best entry cannot say: a fact (an
// age, a price…) the entry does not state, or about a place or an
// organisation it never mentions (東京でおすすめの観光地は？ beside the
// entry on sights near Kitami), or about the sessions of another company
// (リクルートの説明会っていつ？). An entry that says it cannot state such
// things (OfferPerson) is the right answer anyway.
func (ix *Index) asksBeyond(m Match, names []string) bool {
	if m.Candidates[0].FAQ.OfferPerson {
		return false
	}
	if slices.ContainsFunc(othersSessions(m.Question), ix.unknownName) {
		return true
	}
	asked := askedAttributes(m.Normalized)
	if len(asked) == 0 && len(names) == 0 {
		return false
	}
	e := slices.IndexFunc(ix.faqs, func(f FAQ) bool { return f.ID == m.Candidates[0].FAQ.ID })
	return e >= 0 && (!statesAll(asked, ix.texts[e]) || !containsAll(ix.texts[e], names) ||
		whereAsked(m.Normalized, names) && !containsAny(ix.texts[e], locationWords))
}

// unknownName reports whether no entry's text holds name (a company the
// knowledge base never mentions).
func (ix *Index) unknownName(name string) bool {
	n := Normalize(name)
	return !slices.ContainsFunc(ix.texts, func(t string) bool { return strings.Contains(t, n) })
}

// othersSessions returns the words in katakana or Latin letters whose
// sessions question asks about (リクルートの説明会, Googleの会社説明会,
// マイナビの合同説明会): when no entry names them, they are another
// company's. (オンラインの説明会 names a word the entries have.)
func othersSessions(question string) []string {
	var out []string
	for from := 0; ; {
		i := strings.Index(question[from:], "説明会")
		if i < 0 {
			return out
		}
		before := strings.TrimSuffix(question[:from+i], "会社")
		for _, kind := range []string{"合同", "業務", "採用"} {
			before = strings.TrimSuffix(before, kind)
		}
		from += i + len("説明会")
		before, ok := strings.CutSuffix(before, "の")
		if !ok {
			continue
		}
		start := 0
		if j := strings.LastIndexFunc(before, func(r rune) bool { return !isKatakanaOrLatin(r) }); j >= 0 {
			_, size := utf8.DecodeRuneInString(before[j:])
			start = j + size
		}
		if name := before[start:]; utf8.RuneCountInString(name) >= 2 {
			out = append(out, name)
		}
	}
}

// isKatakanaOrLatin reports whether r is a katakana letter, the long
// vowel mark or a Latin letter.
func isKatakanaOrLatin(r rune) bool {
	return unicode.Is(unicode.Katakana, r) || r == 'ー' || r < utf8.RuneSelf && unicode.IsLetter(r)
}

// whereAsked reports whether normalized asks where a place of names is
// (石巻ってどこ？, 北見市ってどこにあるの？): an entry that only mentions
// the place (a member moved to 石巻) does not say where it is.
func whereAsked(normalized string, names []string) bool {
	for _, n := range names {
		for _, unit := range []string{"", "市", "町", "村", "県"} {
			if rest, ok := strings.CutPrefix(normalized, n+unit); ok && hasAnyPrefix(rest, "ってどこ", "はどこ") {
				return true
			}
		}
	}
	return false
}

// locationWords are what an entry's text says where a place is with
// (北海道の東に位置する).
var locationWords = []string{"位置", "方面", "近く"}
