package faq

import (
	"math"
	"slices"
)

// The weights of the score; see Index. They were chosen, with
// AnswerThreshold, by measuring TestFAQAccuracy over a grid: accuracy
// varies by about a point across the neighbourhood of these values.
const (
	// phraseShare is the share of an entry's score that comes from its best
	// phrasing; the rest is the share of the question that all its text
	// covers together.
	phraseShare = 0.3

	// answerShare is how much a feature found only in an entry's answer
	// counts towards that coverage: answers are long and wander (the
	// company's answer mentions 関係人口, which is no reason to answer
	// 東京の人口は？ with it), but they hold words students use.
	answerShare = 0.25

	// minInformativeIDF is the weight under which a feature of the question
	// is not added up against the entries: it is in nearly all of them
	// (over nine in ten), so it moves no entry's score against another's
	// but costs time in proportion to the knowledge base. It still counts
	// in the question's norm. Measured on every question set: the same
	// answers, and Match1000 about a third faster.
	minInformativeIDF = 0.1
)

// spaceWeights blends the scores of the spaces for a question that has
// kanji or katakana: the words weigh most, the written and read n-grams
// catch what the words miss (typos, words the analyser splits otherwise).
var spaceWeights = [numSpaces]float64{writtenSpace: 0.25, readingSpace: 0.25, wordSpace: 0.5}

// kanaSpaceWeights is used for a question typed in hiragana alone, which
// mostly its reading matches: the analyser cannot cut hiragana into words,
// and its written form is its reading. The words the homophone index
// spells as the entries write them (けんしゅう → 研修) count for a quarter.
// Measured: of the right answers typed again in hiragana, 1511/1853 stay
// right on the reading alone, 1570/1855 at a quarter, fewer at 0.4 or 0.15.
var kanaSpaceWeights = [numSpaces]float64{readingSpace: 0.75, wordSpace: 0.25}

// matchScratch holds the per-question working memory of Match.
type matchScratch struct {
	dotP   []float64      // phrase → weight shared with the question
	dotE   []float64      // entry → weight shared with the question
	dotPd  []float64      // phrase → what the question's norm gains from the features it has
	dotEd  []float64      // entry → the same for an entry
	score  []float64      // entry → score over the spaces so far
	hit    []int32        // entries scored in any space
	ids    []questionGram // the question's known features
	unseen []questionGram // the question's unknown features
	words  []string       // the unknown features themselves
	keys   []uint64       // mergeQuestionGrams' working memory
	tmp    []questionGram // mergeQuestionGrams' working memory
}

// questionGram is a feature of the question with its weights (see
// weightedText); id indexes the space's features, or sc.words when the
// space does not know it.
type questionGram struct {
	id   int32
	w, d float32
}

// getScratch takes working memory sized for ix from the pool.
func (ix *Index) getScratch() *matchScratch {
	if sc, ok := ix.matchScratch.Get().(*matchScratch); ok {
		return sc
	}
	return &matchScratch{
		dotP:  make([]float64, len(ix.phraseEntry)),
		dotE:  make([]float64, len(ix.faqs)),
		dotPd: make([]float64, len(ix.phraseEntry)),
		dotEd: make([]float64, len(ix.faqs)),
		score: make([]float64, len(ix.faqs)),
	}
}

// rank scores the entries for a question, best first, and returns the
// places and organisations the question names.
func (ix *Index) rank(question string) ([]Scored, []string) {
	if len(ix.faqs) == 0 {
		return nil, nil
	}
	sc := ix.getScratch()
	defer ix.matchScratch.Put(sc)
	sc.hit = sc.hit[:0]
	an := analyzerPool.Get().(*analyzer)
	defer analyzerPool.Put(an)
	an.concepts, an.vocab = ix.concepts, &ix.homophones
	a := an.analyze(question, ix.spelling.correct)
	an.concepts, an.vocab = nil, nil
	weights := &spaceWeights
	if a.kanaOnly {
		weights = &kanaSpaceWeights
	}
	for k := range ix.spaces {
		if weights[k] > 0 {
			ix.rankSpace(k, a.spaces[k], weights[k], sc)
		}
	}
	top := topScored(ix.faqs, sc.score, sc.hit)
	for _, e := range sc.hit {
		sc.score[e] = 0
	}
	return top, slices.Clone(a.names)
}

// rankSpace adds to sc.score the entries' scores in space k, weighted.
//
// A feature of the question counts its weight w against an entry that
// has it, and w·d against one that lacks it: the question's norm is the
// sum of w·d, plus w·(1-d) for the features the entry has.
//
// The entries, and the phrasings of those that share anything with the
// question, are swept in order rather than followed in lists of those
// the question touched: most questions touch most of them, in the
// written and read spaces at least, and keeping the lists cost more than
// it saved.
func (ix *Index) rankSpace(k int, q weightedText, weight float64, sc *matchScratch) {
	sp := &ix.spaces[k]
	norm := sp.questionGrams(q, sc)
	if norm == 0 {
		return
	}
	sp.accumulate(sc)
	for e, d := range sc.dotE {
		if d == 0 {
			continue // it shares nothing with the question
		}
		best := ix.bestPhrase(sp, int32(e), norm, sc) // the square of the best phrasing's score
		wq := norm + sc.dotEd[e]
		s := phraseShare*math.Sqrt(best) + (1-phraseShare)*min(d/wq, 1)
		if sc.score[e] == 0 {
			sc.hit = append(sc.hit, int32(e))
		}
		sc.score[e] += weight * s
		sc.dotE[e], sc.dotEd[e] = 0, 0
	}
}

