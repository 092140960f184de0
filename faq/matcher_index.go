package faq

import (
	"math"
	"math/bits"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
)

// Index ranks FAQ entries for a question. It is immutable once built, safe
// for concurrent use.
//
// A question and every phrasing of an entry (its question and
// alternatives) are split into sentences and clauses, normalised, and
// analysed into three spaces: the written text (inflected words in
// dictionary form), its kana reading (so けんしゅうきかん finds 研修期間),
// and its content words. The two text spaces are cut into character
// bigrams and trigrams, so typos and missing spaces do little harm.
// Before that, a misspelt loanword or name of the question is corrected to
// the nearest word of the entries (リモーワーク → リモートワーク), and a word
// the entries write otherwise with the same reading is written as they do
// (応募死角 → 応募資格, けんしゅう → 研修: see homophoneIndex).
//
// Every feature weighs its inverse document frequency over the entries
// times what its words say about the question (see analyzeText): nouns
// most, verbs and adverbs less, particles, auxiliaries and the verbs that
// frame a question (教えていただけますか) little or nothing, and a word of a
// preamble or a leading clause (北見工大の3年です。〜んですけど、) counts
// when an entry has it but little against one that lacks it. A feature the
// index has never seen weighs as much as the rarest, so a question about
// something else (鮭の塩焼きのレシピ) is little explained by any entry.
//
// In each space a phrasing scores the geometric mean of the share of the
// question's weight it covers and the share of its own weight the question
// covers; an entry scores its best phrasing blended with the share of the
// question covered by all its text together, keywords and (for less) answer
// included.
// The spaces' scores are then blended (see spaceWeights). Every score is in
// [0,1], 1 meaning the question is a phrasing of the entry, word for word.
type Index struct {
	faqs         []FAQ
	phraseEntry  []int32 // phrase → entry
	phraseStart  []int32 // entry → its first phrase; the last is len(phraseEntry)
	spaces       [numSpaces]gramSpace
	spelling     spellingIndex
	homophones   homophoneIndex
	concepts     conceptMap // words taken for one another
	texts        []string   // entry → its whole normalised text (see attribute)
	matchScratch sync.Pool  // *matchScratch for Match
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
	byRunes runeGramTable    // the n-grams of grams, by their runes (see runeKey)
	weight  []float64        // feature id → IDF weight
	unseen  float64          // the weight of a feature not in grams
	byGramP [][]posting      // feature id → phrases holding it
	byGramE [][]posting      // feature id → entries holding it (an answer's features for less)
	maxP    []float32        // feature id → the greatest weight in its byGramP list
	maxE    []float32        // feature id → the greatest weight in its byGramE list
	pNorm   []float64        // phrase → total weight of its features
}

// posting is a phrase or entry holding a feature, and how much the
// feature counts there (see analysis).
type posting struct {
	doc int32
	w   float32
}

// gramWeight is a feature id and how much it counts in a text.
type gramWeight struct {
	id int32
	w  float32
}

// NewIndex builds an index over the enabled entries of faqs, taking the
// words of each concept for one another.
func NewIndex(faqs []FAQ, concepts ...Concept) *Index {
	ix := &Index{concepts: newConceptMap(concepts)}
	for _, f := range faqs {
		if f.Enabled {
			ix.faqs = append(ix.faqs, f)
		}
	}
	forms, texts := analyzeEntries(ix.faqs, ix.concepts)
	ix.texts = texts
	ix.spelling = newSpellingIndex(forms)
	ix.homophones = newHomophoneIndex(forms)
	var b [numSpaces]spaceBuilder
	for k := range b {
		b[k].sp = &ix.spaces[k]
		b[k].sp.grams = make(map[string]int32)
		b[k].sp.words = k == wordSpace
	}
	for e, f := range ix.faqs {
		ix.phraseStart = append(ix.phraseStart, int32(len(ix.phraseEntry)))
		for range 1 + len(f.Alternatives) {
			ix.phraseEntry = append(ix.phraseEntry, int32(e))
		}
	}
	ix.phraseStart = append(ix.phraseStart, int32(len(ix.phraseEntry)))
	var wg sync.WaitGroup
	for k := range b { // the spaces are independent: one core each
		wg.Go(func() {
			for e, f := range ix.faqs {
				b[k].addEntry(forms[e], k, 1+len(f.Alternatives))
			}
			b[k].finish()
		})
	}
	wg.Wait()
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

// analyzeEntries analyses the texts of every entry, on every core, and
// returns them with each entry's whole text (see entryText).
func analyzeEntries(faqs []FAQ, concepts conceptMap) ([][]analysis, []string) {
	out, whole := make([][]analysis, len(faqs)), make([]string, len(faqs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			an := analyzer{concepts: concepts} // one per core, its memory reused
			for e := range next {
				texts := entryTexts(faqs[e])
				forms := make([]analysis, len(texts))
				for i, t := range texts {
					forms[i] = an.analyze(t, nil).owned()
				}
				out[e], whole[e] = forms, entryText(faqs[e])
			}
		})
	}
	for e := range faqs {
		next <- e
	}
	close(next)
	wg.Wait()
	return out, whole
}

