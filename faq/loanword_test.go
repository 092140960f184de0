package faq

import "testing"

// TestLoanwordsAreLexiconWords: every loanword reads as a word the English
// lexicon holds, so each has one meaning, kept in one place.
func TestLoanwordsAreLexiconWords(t *testing.T) {
	for k, en := range katakanaLoanwords {
		if _, ok := englishLexicon[en]; !ok {
			t.Errorf("%s reads as %q, which englishLexicon does not hold", k, en)
		}
	}
}

// TestLoanwordsInJapanese: a whole run of katakana that is a loanword is
// written as the entries say it; one inside a longer run is not.
func TestLoanwordsInJapanese(t *testing.T) {
	for in, want := range map[string]string{
		"応募のデッドラインっていつ？":  "応募の締め切りっていつ？",
		"北見シティとのパートナーシップ": "北見市との連携",
		"ワークライフバランスは？":    "ワークライフバランスは？",
		"リモートで働けますか":      "リモートで働けますか",
	} {
		if got := withLoanwordsInJapanese(in); got != want {
			t.Errorf("withLoanwordsInJapanese(%q) = %q, want %q", in, got, want)
		}
	}
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	expectAnswered(t, ix, map[string]string{
		"応募のデッドラインっていつ？": "application-deadline",
		"トレーニングって何ヶ月？":   "training-period",
	})
}