// phraseScore2 is the square of a phrasing's score, from the weight d it
// shares with the question, the question's norm wq against it, and its
// own norm pNorm. The square root is monotonic: it is taken once, of the
// best.
func phraseScore2(d, wq, pNorm float64) float64 { return d / wq * d / pNorm }

// bestPhrase returns the square of the best score of entry e's phrasings
// and clears their sums. A phrasing the question shares nothing with
// scores 0. Every phrasing that shares a feature belongs to an entry that
// shares it too, since an entry holds every feature of its phrasings.
func (ix *Index) bestPhrase(sp *gramSpace, e int32, norm float64, sc *matchScratch) float64 {
	from, to := ix.phraseStart[e], ix.phraseStart[e+1]
	dots, extras, norms := sc.dotP[from:to], sc.dotPd[from:to], sp.pNorm[from:to:to]
	best := 0.0
	for p, d := range dots {
		if d == 0 {
			continue
		}
		if s := phraseScore2(d, norm+extras[p], norms[p]); s > best { // never NaN
			best = s
		}
		dots[p], extras[p] = 0, 0
	}
	return best
}

// questionGrams collects the distinct features of q into sc.ids (known)
// and sc.unseen, and returns the question's norm: the sum of w·d·IDF.
func (sp *gramSpace) questionGrams(q weightedText, sc *matchScratch) float64 {
	sc.ids, sc.unseen, sc.words = sc.ids[:0], sc.unseen[:0], sc.words[:0]
	sp.eachGram(q, func(g string, key uint64, w, d float64) {
		if id, ok := sp.lookup(g, key); ok {
			sc.ids = append(sc.ids, questionGram{id, float32(w), float32(d)})
			return
		}
		id := slices.Index(sc.words, g)
		if id < 0 {
			id = len(sc.words)
			sc.words = append(sc.words, g)
		}
		sc.unseen = append(sc.unseen, questionGram{int32(id), float32(w), float32(d)})
	})
	sc.ids = mergeQuestionGrams(sc.ids, &sc.keys, &sc.tmp)
	sc.unseen = mergeQuestionGrams(sc.unseen, &sc.keys, &sc.tmp)
	norm := 0.0
	for _, u := range sc.unseen {
		norm += float64(u.w*u.d) * sp.unseen
	}
	for _, g := range sc.ids {
		norm += float64(g.w*g.d) * sp.weight[g.id]
	}
	return norm
}

// mergeQuestionGrams sorts gs by feature and keeps one of each, with its
// greatest weights. It sorts integer keys (the feature, then the index in
// gs), which is faster than sorting gs with a comparison function; keys
// and tmp are its working memory.
func mergeQuestionGrams(gs []questionGram, keys *[]uint64, tmp *[]questionGram) []questionGram {
	k := (*keys)[:0]
	for i, g := range gs {
		k = append(k, uint64(uint32(g.id))<<32|uint64(i))
	}
	slices.Sort(k)
	t := append((*tmp)[:0], gs...)
	out := gs[:0]
	for _, key := range k {
		g := t[uint32(key)]
		if n := len(out); n > 0 && out[n-1].id == g.id {
			out[n-1].w, out[n-1].d = max(out[n-1].w, g.w), max(out[n-1].d, g.d)
			continue
		}
		out = append(out, g)
	}
	*keys, *tmp = k, t
	return out
}

// accumulate adds the weight of each of the question's features to the
// phrases and entries holding it. A feature counts the lesser of its
// weights in the question and in the phrase. The features are taken in
// order of id, so that every sum is added up in the same order.
func (sp *gramSpace) accumulate(sc *matchScratch) {
	for _, g := range sc.ids {
		idf := sp.weight[g.id]
		if idf < minInformativeIDF {
			continue // nearly every entry holds it: it tells none from another
		}
		addPostings(sp.byGramP[g.id], sp.maxP[g.id], g, idf, sc.dotP, sc.dotPd)
		addPostings(sp.byGramE[g.id], sp.maxE[g.id], g, idf, sc.dotE, sc.dotEd)
	}
}

// addPostings adds the weight of feature g to the documents of list, whose
// greatest weight is maxW: to dot, and to extra what the question's norm
// gains (see rankSpace).
func addPostings(list []posting, maxW float32, g questionGram, idf float64, dot, extra []float64) {
	switch {
	case g.d >= 1 && g.w >= maxW:
		addWeights(list, idf, dot)
	case g.d >= 1:
		for _, p := range list {
			dot[p.doc] += idf * float64(min(g.w, p.w))
		}
	default:
		lack := float64(1 - g.d)
		for _, p := range list {
			m := idf * float64(min(g.w, p.w))
			dot[p.doc] += m
			extra[p.doc] += m * lack
		}
	}
}

// addWeights adds to dot the weight of each document of list times idf:
// what a feature shares with them when it weighs at least as much in the
// question (the lesser of the weights is theirs).
func addWeights(list []posting, idf float64, dot []float64) {
	for _, p := range list {
		dot[p.doc] += idf * float64(p.w)
	}
}

// onlyHiraganaText reports whether s is written in hiragana alone (and digits,
// spaces), as students do who skip the kanji conversion.
func onlyHiraganaText(s string) bool {
	for _, r := range s {
		if !isHiraganaRune(r) && r != longVowel && r != ' ' && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