// addEntry adds the features in space k of an entry whose texts were
// analysed into forms: its first phrases texts are phrasings, the rest but
// the last keywords, the last its answer.
func (b *spaceBuilder) addEntry(forms []analysis, k, phrases int) {
	for i, form := range forms[:len(forms)-1] {
		b.add(form.spaces[k], i < phrases)
	}
	b.endEntry(forms[len(forms)-1].spaces[k])
}

// Len is the number of entries indexed.
func (ix *Index) Len() int { return len(ix.faqs) }

// spaceBuilder collects the features of one space while NewIndex runs.
type spaceBuilder struct {
	sp          *gramSpace
	phraseGrams [][]gramWeight // phrase → its distinct features
	entryGrams  [][]gramWeight // entry → the distinct features of its phrasings, keywords and (for less) answer
	current     []gramWeight   // features of the entry being added
	df          []int32        // feature id → entries holding it in a phrasing or keyword
	seen        []int32        // feature id → 1 + its index in the list being merged
	mark        []uint32       // feature id → the merge that set seen
	merges      uint32         // merges so far
	scratch     []gramWeight   // intern's working memory
	slab        []gramWeight   // keep's memory
}

// add adds a text of the current entry: a phrasing matched on its own if
// phrase, else (a keyword) only part of the entry.
func (b *spaceBuilder) add(text weightedText, phrase bool) {
	ids := b.intern(text, 1)
	if phrase {
		b.phraseGrams = append(b.phraseGrams, b.keep(ids))
	}
	b.current = append(b.current, ids...)
}

// endEntry closes the current entry, whose answer is given.
func (b *spaceBuilder) endEntry(answer weightedText) {
	b.current = b.merge(b.current)
	for len(b.df) < len(b.sp.grams) {
		b.df = append(b.df, 0)
	}
	for _, g := range b.current {
		b.df[g.id]++
	}
	b.current = append(b.current, b.intern(answer, answerShare)...)
	b.entryGrams = append(b.entryGrams, b.keep(b.merge(b.current)))
	b.current = b.current[:0]
}

// keep copies ids into the builder's slab, which it fills before it takes
// another: one allocation for many short lists.
func (b *spaceBuilder) keep(ids []gramWeight) []gramWeight {
	if cap(b.slab)-len(b.slab) < len(ids) {
		b.slab = make([]gramWeight, 0, max(slabSize, len(ids)))
	}
	from := len(b.slab)
	b.slab = append(b.slab, ids...)
	return b.slab[from:len(b.slab):len(b.slab)]
}

// slabSize is the number of features spaceBuilder.keep allocates at once.
const slabSize = 1 << 14

// intern returns the distinct features of text, adding new features, with
// their weights times share. The list is the builder's working memory: it
// lasts until intern is called again.
func (b *spaceBuilder) intern(text weightedText, share float64) []gramWeight {
	ids := b.scratch[:0]
	b.sp.eachGram(text, func(g string, _ uint64, w, d float64) {
		id, ok := b.sp.grams[g]
		if !ok {
			id = int32(len(b.sp.grams))
			b.sp.grams[strings.Clone(g)] = id // not to keep the whole text
		}
		ids = append(ids, gramWeight{id, float32(w * d * share)})
	})
	b.scratch = ids
	return b.merge(ids)
}

