package bot

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
)

// spaceWeights blends the scores of the spaces for a question that has
// kanji or katakana: the words weigh most, the written and read n-grams
// catch what the words miss (typos, words the analyser splits otherwise).
var spaceWeights = [numSpaces]float64{writtenSpace: 0.25, readingSpace: 0.25, wordSpace: 0.5}

// kanaSpaceWeights is used for a question typed in hiragana alone, which
// only its reading can match (the analyser cannot cut it into words, and
// its written form is its reading).
var kanaSpaceWeights = [numSpaces]float64{readingSpace: 1}

// matchScratch holds the per-question working memory of Match.
type matchScratch struct {
	dotP     []float64 // phrase → weight shared with the question
	dotE     []float64 // entry → weight shared with the question
	best     []float64 // entry → best phrase score
	score    []float64 // entry → score over the spaces so far
	touchedP []int32
	touchedE []int32
	hit      []int32  // entries scored in any space
	ids      []int32  // the question's known features
	unseen   []string // the question's unknown features
}

// getScratch takes working memory sized for ix from the pool.
func (ix *Index) getScratch() *matchScratch {
	if sc, ok := ix.matchScratch.Get().(*matchScratch); ok {
		return sc
	}
	return &matchScratch{
		dotP:  make([]float64, len(ix.phraseEntry)),
		dotE:  make([]float64, len(ix.faqs)),
		best:  make([]float64, len(ix.faqs)),
		score: make([]float64, len(ix.faqs)),
	}
}

// rank scores the entries for a question, best first.
func (ix *Index) rank(question string) []Scored {
	if len(ix.faqs) == 0 {
		return nil
	}
	sc := ix.getScratch()
	defer ix.matchScratch.Put(sc)
	sc.hit = sc.hit[:0]
	forms, kanaOnly := analyzeText(question)
	weights := &spaceWeights
	if kanaOnly {
		weights = &kanaSpaceWeights
	}
	for k := range ix.spaces {
		if weights[k] > 0 {
			ix.rankSpace(k, forms[k], weights[k], sc)
		}
	}
	top := topScored(ix.faqs, sc.score, sc.hit)
	for _, e := range sc.hit {
		sc.score[e] = 0
	}
	return top
}

// rankSpace adds to sc.score the entries' scores in space k, weighted.
func (ix *Index) rankSpace(k int, q string, weight float64, sc *matchScratch) {
	sp := &ix.spaces[k]
	wq := sp.questionGrams(q, sc)
	if wq == 0 {
		return
	}
	sp.accumulate(sc)
	for _, p := range sc.touchedP {
		e, d := ix.phraseEntry[p], sc.dotP[p]
		s := math.Sqrt(d / wq * d / sp.pNorm[p])
		sc.best[e] = max(sc.best[e], s)
		sc.dotP[p] = 0
	}
	for _, e := range sc.touchedE {
		s := phraseShare*sc.best[e] + (1-phraseShare)*min(sc.dotE[e]/wq, 1)
		if sc.score[e] == 0 {
			sc.hit = append(sc.hit, e)
		}
		sc.score[e] += weight * s
		sc.best[e], sc.dotE[e] = 0, 0
	}
}

// questionGrams collects the distinct known features of q into sc.ids and
// returns the total weight of all its distinct features, known or not.
func (sp *gramSpace) questionGrams(q string, sc *matchScratch) float64 {
	sc.ids, sc.unseen = sc.ids[:0], sc.unseen[:0]
	sp.eachGram(q, func(g string) {
		if id, ok := sp.grams[g]; ok {
			sc.ids = append(sc.ids, id)
		} else {
			sc.unseen = append(sc.unseen, g)
		}
	})
	slices.Sort(sc.ids)
	sc.ids = slices.Compact(sc.ids)
	slices.Sort(sc.unseen)
	sc.unseen = slices.Compact(sc.unseen)
	w := float64(len(sc.unseen)) * sp.unseen
	for _, id := range sc.ids {
		w += sp.weight[id]
	}
	return w
}

// accumulate adds the weight of each of the question's features to the
// phrases and entries holding it, noting which were touched.
func (sp *gramSpace) accumulate(sc *matchScratch) {
	sc.touchedP, sc.touchedE = sc.touchedP[:0], sc.touchedE[:0]
	for _, id := range sc.ids {
		w := sp.weight[id]
		for _, p := range sp.byGramP[id] {
			if sc.dotP[p] == 0 {
				sc.touchedP = append(sc.touchedP, p)
			}
			sc.dotP[p] += w
		}
		for _, list := range [2][]int32{sp.byGramE[id], sp.byGramA[id]} {
			for _, e := range list {
				if sc.dotE[e] == 0 {
					sc.touchedE = append(sc.touchedE, e)
				}
				sc.dotE[e] += w
			}
		}
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
