package faq

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestNFKCInert checks that NFKC leaves every rune nfkc skips alone and
// that none combines with what comes before it, so that NFKC leaves a
// text of them alone and normalising can start at any of them.
func TestNFKCInert(t *testing.T) {
	for r := range rune(0x10000) {
		if !nfkcInert(r) {
			continue
		}
		p := norm.NFKC.PropertiesString(string(r))
		if !p.BoundaryBefore() || p.CCC() != 0 || norm.NFKC.String(string(r)) != string(r) {
			t.Errorf("NFKC does not leave %U alone", r)
		}
	}
}

func TestNFKCMatchesNorm(t *testing.T) {
	runes := []rune("あかがか\u3099は\u309aアカガｶﾞﾊﾟ研修北見abcＡＢＣ１２ 　？！ー～・①ⅱ㈱\u0301\u200dé\ufffd한\u1100\u1161")
	rng := rand.New(rand.NewPCG(1, 9))
	for range 20000 {
		s := randomText(rng, runes, 12)
		if got, want := nfkc(s), norm.NFKC.String(s); got != want {
			t.Fatalf("nfkc(%q) = %q, want %q", s, got, want)
		}
	}
}

// randomText returns up to max-1 runes drawn from runes with rng.
func randomText(rng *rand.Rand, runes []rune, max int) string {
	var b strings.Builder
	for range rng.IntN(max) {
		b.WriteRune(runes[rng.IntN(len(runes))])
	}
	return b.String()
}

// TestPlainRunesAreNoSymbols checks that isSentenceEnd may skip the
// symbol table for plain runes.
func TestPlainRunesAreNoSymbols(t *testing.T) {
	for r := range rune(0x10000) {
		if isPlainRune(r) && unicode.Is(unicode.So, r) {
			t.Errorf("%U is plain and a symbol", r)
		}
	}
}