// merge keeps one of each feature of ids, in place, with its greatest
// weight.
func (b *spaceBuilder) merge(ids []gramWeight) []gramWeight {
	for len(b.seen) < len(b.sp.grams) {
		b.seen, b.mark = append(b.seen, 0), append(b.mark, 0)
	}
	b.merges++
	out := ids[:0]
	for _, g := range ids {
		if b.mark[g.id] == b.merges {
			o := &out[b.seen[g.id]-1]
			o.w = max(o.w, g.w)
			continue
		}
		b.mark[g.id], b.seen[g.id] = b.merges, int32(len(out)+1)
		out = append(out, g)
	}
	return out
}

// finish weighs the features and builds the posting lists. Document
// frequency counts the entries' phrasings and keywords, not the answers,
// whose wording is free.
func (b *spaceBuilder) finish() {
	sp := b.sp
	n := float64(len(b.entryGrams))
	idf := func(df int32) float64 { // BM25's IDF, which stays positive
		return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	sp.weight = make([]float64, len(sp.grams))
	for id := range sp.weight {
		df := int32(0)
		if id < len(b.df) {
			df = b.df[id]
		}
		sp.weight[id] = idf(max(df, 1)) // a feature only answers hold is as rare as can be
	}
	sp.unseen = idf(1)
	sp.byGramP, sp.pNorm = invertPostings(b.phraseGrams, len(sp.grams), sp.weight)
	sp.byGramE, _ = invertPostings(b.entryGrams, len(sp.grams), sp.weight)
	sp.maxP, sp.maxE = maxWeights(sp.byGramP), maxWeights(sp.byGramE)
	if !sp.words {
		sp.byRunes = newRuneGramTable(sp.grams)
	}
}

// invertPostings inverts docs (doc → features) and sums each doc's weight.
// The features too common to be added up (see minInformativeIDF) count in
// the norms but get no list.
func invertPostings(docs [][]gramWeight, n int, weight []float64) (byGram [][]posting, norm []float64) {
	count := make([]int32, n)
	total := 0
	for _, ids := range docs {
		for _, g := range ids {
			if weight[g.id] >= minInformativeIDF {
				count[g.id]++
				total++
			}
		}
	}
	all := make([]posting, total) // one allocation for every list
	byGram = make([][]posting, n)
	for id, c := range count {
		byGram[id], all = all[:0:c], all[c:]
	}
	norm = make([]float64, len(docs))
	for d, ids := range docs {
		for _, g := range ids {
			if weight[g.id] >= minInformativeIDF {
				byGram[g.id] = append(byGram[g.id], posting{int32(d), g.w})
			}
			norm[d] += weight[g.id] * float64(g.w)
		}
	}
	return byGram, norm
}

// maxWeights returns the greatest weight of each list of byGram, 0 for an
// empty one.
func maxWeights(byGram [][]posting) []float32 {
	out := make([]float32, len(byGram))
	for id, list := range byGram {
		for _, p := range list {
			out[id] = max(out[id], p.w)
		}
	}
	return out
}

// eachGram calls fn with the features of t in the space and their weights
// (see weightedText): its words in the word space, else its character
// n-grams. key is an n-gram's rune key (see runeKey), 0 for a word or an
// n-gram without one.
func (sp *gramSpace) eachGram(t weightedText, fn func(g string, key uint64, w, d float64)) {
	if !sp.words {
		charGrams(t, fn)
		return
	}
	i := 0
	for w := range strings.FieldsSeq(t.s) {
		if i < len(t.w) && t.w[i] > 0 {
			fn(w, 0, float64(t.w[i]), float64(t.d[i]))
		}
		i++
	}
}

// lookup returns the id of feature g, whose rune key is key (0 when it has
// none), and whether the space knows it.
func (sp *gramSpace) lookup(g string, key uint64) (int32, bool) {
	if key != 0 {
		return sp.byRunes.find(key)
	}
	id, ok := sp.grams[g]
	return id, ok
}

// charGrams calls fn with the character bigrams and trigrams of every
// space-separated segment of t, each weighing the mean of its runes, and
// with their rune keys; a segment of one character yields itself. The
// same n-gram may be passed more than once.
func charGrams(t weightedText, fn func(g string, key uint64, w, d float64)) {
	s := t.s
	var starts [4]int     // byte offsets of the last runes, ring
	var ws, ds [4]float64 // their weights, ring
	var rs [4]rune        // the runes themselves, ring
	n := 0                // runes in the current segment
	ri := 0               // rune index in s
	emit := func(g string, key uint64, w, d float64) {
		if w > 0 {
			fn(g, key, w, d)
		}
	}
	for i, r := range s {
		w, d := 0.0, 0.0
		if ri < len(t.w) {
			w, d = float64(t.w[ri]), float64(t.d[ri])
		}
		ri++
		if r == ' ' {
			if n == 1 {
				emit(s[starts[0]:i], runeKey(noRunes, rs[0]), ws[0], ds[0])
			}
			n = 0
			continue
		}
		starts[n%4], ws[n%4], ds[n%4], rs[n%4] = i, w, d, r
		n++
		end := i + utf8.RuneLen(r)
		if n >= 2 {
			a := (n - 2) % 4
			emit(s[starts[a]:end], runeKey(runeKey(noRunes, rs[a]), r), (ws[a]+w)/2, (ds[a]+d)/2)
		}
		if n >= 3 {
			a, b := (n-3)%4, (n-2)%4
			emit(s[starts[a]:end], runeKey(runeKey(runeKey(noRunes, rs[a]), rs[b]), r), (ws[a]+ws[b]+w)/3, (ds[a]+ds[b]+d)/3)
		}
	}
	if n == 1 {
		emit(s[starts[0]:], runeKey(noRunes, rs[0]), ws[0], ds[0])
	}
}

// noRunes is the rune key of no runes (see runeKey).
const noRunes = 1

// runeKey appends rune r to key, the rune key of the runes before it. The
// rune key of one to three runes is a number no other such sequence has:
// a 1 bit, then each rune in 21 bits. It is 0, meaning none, once any of
// them is utf8.RuneError, which may stand for any invalid byte: an
// n-gram of other runes is their UTF-8 encoding, so its key stands for it.
func runeKey(key uint64, r rune) uint64 {
	if key == 0 || r == utf8.RuneError {
		return 0
	}
	return key<<21 | uint64(r)
}

// stringRuneKey is the rune key of s, or 0 when s is not one to three
// valid runes other than utf8.RuneError.
func stringRuneKey(s string) uint64 {
	key := uint64(noRunes)
	n := 0
	for _, r := range s {
		if n++; n > 3 {
			return 0
		}
		key = runeKey(key, r)
	}
	if n == 0 {
		return 0
	}
	return key
}

// runeGramTable maps the rune keys of n-grams to their ids: an open
// addressing hash table, quicker to look up than a map of strings.
type runeGramTable struct {
	slots []runeGramSlot // a power of two of them, more than the keys
	shift uint8          // 64 less the bits of a slot number
}

// runeGramSlot is a slot of a runeGramTable; key 0 is an empty one.
type runeGramSlot struct {
	key uint64
	id  int32
}

// newRuneGramTable indexes the n-grams of grams that have a rune key.
func newRuneGramTable(grams map[string]int32) runeGramTable {
	b := bits.Len(uint(2 * len(grams))) // more than twice as many slots as keys, at least 1
	t := runeGramTable{slots: make([]runeGramSlot, 1<<b), shift: uint8(64 - b)}
	mask := len(t.slots) - 1
	for g, id := range grams {
		key := stringRuneKey(g)
		if key == 0 {
			continue
		}
		i := t.slot(key)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = runeGramSlot{key, id}
	}
	return t
}

// slot is where key's search starts: Fibonacci hashing.
func (t *runeGramTable) slot(key uint64) int {
	return int((key * 0x9E3779B97F4A7C15) >> t.shift)
}

// find returns the id of the n-gram whose rune key is key, and whether
// there is one.
func (t *runeGramTable) find(key uint64) (int32, bool) {
	mask := len(t.slots) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case key:
			return t.slots[i].id, true
		case 0:
			return 0, false
		}
	}
}
