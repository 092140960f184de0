package faq

import (
	"sort"
	"strings"
	"unicode"
)

// enToken is a word of an English message, or a mark that ends a clause
// (punct), or a run of other letters (other: 研修, 4).
type enToken struct {
	surface string // in lower case, as typed (trainings)
	lemma   string // the form the lexicon holds (training)
	past    bool   // the lemma lost a past ending (applied)
	punct   string // . , ? ! when the token is a mark
	other   string // letters that are not Latin, or digits
}

// enTokens splits text into tokens, its contractions written out (don't as
// do not) and its words lemmatised.
func enTokens(text string) []enToken {
	var out []enToken
	var word, other strings.Builder
	flushWord := func() {
		if word.Len() > 0 {
			out = append(out, enWordTokens(word.String())...)
			word.Reset()
		}
	}
	flushOther := func() {
		if other.Len() > 0 {
			out = append(out, enToken{other: other.String()})
			other.Reset()
		}
	}
	runes := []rune(strings.NewReplacer("w/o", "without ", "w/", "with ").Replace(text))
	for i, r := range runes {
		switch {
		case r == '-' && word.Len() == 0 && i+1 < len(runes) && runes[i+1] >= '0' && runes[i+1] <= '9':
			flushOther()
			other.WriteString("マイナス") // -20 degrees
		case isLatinLetter(r) || r == '\'' || r == '’' || r == '-' && word.Len() > 0:
			flushOther()
			if r == '’' {
				r = '\''
			}
			word.WriteRune(r)
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			flushWord()
			other.WriteRune(r)
		case strings.ContainsRune(".,?!;:。、？！", r):
			flushWord()
			flushOther()
			out = append(out, enToken{punct: enPunct(r)})
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r == '-':
			flushWord()
			flushOther()
		default:
			flushWord()
			other.WriteRune(r)
		}
	}
	flushWord()
	flushOther()
	return out
}

// enPunct is the mark r as a clause ends with it: ? or , or . .
func enPunct(r rune) string {
	switch r {
	case '?', '？':
		return "?"
	case ',', '、', ';', ':':
		return ","
	}
	return "."
}

// enWordTokens is the tokens of one word as typed: IT (the field, not the
// pronoun) is kept apart; a contraction is written out.
func enWordTokens(w string) []enToken {
	w = strings.Trim(w, "'-")
	if w == "" {
		return nil
	}
	if w == "IT" {
		return []enToken{{surface: "it-field", lemma: "it-field"}}
	}
	lower := asciiLower(w)
	var words []string
	if full, ok := enShortForms[lower]; ok {
		words = strings.Fields(full)
	} else {
		words = enContraction(lower)
	}
	out := make([]enToken, 0, len(words))
	for _, s := range words {
		lemma, past := enLemma(s)
		out = append(out, enToken{surface: s, lemma: lemma, past: past})
	}
	return out
}

// enContraction writes out the contraction w ends in (don't, I'm, we're,
// what's); the 's of a possessive or of is says nothing and is dropped.
func enContraction(w string) []string {
	for _, c := range [...]struct{ end, full string }{
		{"can't", "can not"}, {"won't", "will not"}, {"n't", " not"}, {"'m", " am"}, {"'re", " are"},
		{"'ve", " have"}, {"'ll", " will"}, {"'d", " would"}, {"'s", ""}, {"'", ""},
	} {
		if base, ok := strings.CutSuffix(w, c.end); ok {
			return strings.Fields(base + c.full)
		}
	}
	return []string{w}
}

// enShortForms are the words students shorten in a chat, written out.
var enShortForms = map[string]string{
	"dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "wont": "will not",
	"isnt": "is not", "arent": "are not", "wasnt": "was not", "havent": "have not", "couldnt": "could not",
	"wouldnt": "would not", "shouldnt": "should not", "im": "i am", "ive": "i have", "whats": "what is",
	"thats": "that is", "theres": "there is", "hows": "how is", "wheres": "where is", "whens": "when is",
	"u": "you", "ur": "your", "r": "are", "ya": "you", "wat": "what", "wut": "what", "abt": "about",
	"rn": "right now", "idk": "i do not know", "gonna": "will", "wanna": "want to", "gotta": "have to",
	"lemme": "let me", "id": "i would", "cannot": "can not", "whens's": "when is", "pls": "please", "plz": "please",
	"thanx": "thanks", "thnx": "thanks", "ok": "ok", "okey": "okay", "b4": "before", "coz": "because",
}

