package faq

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome/v2/tokenizer"
)

// homophoneIndex puts back the words of the entries that a question holds
// in another writing of the same reading: the kanji an IME chose wrongly
// (応募死角 for 応募資格, 研修機関 for 研修期間, 面説 for 面接) and the words of
// a question typed in hiragana alone (けんしゅうってとうきょう… for
// 研修って東京…), which the analyser cannot cut into words. The reading
// space already finds such words by their sound; this gives them their
// weight as words too.
type homophoneIndex struct {
	known     map[string]bool   // the kanji words of the entries, as written
	byReading map[string]string // reading in hiragana → the entries' word, "" when two words share it
	maxRunes  int               // the longest reading
	// byKanji holds the entries' words of two kanji (in byReading) under
	// each of their kanji.
	byKanji map[string][]readWord
	// afterWord: the kanji word before, a NUL and a reading → the word of
	// that reading the entries write after it (研修 + きかん → 期間), ""
	// when two words share it.
	afterWord map[string]string
}

// readWord is a word of an entry and its reading (in katakana in an
// analysis, as the dictionary gives it; in hiragana in the index), and
// the word written in kanji alone just before it, if any (研修 of 研修期間).
type readWord struct{ written, reading, after string }

// minHomophoneRunes is the shortest reading taken for a word in a
// question typed in hiragana: shorter ones (いか, きみ) hide in the
// endings and particles around words.
const minHomophoneRunes = 3

// newHomophoneIndex collects the kanji compounds and the katakana words of
// the entries' texts, as analyzeEntries found them, by their readings.
func newHomophoneIndex(forms [][]analysis) homophoneIndex {
	hi := homophoneIndex{known: make(map[string]bool)}
	counts := make(map[readWord]int)      // how often each word is written, by reading
	afterCounts := make(map[readWord]int) // the same, by the word before and reading
	for _, entry := range forms {
		for _, a := range entry[:len(entry)-1] { // not the answer: see the type
			for _, w := range a.kanji {
				hi.known[w.written] = true
				if utf8.RuneCountInString(w.written) < 2 {
					continue
				}
				reading := foldKatakanaText(w.reading)
				counts[readWord{written: w.written, reading: reading}]++
				if w.after != "" {
					afterCounts[readWord{written: w.written, reading: w.after + "\x00" + reading}]++
				}
			}
			for _, w := range a.spellable {
				if utf8.RuneCountInString(w) >= minHomophoneRunes && spellingKind([]rune(w)[0]) == 1 {
					counts[readWord{written: w, reading: foldKatakanaText(w)}]++
				}
			}
		}
	}
	hi.byReading, hi.afterWord = pickWords(counts), pickWords(afterCounts)
	for r := range hi.byReading {
		hi.maxRunes = max(hi.maxRunes, utf8.RuneCountInString(r))
	}
	hi.byKanji = make(map[string][]readWord)
	for r, w := range hi.byReading {
		if k := []rune(w); len(k) == 2 && allHan(w) {
			for _, c := range k {
				hi.byKanji[string(c)] = append(hi.byKanji[string(c)], readWord{written: w, reading: r})
			}
		}
	}
	return hi
}

// pickWords returns, for each reading of counts, the word it stands for:
// the one written most, when it is written homophoneDominance times as
// often as any other, and none ("") otherwise.
func pickWords(counts map[readWord]int) map[string]string {
	type tally struct{ first, second int } // the counts of the two words written most
	tallies := make(map[string]tally)
	words := make(map[string]string)
	for w, n := range counts {
		t := tallies[w.reading]
		switch {
		case n > t.first:
			t = tally{n, t.first}
			words[w.reading] = w.written
		case n == t.first:
			t.second = n
			words[w.reading] = min(words[w.reading], w.written) // whatever the map's order
		default:
			t.second = max(t.second, n)
		}
		tallies[w.reading] = t
	}
	for r, t := range tallies {
		if t.first < homophoneDominance*t.second {
			words[r] = "" // neither is clearly the word meant
		}
	}
	return words
}

