package bot

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Index ranks FAQ entries for a question. It is immutable once built, safe
// for concurrent use.
//
// A question and every phrasing of an entry (its question and
// alternatives) are normalised, stripped of question boilerplate and
// analysed into three spaces: the written text (inflected kanji words in
// dictionary form), its kana reading (so けんしゅうきかん finds 研修期間),
// and its content words (particles and auxiliaries left out). The two text
// spaces are cut into character bigrams and trigrams, so typos and missing
// spaces do little harm. Every feature weighs its inverse document frequency
// over the entries, and one the index has never seen weighs as much as the
// rarest, so a question about something else (鮭の塩焼きのレシピ) is little
// explained by any entry.
//
// In each space a phrasing scores the geometric mean of the share of the
// question's weight it covers and the share of its own weight the question
// covers; an entry scores its best phrasing blended with the share of the
// question covered by all its text together, keywords and answer included.
// The spaces' scores are then blended (see spaceWeights). Every score is in
// [0,1], 1 meaning the question is a phrasing of the entry, word for word.
type Index struct {
	faqs         []FAQ
	phraseEntry  []int32 // phrase → entry
	spaces       [numSpaces]gramSpace
	matchScratch sync.Pool // *matchScratch for Match
}

// The spaces a question is matched in.
const (
	writtenSpace = iota // the normalised text, in dictionary forms
	readingSpace        // its kana reading
	wordSpace           // its content words
	numSpaces
)

// gramSpace is an inverted index of the features of one space.
type gramSpace struct {
	words   bool             // features are whole words rather than n-grams
	grams   map[string]int32 // feature → id
	weight  []float64        // feature id → IDF weight
	unseen  float64          // the weight of a feature not in grams
	byGramP [][]int32        // feature id → phrases holding it
	byGramE [][]int32        // feature id → entries holding it in a phrasing or keyword
	byGramA [][]int32        // feature id → entries holding it only in their answer
	pNorm   []float64        // phrase → total weight of its features
}

// NewIndex builds an index over the enabled entries of faqs.
func NewIndex(faqs []FAQ) *Index {
	ix := &Index{}
	for _, f := range faqs {
		if f.Enabled {
			ix.faqs = append(ix.faqs, f)
		}
	}
	forms := analyzeEntries(ix.faqs)
	var b [numSpaces]spaceBuilder
	for k := range b {
		b[k].sp = &ix.spaces[k]
		b[k].sp.grams = make(map[string]int32)
		b[k].sp.words = k == wordSpace
	}
	for e, f := range ix.faqs {
		ix.add(int32(e), f, forms[e], &b)
	}
	for k := range b {
		b[k].finish()
	}
	return ix
}

// entryTexts lists the texts of an entry in the order add takes them:
// question, alternatives, keywords, answer.
func entryTexts(f FAQ) []string {
	texts := make([]string, 0, 2+len(f.Alternatives)+len(f.Keywords))
	texts = append(texts, f.Question)
	texts = append(texts, f.Alternatives...)
	texts = append(texts, f.Keywords...)
	return append(texts, f.Answer)
}

// analyzeEntries analyses the texts of every entry, on every core.
func analyzeEntries(faqs []FAQ) [][][numSpaces]string {
	out := make([][][numSpaces]string, len(faqs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for e := range next {
				texts := entryTexts(faqs[e])
				forms := make([][numSpaces]string, len(texts))
				for i, t := range texts {
					forms[i], _ = analyzeText(t)
				}
				out[e] = forms
			}
		})
	}
	for e := range faqs {
		next <- e
	}
	close(next)
	wg.Wait()
	return out
}

// add adds entry e, whose texts were analysed into forms.
func (ix *Index) add(e int32, f FAQ, forms [][numSpaces]string, b *[numSpaces]spaceBuilder) {
	phrases := 1 + len(f.Alternatives)
	for i, form := range forms[:len(forms)-1] {
		isPhrase := i < phrases // else a keyword
		if isPhrase {
			ix.phraseEntry = append(ix.phraseEntry, e)
		}
		for k := range b {
			b[k].add(form[k], isPhrase)
		}
	}
	answer := forms[len(forms)-1]
	for k := range b {
		b[k].endEntry(answer[k])
	}
}

// Len is the number of entries indexed.
func (ix *Index) Len() int { return len(ix.faqs) }

// spaceBuilder collects the features of one space while NewIndex runs.
type spaceBuilder struct {
	sp          *gramSpace
	phraseGrams [][]int32 // phrase → its distinct feature ids
	entryGrams  [][]int32 // entry → the distinct feature ids of its phrasings and keywords
	answerGrams [][]int32 // entry → the feature ids only its answer has
	current     []int32   // feature ids of the entry being added
}

// add adds a text of the current entry: a phrasing matched on its own if
// phrase, else (a keyword) only part of the entry.
func (b *spaceBuilder) add(text string, phrase bool) {
	ids := b.intern(text)
	if phrase {
		b.phraseGrams = append(b.phraseGrams, ids)
	}
	b.current = append(b.current, ids...)
}

// endEntry closes the current entry, whose answer is given.
func (b *spaceBuilder) endEntry(answer string) {
	slices.Sort(b.current)
	entry := slices.Compact(b.current)
	b.entryGrams = append(b.entryGrams, entry)
	b.current = nil
	var only []int32
	for _, id := range b.intern(answer) {
		if _, found := slices.BinarySearch(entry, id); !found {
			only = append(only, id)
		}
	}
	b.answerGrams = append(b.answerGrams, only)
}

// intern returns the distinct feature ids of text, adding new features.
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

// finish weighs the features and builds the posting lists. Document
// frequency counts the entries' phrasings and keywords, not the answers,
// whose wording is free.
func (b *spaceBuilder) finish() {
	sp := b.sp
	df := make([]int, len(sp.grams))
	for _, ids := range b.entryGrams {
		for _, id := range ids {
			df[id]++
		}
	}
	n := float64(len(b.entryGrams))
	idf := func(df int) float64 { // BM25's IDF, which stays positive
		return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	sp.weight = make([]float64, len(df))
	for id, d := range df {
		sp.weight[id] = idf(max(d, 1)) // a feature only answers hold is as rare as can be
	}
	sp.unseen = idf(1)
	sp.byGramP, sp.pNorm = invertPostings(b.phraseGrams, len(df), sp.weight)
	sp.byGramE, _ = invertPostings(b.entryGrams, len(df), sp.weight)
	sp.byGramA, _ = invertPostings(b.answerGrams, len(df), sp.weight)
}

// invertPostings inverts docs (doc → feature ids) and sums each doc's weight.
func invertPostings(docs [][]int32, n int, weight []float64) (byGram [][]int32, norm []float64) {
	byGram = make([][]int32, n)
	norm = make([]float64, len(docs))
	for d, ids := range docs {
		for _, id := range ids {
			byGram[id] = append(byGram[id], int32(d))
			norm[d] += weight[id]
		}
	}
	return byGram, norm
}

// eachGram calls fn with the features of s in the space: its words in the
// word space, else its character n-grams.
func (sp *gramSpace) eachGram(s string, fn func(g string)) {
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
		if n >= 3 {
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