// enIrregular are the past forms that no ending makes.
var enIrregular = map[string]string{
	"went": "go", "came": "come", "got": "get", "took": "take", "told": "tell", "saw": "see", "taught": "teach",
	"met": "meet", "paid": "pay", "sent": "send", "began": "begin", "left": "leave", "heard": "hear",
	"spoke": "speak", "chose": "choose", "made": "make", "thought": "think", "found": "find", "written": "write",
	"wrote": "write", "done": "do", "gone": "go", "seen": "see", "taken": "take", "known": "know", "stood": "stand",
	"held": "hold", "ran": "run", "given": "give", "gave": "give", "spoken": "speak", "chosen": "choose",
	"forgot": "forget", "forgotten": "forget", "programmed": "code", "coded": "code",
}

// enLemma is w in the form the lexicon holds it (trainings → training,
// applied → apply), and whether an ending of the past was taken off. A
// word the lexicon does not hold in any form may be a slip of one letter
// (trainig, recieve, experiance): the nearest word of six letters or more
// is taken.
func enLemma(w string) (string, bool) {
	if _, ok := englishLexicon[w]; ok {
		return w, false
	}
	if base, ok := enIrregular[w]; ok {
		return base, true
	}
	for _, c := range [...]struct {
		end, add string
		past     bool
	}{
		{"ies", "y", false}, {"ied", "y", true}, {"ing", "", false}, {"ing", "e", false}, {"ed", "", true},
		{"ed", "e", true}, {"es", "", false}, {"s", "", false},
	} {
		base, ok := strings.CutSuffix(w, c.end)
		if !ok || len(base) < 2 {
			continue
		}
		for _, b := range []string{base + c.add, undoubled(base)} {
			if _, ok := englishLexicon[b]; ok || enPhraseWords[b] {
				return b, c.past
			}
		}
	}
	if enPhraseWords[w] {
		return w, false // days of days a week
	}
	if fixed, ok := enSlip(w); ok {
		return fixed, false
	}
	return w, false
}

// undoubled is base without the consonant doubled before an ending
// (stopp of stopped), or base.
func undoubled(base string) string {
	if n := len(base); n >= 3 && base[n-1] == base[n-2] && !strings.ContainsRune("aeiou", rune(base[n-1])) {
		return base[:n-1]
	}
	return base
}

// enPhraseWords are the words of the lexicon's phrases (sign and up of
// sign up).
var enPhraseWords = func() map[string]bool {
	m := make(map[string]bool)
	for k := range englishLexicon {
		if strings.Contains(k, " ") {
			for _, w := range strings.Fields(k) {
				m[w] = true
			}
		}
	}
	return m
}()

// enSlip returns the word of the lexicon, six letters or more, that w is
// one slip away from (a letter left out, added, changed, or two swapped),
// with the same first letter; and whether there is exactly one.
func enSlip(w string) (string, bool) {
	if len(w) < 6 {
		return "", false
	}
	found := ""
	for _, k := range enSingleWords {
		if k[0] == w[0] && oneSlip(w, k) {
			if found != "" && found != k {
				return "", false
			}
			found = k
		}
	}
	return found, found != ""
}

// enSingleWords are the lexicon's keys of one word and six letters or
// more, sorted: a slip in a shorter word may make another (mayor, major).
var enSingleWords = func() []string {
	var out []string
	for k := range englishLexicon {
		if len(k) >= 6 && !strings.Contains(k, " ") {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}()

// oneSlip reports whether a and b differ by one edit: a letter left out
// or added, a vowel changed for another, or two neighbours swapped.
func oneSlip(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) == len(b) {
		diff := -1
		for i := 0; i < len(a); i++ {
			if a[i] != b[i] {
				if diff >= 0 {
					return i == diff+1 && a[diff] == b[i] && a[i] == b[diff] && a[i+1:] == b[i+1:]
				}
				diff = i
			}
		}
		// a vowel for a vowel (experiance); a consonant changed makes
		// another word as often as a slip (content, consent)
		return isVowel(a[diff]) && isVowel(b[diff])
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a) != len(b)+1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	return a[i+1:] == b[i:]
}

// isVowel reports whether c is a vowel of the Latin alphabet.
func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
