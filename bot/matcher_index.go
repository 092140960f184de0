package bot

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Index ranks FAQ entries for a question. It is immutable once built, safe
// for concurrent use.
//
// Every phrasing of an entry (its question, alternatives and keywords) is
// normalised, stripped of question boilerplate and cut into character
// bigrams and trigrams, so no word segmentation is needed. Each n-gram is
// weighted by its inverse document frequency over the entries; an n-gram the
// corpus has never seen weighs as much as the rarest one, so a question about
// something else (鮭の塩焼きのレシピ) is little explained by any entry.
// A question scores against a phrasing by how much of the question's weight
// the phrasing covers and how much of the phrasing's weight the question
// covers; an entry scores its best phrasing blended with how much of the
// question all its phrasings cover together. This is done twice, on the
// written form and on the kana reading (so けんしゅうきかん finds 研修期間),
// and the better of the two counts.
type Index struct {
	faqs        []FAQ
	phraseEntry []int32 // phrase → entry
	spaces      [numSpaces]space
	scratch     sync.Pool // *scratch for Match
}

// The spaces a question is matched in.
const (
	writtenSpace = iota // the normalised text as written
	readingSpace        // its kana reading
	wordSpace           // its content words
	numSpaces
)

// space is an inverted index of n-grams over the phrases.
type space struct {
	grams   map[string]int32       // n-gram → id
	weight  []float64              // n-gram id → IDF weight
	unseen  float64                // the weight of an n-gram not in grams
	factor  func(g string) float64 // how much the kind of n-gram counts
	words   bool                   // whole words rather than n-grams
	byGramP [][]int32              // n-gram id → phrases holding it
	byGramE [][]int32              // n-gram id → entries holding it
	byGramA [][]int32              // n-gram id → entries only whose answer holds it
	pNorm   []float64              // phrase → total weight of its n-grams
	eNorm   []float64              // entry → total weight of its n-grams
}

// NewIndex builds an index over the enabled entries of faqs.
func NewIndex(faqs []FAQ) *Index {
	ix := &Index{}
	var b [numSpaces]spaceBuilder
	for k := range b {
		b[k].sp = &ix.spaces[k]
		b[k].sp.grams = make(map[string]int32)
		b[k].sp.factor = gramFactors[k]
		b[k].sp.words = k == wordSpace
	}
	for _, f := range faqs {
		if !f.Enabled {
			continue
		}
		e := int32(len(ix.faqs))
		ix.faqs = append(ix.faqs, f)
		for _, text := range phrasings(f) {
			ix.phraseEntry = append(ix.phraseEntry, e)
			forms, _ := analyze(text)
			for k := range b {
				b[k].addPhrase(forms[k], true)
			}
		}
		for _, text := range f.Keywords {
			forms, _ := analyze(text)
			for k := range b {
				b[k].addPhrase(forms[k], !keywordsEntryOnly)
			}
			if !keywordsEntryOnly {
				ix.phraseEntry = append(ix.phraseEntry, e)
			}
		}
		answer, _ := analyze(f.Answer)
		for k := range b {
			b[k].endEntry(answer[k])
		}
	}
	for k := range b {
		b[k].finish()
	}
	return ix
}

// Len is the number of entries indexed.
func (ix *Index) Len() int { return len(ix.faqs) }

// phrasings lists the texts an entry is matched against.
func phrasings(f FAQ) []string {
	out := make([]string, 0, 1+len(f.Alternatives))
	out = append(out, f.Question)
	return append(out, f.Alternatives...)
}

// spaceBuilder collects the n-grams of one space while NewIndex runs.
type spaceBuilder struct {
	sp          *space
	phraseGrams [][]int32 // phrase → its distinct n-gram ids
	entryGrams  [][]int32 // entry → its distinct n-gram ids
	current     []int32   // n-gram ids of the entry being added
	answerGrams [][]int32 // entry → n-gram ids only its answer has
}

