package faq

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ikawaha/kagome/v2/tokenizer"
)

// kagomeTokenizer is kagome's own tokenizer, the reference for
// wordLattice.
func kagomeTokenizer(tb testing.TB) *tokenizer.Tokenizer {
	tb.Helper()
	t, err := tokenizer.New(ipaDictionary().Dict, tokenizer.OmitBosEos())
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// checkMorphs fails when wordLattice and kagome cut s differently, or
// give its words different features.
func checkMorphs(t *testing.T, kagome *tokenizer.Tokenizer, la *wordLattice, s string) {
	t.Helper()
	got, want := la.tokenize(s), kagome.Tokenize(s)
	if len(got) != len(want) {
		t.Fatalf("tokenize(%q) = %v, want %v", s, got, want)
	}
	for i, tok := range want {
		if m := (morph{tok.Surface, int32(tok.ID), tok.Class}); got[i] != m {
			t.Fatalf("tokenize(%q) = %v, want %v", s, got, want)
		}
		for f := range 10 {
			g, ok := ipaDictionary().feature(got[i], f)
			w, wok := tok.FeatureAt(f)
			if g != w || ok != wok {
				t.Fatalf("feature %d of %q in %q = %q %v, want %q %v", f, tok.Surface, s, g, ok, w, wok)
			}
		}
	}
}

// latticeCorpus is the texts the analyser sees: questions of the
// development and held-out sets and the entries' texts, as given and
// normalised.
func latticeCorpus(t *testing.T) []string {
	faqs := sampleFAQs()
	if base, err := readDefaultFAQs(); err == nil {
		faqs = append(faqs, base...)
	}
	var texts []string
	for _, f := range faqs {
		texts = append(texts, entryTexts(f)...)
	}
	for _, path := range []string{devSetPath, holdoutSetPath} {
		for _, c := range loadCases(t, path) {
			texts = append(texts, c.Question)
		}
	}
	for _, s := range texts[:len(texts)] {
		texts = append(texts, normalizeKeepKana(s), Normalize(s))
	}
	return texts
}

func TestWordLatticeMatchesKagome(t *testing.T) {
	kagome, la := kagomeTokenizer(t), new(wordLattice)
	for _, s := range latticeCorpus(t) {
		checkMorphs(t, kagome, la, s)
	}
	// random mixtures of the characters of every class, unknown words
	// longer than kagome's limit among them
	runes := []rune("あいうかがきゃっーアイウカガキャッヴ研修期間北見面接応募日本語abcXYZ019０１２ 　、。？!😊\ufffd①ⅱ㈱ｶﾞ")
	rng := rand.New(rand.NewPCG(3, 5))
	for range 2000 {
		checkMorphs(t, kagome, la, randomText(rng, runes, 40))
	}
	checkMorphs(t, kagome, la, strings.Repeat("a", 2500))
	checkMorphs(t, kagome, la, "")
}

func FuzzWordLattice(f *testing.F) {
	for _, s := range []string{"研修期間はどのくらいですか？", "ﾘﾓｰﾄﾜｰｸ", "zoooops japan", "\xff\xfe研修", "けんしゅうきかん"} {
		f.Add(s)
	}
	kagome, la := kagomeTokenizer(f), new(wordLattice)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) <= 200 {
			checkMorphs(t, kagome, la, s)
		}
	})
}
