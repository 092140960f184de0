package faq

import "testing"

// TestRuneGramTable checks that the rune-keyed table of each character
// space finds every n-gram of the space's map under its id, and that
// lookup agrees with the map for n-grams that have no rune key.
func TestRuneGramTable(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	for k := range ix.spaces {
		sp := &ix.spaces[k]
		if sp.words {
			continue
		}
		for g, want := range sp.grams {
			if got, ok := sp.lookup(g, stringRuneKey(g)); !ok || got != want {
				t.Errorf("space %d: lookup(%q) = %d, %v; want %d", k, g, got, ok, want)
			}
		}
		for _, g := range []string{"鮭の", "塩焼き", "x", "\xff研", "研\uFFFD"} {
			_, inMap := sp.grams[g]
			if _, ok := sp.lookup(g, stringRuneKey(g)); ok != inMap {
				t.Errorf("space %d: lookup(%q) found %v, the map %v", k, g, ok, inMap)
			}
		}
	}
}

// TestStringRuneKey checks which strings have a rune key, and that the
// keys of n-grams of different lengths differ.
func TestStringRuneKey(t *testing.T) {
	for _, s := range []string{"", "研修期間", "\xff", "a\xff", "\uFFFD"} {
		if k := stringRuneKey(s); k != 0 {
			t.Errorf("stringRuneKey(%q) = %#x, want 0", s, k)
		}
	}
	seen := map[uint64]string{}
	for _, s := range []string{"\x00", "\x00\x00", "\x00\x00\x00", "a", "ab", "abc", "研修", "研修期", "\U0010FFFF\U0010FFFF\U0010FFFF"} {
		k := stringRuneKey(s)
		if k == 0 {
			t.Errorf("stringRuneKey(%q) = 0", s)
		}
		if o, dup := seen[k]; dup {
			t.Errorf("stringRuneKey(%q) = stringRuneKey(%q)", s, o)
		}
		seen[k] = s
	}
}

// TestCharGramsRuneKeys checks that charGrams passes every n-gram with
// its rune key.
func TestCharGramsRuneKeys(t *testing.T) {
	texts := []weightedText{
		{s: "研修 期間は\xffどのa", w: []float32{1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1}, d: []float32{1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1}},
		{s: "x \uFFFDyz 北見", w: []float32{1, 0, 1, 1, 1, 0, 1, 1}, d: []float32{1, 0, 1, 1, 1, 0, 1, 1}},
	}
	for _, q := range []string{"研修って何ヶ月？", "ﾘﾓｰﾄﾜｰｸできる？", "けんしゅうきかんは", "ZohoCRMってなに"} {
		a := analyzeText(q, nil, nil)
		texts = append(texts, a.spaces[writtenSpace], a.spaces[readingSpace])
	}
	for _, text := range texts {
		n := 0
		charGrams(text, func(g string, key uint64, _, _ float64) {
			n++
			if want := stringRuneKey(g); key != want {
				t.Errorf("charGrams(%q): %q with key %#x, want %#x", text.s, g, key, want)
			}
		})
		if n == 0 {
			t.Errorf("charGrams(%q) passed no n-gram", text.s)
		}
	}
}