// addPhrase adds the next phrase of the current entry; it is matched on
// its own if scored, else only as part of the entry.
func (b *spaceBuilder) addPhrase(text string, scored bool) {
	ids := b.intern(text)
	if scored {
		b.phraseGrams = append(b.phraseGrams, ids)
	}
	b.current = append(b.current, ids...)
}

// intern returns the distinct n-gram ids of text, adding new n-grams.
func (b *spaceBuilder) intern(text string) []int32 {
	var ids []int32
	b.sp.eachGram(text, func(g string) {
		id, ok := b.sp.grams[g]
		if !ok {
			id = int32(len(b.sp.grams))
			b.sp.grams[g] = id
		}
		ids = append(ids, id)
	})
	slices.Sort(ids)
	return slices.Compact(ids)
}

// endEntry closes the current entry, whose answer is given.
func (b *spaceBuilder) endEntry(answer string) {
	slices.Sort(b.current)
	entry := slices.Compact(b.current)
	b.entryGrams = append(b.entryGrams, entry)
	b.current = nil
	var only []int32
	if useAnswers {
		for _, id := range b.intern(answer) {
			if _, found := slices.BinarySearch(entry, id); !found {
				only = append(only, id)
			}
		}
	}
	b.answerGrams = append(b.answerGrams, only)
}

// finish weighs the n-grams and builds the posting lists and norms.
func (b *spaceBuilder) finish() {
	sp := b.sp
	df := make([]int, len(sp.grams))
	for e, ids := range b.entryGrams {
		for _, id := range ids {
			df[id]++
		}
		if answersInDF {
			for _, id := range b.answerGrams[e] {
				df[id]++
			}
		}
	}
	n := float64(len(b.entryGrams))
	idf := func(df int) float64 { // BM25's IDF, which stays positive
		return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	sp.weight = make([]float64, len(df))
	for g, id := range sp.grams {
		sp.weight[id] = idf(df[id]) * sp.factor(g)
	}
	sp.unseen = idf(unseenDF)
	sp.byGramP, sp.pNorm = postings(b.phraseGrams, sp.weight)
	sp.byGramE, sp.eNorm = postings(b.entryGrams, sp.weight)
	sp.byGramA, _ = postings(b.answerGrams, sp.weight)
}

// postings inverts docs (doc → n-gram ids) and sums each doc's weight.
func postings(docs [][]int32, weight []float64) (byGram [][]int32, norm []float64) {
	byGram = make([][]int32, len(weight))
	norm = make([]float64, len(docs))
	for d, ids := range docs {
		for _, id := range ids {
			byGram[id] = append(byGram[id], int32(d))
			norm[d] += weight[id]
		}
	}
	return byGram, norm
}

// eachGram calls fn with the features of s in the space: its words in
// the word space, else character n-grams.
func (sp *space) eachGram(s string, fn func(g string)) {
	if !sp.words {
		charGrams(s, fn)
		return
	}
	for w := range strings.FieldsSeq(s) {
		fn(w)
	}
}

// charGrams calls fn with the character bigrams and trigrams of every
// space-separated segment of s; a segment of one character yields itself.
// The same n-gram may be passed more than once.
func charGrams(s string, fn func(g string)) {
	var starts [4]int // byte offsets of the last runes, ring
	n := 0            // runes in the current segment
	for i, r := range s {
		if r == ' ' {
			flushSingle(s, starts, n, i, fn)
			n = 0
			continue
		}
		starts[n%4] = i
		n++
		end := i + utf8.RuneLen(r)
		if n >= 2 {
			fn(s[starts[(n-2)%4]:end])
		}
		if n >= 3 && useTrigrams {
			fn(s[starts[(n-3)%4]:end])
		}
	}
	flushSingle(s, starts, n, len(s), fn)
}

// flushSingle passes a one-character segment ending at end to fn.
func flushSingle(s string, starts [4]int, n, end int, fn func(g string)) {
	if n == 1 {
		fn(s[starts[0]:end])
	}
}
