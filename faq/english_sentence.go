package faq

import (
	"strings"
	"unicode"
)

// englishSentence returns text, a message EnglishSentence has found to be
// written in English (hey so what exactly is the sake model?), as Japanese
// would say it (サケモデルは何ですか？), and false for a command of one
// word. Each clause is put into Japanese order: what it is about, with the
// particles its prepositions make, then the verb, in the form its modal
// words ask for (want to apply → 応募したいです, can I skip → スキップで
// きますか, did I pass → 合格しましたか). The words of englishLexicon are
// taken; a word it does not hold is kept as it is.
func englishSentence(text string) (string, bool) {
	lx := enLexemes(enTokens(text))
	if len(lx) == 1 && lx[0].word.kind == enVerbK {
		return "", false // a command of one word (skip, cancel) is read as typed
	}
	var b strings.Builder
	for _, c := range enClauses(lx) {
		b.WriteString(c.japanese())
	}
	out := b.String()
	return out, strings.TrimSpace(out) != ""
}

// mostlyLatin reports whether text is written in Latin letters, but for a
// word or two: six times as many of them as of other letters.
func mostlyLatin(text string) bool {
	latin, other := 0, 0
	for _, r := range text {
		switch {
		case isLatinLetter(r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return latin > 6*other && latin >= 2 // a kana or a kanji says as much as a word of letters
}

// enLexeme is a word or phrase of the lexicon as it stands in a message,
// or a mark or other letters (see enToken).
type enLexeme struct {
	word  enWord
	first string // the first word as typed (do of do I need)
	past  bool
	punct string
	other string
}

// enLexemes reads tokens as the lexicon's words and phrases, the longest
// first; a word it does not hold is left out.
func enLexemes(toks []enToken) []enLexeme {
	var out []enLexeme
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.punct != "" || t.other != "" {
			out = append(out, enLexeme{punct: t.punct, other: t.other})
			i++
			continue
		}
		w, size, ok := enPhraseAt(toks, i)
		if !ok {
			// a word the lexicon does not hold is kept as it is: it may
			// ask what no entry says (who is the mayor of kitami)
			out = append(out, enLexeme{word: n(t.surface), first: t.surface})
			i++
			continue
		}
		past := false
		for _, t := range toks[i : i+size] {
			past = past || t.past
		}
		out = append(out, enLexeme{word: w, first: t.surface, past: past})
		i += size
	}
	return out
}

// enPhraseAt returns the longest phrase of the lexicon, as typed or as
// lemmas, that starts at toks[i], and how many tokens it takes.
func enPhraseAt(toks []enToken, i int) (enWord, int, bool) {
	for n := min(5, len(toks)-i); n >= 1; n-- {
		surface, lemma := make([]string, 0, n), make([]string, 0, n)
		for _, t := range toks[i : i+n] {
			if t.punct != "" || t.other != "" {
				break
			}
			surface, lemma = append(surface, t.surface), append(lemma, t.lemma)
		}
		if len(surface) < n {
			continue
		}
		for _, k := range [...]string{strings.Join(surface, " "), strings.Join(lemma, " ")} {
			if w, ok := englishLexicon[k]; ok {
				return w, n, true
			}
		}
	}
	return enWord{}, 0, false
}

// enAuxiliaries open a question when they open a clause (Do I need…?).
var enAuxiliaries = map[string]bool{
	"do": true, "does": true, "did": true, "is": true, "are": true, "am": true, "can": true, "could": true,
	"will": true, "would": true, "should": true, "may": true, "was": true, "were": true, "have": true, "has": true,
	"any": true, "anyone": true, "isnt": true, "arent": true,
}

// enClauses groups lexemes into clauses, at a mark, a conjunction, or
// other letters.
func enClauses(lx []enLexeme) []*enClause {
	var out []*enClause
	c := &enClause{}
	next := func(joint string) {
		if c.empty() {
			if joint == "?" && len(out) > 0 {
				out[len(out)-1].question = true
			}
			return
		}
		c.finish(joint)
		out = append(out, c)
		c = &enClause{}
	}
	for i, l := range lx {
		switch {
		case l.punct != "":
			next(l.punct)
		case l.other != "":
			if isDigits(l.other) {
				c.prefix += l.other // 4 months: 4ヶ月
				continue
			}
			next(",")
			c.say = append(c.say, l.other)
			next(",")
		case l.word.kind == enAnd && !(c.nounOpen && i+1 < len(lx) && (lx[i+1].word.kind == enNoun || lx[i+1].word.kind == enPrefix)) &&
			!(l.first == "so" && i+1 < len(lx) && lx[i+1].word.kind == enAdj): // so good: very, not a new clause
			next(",")
		case l.word.kind == enBut:
			next("but")
		case l.word.kind == enBecause:
			next(",")
		case l.first == "when" && l.word.kind == enQuestion && c.content && i+1 < len(lx) && lx[i+1].word.kind == enNoun:
			next(",") // meetings when everyone is away: a time, not いつ
		default:
			c.take(l)
		}
	}
	next(".")
	return out
}

// isDigits reports whether s is digits alone.
func isDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r >= '０' && r <= '９') }) < 0
}

// allEnglishWords reports whether every word of text is a word of the
// lexicon, as typed or lemmatised.
func allEnglishWords(text string) bool {
	for _, t := range enTokens(text) {
		if t.punct != "" {
			continue
		}
		if t.other != "" || !t.inLexicon() {
			return false
		}
	}
	return true
}

// mostlyRomaji reports whether half of text's words or more are romaji
// the lexicon does not hold (wa, doushite, hajimeta).
func mostlyRomaji(text string) bool {
	words, romaji := 0, 0
	for _, t := range enTokens(text) {
		if t.surface == "" {
			continue
		}
		words++
		if t.inLexicon() {
			continue
		}
		if _, ok := romajiParticles[t.surface]; ok {
			romaji++
		} else if _, ok := romajiWord(t.surface); ok {
			romaji++
		}
	}
	return words > 0 && 2*romaji >= words
}

// inLexicon reports whether the word t is one of englishLexicon's, as
// typed, lemmatised, or as a word of one of its phrases.
func (t enToken) inLexicon() bool {
	_, surface := englishLexicon[t.surface]
	_, lemma := englishLexicon[t.lemma]
	return surface || lemma || enPhraseWords[t.surface]
}
