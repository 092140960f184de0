package faq

import (
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// The morphological analyser cuts a text into the words of the IPA
// dictionary, giving kanji words their readings and dictionary forms. It
// is kagome's tokenizer in its normal mode (the same Viterbi search over
// the same dictionary, with the same results: see
// TestWordLatticeMatchesKagome), without a user dictionary, and with the
// lattice in slices a wordLattice reuses rather than in nodes allocated
// and pooled one by one, which made up a good part of the time a question
// took to match.

// ipaDictionary is the dictionary of the analyser. It takes a while to
// load and some 90 MB, so it is loaded on first use, once per process.
var ipaDictionary = sync.OnceValue(func() *ipaDict { return newIPADict(ipa.Dict()) })

// ipaDict is the IPA dictionary with its lookup tables in slices.
type ipaDict struct {
	*dict.Dict
	dups   []uint8 // entry → how many entries after it share its key (Index.Dup)
	unkID  []int32 // character class → its first unknown-word entry (UnkDict.Index)
	unkDup []int32 // character class → how many entries follow that one (UnkDict.IndexDup)
}

// newIPADict indexes d.
func newIPADict(d *dict.Dict) *ipaDict {
	id := &ipaDict{Dict: d, dups: make([]uint8, len(d.Morphs))}
	for e, n := range d.Index.Dup {
		if n > 255 {
			panic("bot: the IPA dictionary has a key of more than 256 entries")
		}
		id.dups[e] = uint8(n)
	}
	id.unkID = make([]int32, len(d.InvokeList))
	id.unkDup = make([]int32, len(d.InvokeList))
	for c := range d.InvokeList {
		id.unkID[c], id.unkDup[c] = d.UnkDict.Index[int32(c)], d.UnkDict.IndexDup[int32(c)]
	}
	return id
}

// morph is a word of a text as the analyser found it: an entry of the
// dictionary (KNOWN) or of its unknown words (UNKNOWN).
type morph struct {
	surface string
	id      int32
	class   tokenizer.TokenClass
}

// feature is the i-th IPA feature of m, as kagome's Token.FeatureAt: the
// four levels of its part of speech, then its conjugation type and form,
// dictionary form, reading and pronunciation.
func (d *ipaDict) feature(m morph, i int) (string, bool) {
	switch m.class {
	case tokenizer.KNOWN:
		pos := d.POSTable.POSs[m.id]
		if i < len(pos) {
			return d.POSTable.NameList[pos[i]], true
		}
		i -= len(pos)
		if c := d.Contents[m.id]; i < len(c) {
			return c[i], true
		}
	case tokenizer.UNKNOWN:
		if c := d.UnkDict.Contents[m.id]; i < len(c) {
			return c[i], true
		}
	}
	return "", false
}

// The constants of kagome's lattice.
const (
	bosEosID        = -1        // the entry of the start and end of a text
	maxCost         = 1<<31 - 1 // the cost of a node nothing leads to
	maxUnknownRunes = 1024      // the most runes of an unknown word
	noNode          = int32(-1) // no previous node
)

// latticeNode is a word that may start at a rune of a text.
type latticeNode struct {
	surface             string
	id, start           int32 // entry; rune position where the word starts
	cost, prev          int32 // of the best path to it, which comes through node prev
	left, right, weight int16 // connection ids and cost of the entry
	class               tokenizer.TokenClass
}

// wordLattice is the working memory of the analyser.
type wordLattice struct {
	nodes  []latticeNode
	ends   [][]int32 // rune position → the nodes ending there, in the order they were added
	runeAt []int32   // byte position → rune position, -1 inside a rune
	out    []morph
}

// latticePool holds wordLattices for the analyser.
var latticePool = sync.Pool{New: func() any { return new(wordLattice) }}

// tokenize returns the words of s. They are la's memory: they last until
// la tokenizes another text.
func (la *wordLattice) tokenize(s string) []morph {
	d := ipaDictionary()
	la.build(d, s)
	la.forward(d)
	return la.backward()
}

// build adds every word of the dictionary found in s, and the unknown
// words where the dictionary has none or the character class asks for
// them, as kagome's Lattice.Build.
func (la *wordLattice) build(d *ipaDict, s string) {
	la.indexRunes(s)
	rc := int(la.runeAt[len(s)])
	la.nodes = la.nodes[:0]
	if n := rc + 2; n > cap(la.ends) { // keep the lists' memory past len
		la.ends = append(la.ends[:cap(la.ends)], make([][]int32, n-cap(la.ends))...)
	}
	la.ends = la.ends[:rc+2]
	for i := range la.ends {
		la.ends[i] = la.ends[i][:0]
	}
	la.push(0, latticeNode{id: bosEosID, prev: noNode, class: tokenizer.DUMMY})                      // the start
	la.push(rc+1, latticeNode{id: bosEosID, start: int32(rc), prev: noNode, class: tokenizer.DUMMY}) // the end
	runePos := -1
	for pos, ch := range s {
		runePos++
		known := false
		d.Index.Da.CommonPrefixSearchCallback(s[pos:], func(id, l int) {
			la.add(d.Morphs, id, id+int(d.dups[id]), runePos, pos, tokenizer.KNOWN, s[pos:pos+l])
			known = true
		})
		class := d.CharacterCategory(ch)
		if !known || d.InvokeList[class] {
			la.addUnknown(d, s, pos, runePos, ch, class)
		}
	}
}

// addUnknown adds the unknown words starting with ch, at byte pos and
// rune runePos of s: a run of the characters of its class (or ch alone),
// and that run less its last character.
func (la *wordLattice) addUnknown(d *ipaDict, s string, pos, runePos int, ch rune, class byte) {
	end := pos + 1
	if ch != utf8.RuneError {
		end = pos + utf8.RuneLen(ch)
	}
	if d.GroupList[class] {
		for n := 1; end < len(s) && n < maxUnknownRunes; n++ {
			c, w := utf8.DecodeRuneInString(s[end:])
			if d.CharacterCategory(c) != class {
				break
			}
			end += w
		}
	}
	prev := pos
	if c, size := utf8.DecodeLastRuneInString(s[pos:end]); c != utf8.RuneError {
		prev = end - size
	}
	id := int(d.unkID[class])
	for x := range int(d.unkDup[class]) + 1 {
		if pos < prev {
			la.add(d.UnkDict.Morphs, id+x, id+x, runePos, pos, tokenizer.UNKNOWN, s[pos:prev])
		}
		la.add(d.UnkDict.Morphs, id+x, id+x, runePos, pos, tokenizer.UNKNOWN, s[pos:end])
	}
}

// indexRunes fills la.runeAt for s.
func (la *wordLattice) indexRunes(s string) {
	la.runeAt = slices.Grow(la.runeAt[:0], len(s)+1)[:len(s)+1]
	for i := range la.runeAt {
		la.runeAt[i] = -1
	}
	k := int32(0)
	for i := range s {
		la.runeAt[i] = k
		k++
	}
	la.runeAt[len(s)] = k
}

// add adds a node for each of the entries first to last (of morphs, of
// class), which are all the word surface, starting at rune start and byte
// pos.
func (la *wordLattice) add(morphs []dict.Morph, first, last, start, pos int, class tokenizer.TokenClass, surface string) {
	end := int(la.runeAt[pos+len(surface)])
	if end < 0 { // a word ending inside a rune (an unknown word of U+FFFD)
		end = start + utf8.RuneCountInString(surface)
	}
	for id := first; id <= last; id++ {
		m := morphs[id]
		la.push(end, latticeNode{
			surface: surface, id: int32(id), start: int32(start), prev: noNode,
			left: m.LeftID, right: m.RightID, weight: m.Weight, class: class,
		})
	}
}

// push adds node n, which ends at rune end.
func (la *wordLattice) push(end int, n latticeNode) {
	la.ends[end] = append(la.ends[end], int32(len(la.nodes)))
	la.nodes = append(la.nodes, n)
}

// forward finds the cheapest path to every node, as kagome's
// Lattice.Forward in normal mode: of the nodes before it, the first of
// the cheapest.
func (la *wordLattice) forward(d *ipaDict) {
	nodes := la.nodes
	for _, targets := range la.ends[1:] {
		for _, t := range targets {
			target := &nodes[t]
			prevs := la.ends[target.start]
			if len(prevs) == 0 {
				target.cost = maxCost
				continue
			}
			// the costs of connecting any node to target: Connection.At(·, left)
			conn := d.Connection.Vec[d.Connection.Row*int64(target.left):][:d.Connection.Row]
			weight := int64(target.weight)
			best, bestPrev := pathCost(conn, weight, &nodes[prevs[0]]), prevs[0]
			for _, p := range prevs[1:] {
				if cost := pathCost(conn, weight, &nodes[p]); cost < best {
					best, bestPrev = cost, p
				}
			}
			target.cost, target.prev = best, bestPrev
		}
	}
}

// pathCost is the cost of the best path to a node through node n, whose
// cost is known: n's cost, the cost of connecting it (conn, indexed by
// n's right id) and the node's own weight.
func pathCost(conn []int16, weight int64, n *latticeNode) int32 {
	return int32(min(int64(conn[n.right])+weight+int64(n.cost), maxCost))
}

// backward returns the words of the cheapest path, start and end left
// out.
func (la *wordLattice) backward() []morph {
	la.out = la.out[:0]
	for p := la.ends[len(la.ends)-1][0]; p != noNode; p = la.nodes[p].prev {
		if n := &la.nodes[p]; n.id != bosEosID {
			la.out = append(la.out, morph{surface: n.surface, id: n.id, class: n.class})
		}
	}
	for i, j := 0, len(la.out)-1; i < j; i, j = i+1, j-1 {
		la.out[i], la.out[j] = la.out[j], la.out[i]
	}
	return la.out
}
