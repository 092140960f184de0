package faq

import (
	"sort"
	"strings"
)

// English returns text with the English in it written as Japanese says
// it, and whether there was any: the entries are written in Japanese, and
// a question that says itself or part of itself in English should reach
// them all the same. A message in English (How do I apply?) is read as a
// sentence (see EnglishSentence); words of englishLexicon mixed into
// Japanese (no IT experience でも平気？, remote workメインですか？) are
// written as Japanese says them, whole words in any case. Other Latin
// words (Zoho, CRM) stay as they are.
func English(text string) (string, bool) {
	if !strings.ContainsFunc(text, isLatinLetter) {
		return text, false
	}
	if ja, ok := EnglishSentence(text); ok {
		return ja, true
	}
	lower := asciiLower(text) // the same length as text, byte for byte
	var b strings.Builder
	changed := false
	for i := 0; i < len(text); {
		if ja, n, ok := englishAt(text, lower, i); ok {
			b.WriteString(ja)
			changed = changed || ja != text[i:i+n]
			i += n
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	if !changed {
		return text, false
	}
	return b.String(), true
}

// asciiLower returns s with its ASCII capitals in lower case and every
// other byte as it is, so that an index into s is one into the result
// (strings.ToLower may change the length of other letters: K, İ).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// englishAt returns what the longest phrase of englishMixed that starts
// at byte i of lower (text in lower case), as whole words, is written as,
// and its length; or, when none does, what the word there is written as
// in its lemma (meetings, trainings), if it was typed in lower case or
// opens the text.
func englishAt(text, lower string, i int) (string, int, bool) {
	if i > 0 && isLatinLetter(rune(lower[i-1])) || !isLatinLetter(rune(lower[i])) {
		return "", 0, false
	}
	for _, p := range englishMixedByLength {
		if strings.HasPrefix(lower[i:], p) && (i+len(p) == len(lower) || !isLatinLetter(rune(lower[i+len(p)]))) {
			return englishMixed[p], len(p), true
		}
	}
	end := i
	for end < len(lower) && isLatinLetter(rune(lower[end])) {
		end++
	}
	if i > 0 && text[i:end] != lower[i:end] {
		return "", 0, false // Teams, a name, is not teams; a capital opening the text is not a name
	}
	if lemma, _ := enLemma(lower[i:end]); lemma != lower[i:end] {
		if ja, ok := englishMixed[lemma]; ok {
			return ja, end - i, true
		}
	}
	return "", 0, false
}

// isLatinLetter reports whether r is a letter of the Latin alphabet, in
// lower or upper case.
func isLatinLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// EnglishSentence returns text, when it is written in English (I'd like
// to talk to someone from HR), as Japanese would say it (誰かと人事から話し
// たいです), and whether it is; text with only a word or two of English in
// it is not (see English for those). The bot reads requests made in
// English so with the rules it reads Japanese by.
// A message in romaji (oubo shitai) is not English, unless every word of
// it is one of englishLexicon's (nope, no thanks); nor is one that is
// romaji for the most part, with an English word in it (kono program wo
// hajimeta no).
func EnglishSentence(text string) (string, bool) {
	if !mostlyLatin(text) {
		return "", false // most messages, at the cost of one look at each letter
	}
	if _, ok := Romaji(text); ok && !allEnglishWords(text) || mostlyRomaji(text) {
		return "", false
	}
	return englishSentence(text)
}

// englishMixed is what each phrase of englishLexicon is written as among
// Japanese words: a noun as it is, a verb of する by its noun (applyした
// い → 応募したい), a modal word by the Japanese word for it (can → でき
// る). "it" is left out: among Japanese it is the field (IT企業); so
// are yes and no, which romaji spells too (chiimu no menbaa).
var englishMixed = func() map[string]string {
	m := make(map[string]string, len(englishLexicon))
	for k, w := range englishLexicon {
		if k != "it" && (w.kind != enAnswer || w.ja == "OK") {
			m[k] = mixedJa(w)
		}
	}
	return m
}()

// mixedJa is what w is written as among Japanese words.
func mixedJa(w enWord) string {
	switch w.kind {
	case enVerbK:
		if noun, ok := strings.CutSuffix(w.verb.dict, "する"); ok {
			return noun
		}
		return w.verb.dict
	case enAble:
		return "できる"
	case enMust:
		return "必要"
	case enHow:
		return "どう"
	case enNot, enNoNeed:
		return "ない"
	case enDesire, enPlease, enPast, enPrep, enOf, enAnd, enBut, enBecause, enIf, enDrop:
		return ""
	}
	return w.ja
}

// englishMixedByLength is the phrases of englishMixed, longest first.
var englishMixedByLength = func() []string {
	out := make([]string, 0, len(englishMixed))
	for p := range englishMixed {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}()