// homophoneDominance is how many times more often one word of a reading
// must be written in the entries than any other for that reading to mean
// it (期間 beside the 機関 of 公共交通機関).
const homophoneDominance = 3

// allHan reports whether s is written in kanji alone.
func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// word returns the entries' word read as reading (in katakana, as the
// dictionary gives it), when exactly one is.
func (hi *homophoneIndex) word(reading string) (string, bool) {
	w := hi.byReading[foldKatakanaText(reading)]
	return w, w != ""
}

// spell writes the words of a sentence typed in hiragana alone as the
// entries write them, longest reading first from the left:
// けんしゅうってとうきょういかないとだめ → 研修って東京いかないとだめ.
func (hi *homophoneIndex) spell(s string) string {
	if len(hi.byReading) == 0 {
		return s
	}
	if !onlyHiraganaText(s) {
		return hi.spellLeading(s)
	}
	runes := []rune(s)
	var b strings.Builder
	changed := false
	for i := 0; i < len(runes); {
		n, w := hi.longestAt(runes[i:])
		if n == 0 {
			b.WriteRune(runes[i])
			i++
			continue
		}
		b.WriteString(w)
		i += n
		changed = true
	}
	if !changed {
		return s
	}
	return b.String()
}

// spellLeading writes the word of hiragana that opens s, a phrase in
// other scripts too, as the entries write it, when a particle or another
// script follows it (めんせつってリモート？ → 面接ってリモート？). Only the
// opening word: the hiragana inside a phrase are its endings and particles.
func (hi *homophoneIndex) spellLeading(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !isHiraganaRune(r) && r != longVowel })
	if end <= 0 {
		return s
	}
	run := []rune(s[:end])
	n, w := hi.longestAt(run)
	if n == 0 {
		return s
	}
	after := len(string(run[:n])) // the byte where the word read ends
	if rest := s[after:end]; rest != "" && !hasAnyPrefix(rest, topicParticles...) {
		return s
	}
	return w + s[after:]
}

// topicParticles are the particles that may follow a word named as the
// topic of a question.
var topicParticles = []string{"って", "は", "の", "を", "が", "に", "で", "も", "とか"}

// longestAt returns the length in runes of the longest reading of an
// entries' word that rs starts with, and that word; 0 when none does.
func (hi *homophoneIndex) longestAt(rs []rune) (int, string) {
	for n := min(len(rs), hi.maxRunes); n >= minHomophoneRunes; n-- {
		if w, ok := hi.byReading[string(rs[:n])]; ok && w != "" {
			return n, w
		}
	}
	return 0, ""
}

// repair returns chunk with the kanji words of toks (its words) that no
// entry writes, but that read as one of the entries' words does, written
// as the entries write them: a compound (死角 → 資格), or two kanji the
// dictionary took one by one (級・料 → 給料). A word of concepts is known
// too. A word the entries write is rewritten only after a kanji word the
// entries write another word of its reading after (研修機関 → 研修期間).
// It reports whether it changed anything.
func (hi *homophoneIndex) repair(d *ipaDict, toks []morph, chunk string, concepts conceptMap) (string, bool) {
	var b strings.Builder
	copied, at := 0, 0 // chunk[:copied] is in b; toks[i] starts at byte at
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		from := at
		at += len(t.surface)
		if w, ok := hi.kanjiOfKatakana(t.surface, concepts); ok {
			b.WriteString(chunk[copied:from]) // ジムショ for the 事務所 of the entries
			b.WriteString(w)
			copied = at
			continue
		}
		if !allHan(t.surface) {
			continue
		}
		var w, span string
		switch n := utf8.RuneCountInString(t.surface); {
		case n >= 2 && d.field(t, 0) == "名詞":
			span = t.surface
			switch {
			case concepts[span] != "":
			case !hi.known[span]:
				w, _ = hi.word(d.field(t, 7))
			case i > 0 && allHan(toks[i-1].surface):
				// a word of the entries, but not after this one: 研修機関
				// for the 研修期間 they write, beside 公共交通機関
				if w = hi.afterWord[toks[i-1].surface+"\x00"+foldKatakanaText(d.field(t, 7))]; w == span {
					w = ""
				}
			}
		case n == 1 && i+1 < len(toks) && utf8.RuneCountInString(toks[i+1].surface) == 1 && allHan(toks[i+1].surface):
			span = t.surface + toks[i+1].surface
			if !hi.known[span] && concepts[span] == "" {
				if w = hi.pairWord(d, t.surface, toks[i+1].surface); w == "" {
					w = hi.sharedWord(d, t.surface, toks[i+1].surface)
				}
			}
		}
		if w == "" {
			continue
		}
		if span != t.surface {
			i++
			at += len(toks[i].surface)
		}
		b.WriteString(chunk[copied:from])
		b.WriteString(w)
		copied = at
	}
	if copied == 0 {
		return chunk, false
	}
	b.WriteString(chunk[copied:])
	return b.String(), true
}

