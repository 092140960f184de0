package bot

import (
	"math"
	"slices"
)

// scratch holds the per-question working memory of Match.
type scratch struct {
	dotP     []float64 // phrase → weight shared with the question
	dotE     []float64 // entry → weight shared with the question
	best     []float64 // entry → best phrase score
	score    []float64 // entry → score over the spaces so far
	touchedP []int32
	touchedE []int32
	hit      []int32  // entries scored in any space
	ids      []int32  // the question's known n-grams
	unseen   []string // the question's unknown n-grams
}

// getScratch takes working memory sized for ix from the pool.
func (ix *Index) getScratch() *scratch {
	if sc, ok := ix.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{
		dotP:  make([]float64, len(ix.phraseEntry)),
		dotE:  make([]float64, len(ix.faqs)),
		best:  make([]float64, len(ix.faqs)),
		score: make([]float64, len(ix.faqs)),
	}
}

// rank scores the entries for a normalised question, best first.
func (ix *Index) rank(question string) []Scored {
	if len(ix.faqs) == 0 {
		return nil
	}
	sc := ix.getScratch()
	defer ix.scratch.Put(sc)
	sc.hit = sc.hit[:0]
	forms, kanaOnly := analyze(question)
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

// rankSpace scores the entries in one space, keeping in sc.score the
// better of that and the score so far.
func (ix *Index) rankSpace(k int, q string, weight float64, sc *scratch) {
	sp := &ix.spaces[k]
	wq := sp.questionGrams(q, sc)
	if wq == 0 {
		return
	}
	sp.accumulate(sc)
	for _, p := range sc.touchedP {
		e := ix.phraseEntry[p]
		d := sc.dotP[p]
		s := math.Pow(d/wq, questionCoverageExp) * math.Pow(d/sp.pNorm[p], 1-questionCoverageExp)
		sc.best[e] = max(sc.best[e], s)
		sc.dotP[p] = 0
	}
	for _, e := range sc.touchedE {
		s := phraseShare*sc.best[e] + (1-phraseShare)*sc.dotE[e]/wq
		if sc.score[e] == 0 {
			sc.hit = append(sc.hit, e)
		}
		sc.score[e] += s * weight
		sc.best[e], sc.dotE[e] = 0, 0
	}
}

// questionGrams collects the distinct known n-grams of q into sc.ids and
// returns the total weight of all its distinct n-grams, known or not.
func (sp *space) questionGrams(q string, sc *scratch) float64 {
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
	w := 0.0
	for _, g := range sc.unseen {
		w += sp.unseen * sp.factor(g)
	}
	for _, id := range sc.ids {
		w += sp.weight[id]
	}
	return w
}

// accumulate adds the weight of each of the question's n-grams to the
// phrases and entries holding it, noting which were touched.
func (sp *space) accumulate(sc *scratch) {
	sc.touchedP, sc.touchedE = sc.touchedP[:0], sc.touchedE[:0]
	for _, id := range sc.ids {
		w := sp.weight[id]
		for _, p := range sp.byGramP[id] {
			if sc.dotP[p] == 0 {
				sc.touchedP = append(sc.touchedP, p)
			}
			sc.dotP[p] += w
		}
		for _, e := range sp.byGramE[id] {
			if sc.dotE[e] == 0 {
				sc.touchedE = append(sc.touchedE, e)
			}
			sc.dotE[e] += w
		}
		for _, e := range sp.byGramA[id] {
			if sc.dotE[e] == 0 {
				sc.touchedE = append(sc.touchedE, e)
			}
			sc.dotE[e] += answerFactor * w
		}
	}
}

// onlyHiragana reports whether s is written in hiragana alone (and digits,
// spaces), as students do who skip the kanji conversion.
func onlyHiragana(s string) bool {
	for _, r := range s {
		if !isHiragana(r) && r != longVowel && r != ' ' && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