// kanjiOfKatakana returns the word the entries write in kanji that a
// word typed in katakana reads as (ジムショ, キタミ, ケンシュウ: students
// type kanji words in katakana on a phone), if surface is such a word of
// at least minHomophoneRunes that no entry writes in katakana itself.
func (hi *homophoneIndex) kanjiOfKatakana(surface string, concepts conceptMap) (string, bool) {
	if utf8.RuneCountInString(surface) < minHomophoneRunes || !allKatakanaWord(surface) || hi.known[surface] || concepts[surface] != "" {
		return "", false
	}
	w, ok := hi.word(surface)
	return w, ok && allHan(w)
}

// allKatakanaWord reports whether s is written in katakana alone.
func allKatakanaWord(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Katakana, r) && r != 'ー' {
			return false
		}
	}
	return s != ""
}

// pairWord returns the one word of the entries that two kanji the
// dictionary took one by one read as, in any of the readings the
// dictionary gives each (修 is シュウ as well as オサム), or "".
func (hi *homophoneIndex) pairWord(d *ipaDict, first, second string) string {
	found := ""
	for _, r1 := range d.readings(first) {
		for _, r2 := range d.readings(second) {
			w, ok := hi.word(r1 + r2)
			switch {
			case !ok || w == found:
			case found != "":
				return "" // two words: neither is sure
			default:
				found = w
			}
		}
	}
	return found
}

// sharedWord returns the one word of the entries, two kanji long, that
// first and second write with one kanji wrong but read alike: one kanji
// is the word's, in its place, and the other reads, in one of the
// dictionary's readings, as the rest of the word's reading (金務 for
// 勤務, 痛勤 for 通勤, 昇信 for 昇進); or "". pairWord finds the two kanji
// whose readings make the word's; the dictionary knows few readings of a
// single kanji (務 only as ツトム), so this keeps the one written right.
func (hi *homophoneIndex) sharedWord(d *ipaDict, first, second string) string {
	found := ""
	consider := func(w readWord, other string, fits func(reading, r string) bool) bool {
		for _, r := range d.readings(other) {
			if r = foldKatakanaText(r); fits(w.reading, r) && len(w.reading) > len(r) {
				if found != "" && found != w.written {
					return false // two words: neither is sure
				}
				found = w.written
			}
		}
		return true
	}
	for _, w := range hi.byKanji[second] {
		if strings.HasSuffix(w.written, second) && !consider(w, first, strings.HasPrefix) {
			return ""
		}
	}
	for _, w := range hi.byKanji[first] {
		if strings.HasPrefix(w.written, first) && !consider(w, second, strings.HasSuffix) {
			return ""
		}
	}
	return found
}

// readings returns the readings, in katakana, of the dictionary's entries
// written surface.
func (d *ipaDict) readings(surface string) []string {
	var out []string
	d.Index.Da.CommonPrefixSearchCallback(surface, func(id, l int) {
		if l != len(surface) {
			return
		}
		for e := id; e <= id+int(d.dups[id]); e++ {
			if r := d.field(morph{id: int32(e), class: tokenizer.KNOWN}, 7); r != "" && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	})
	return out
}
