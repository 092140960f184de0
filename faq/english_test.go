package faq

import "testing"

// TestEnglish: English words mixed into a question are written as the
// entries say them, as whole words in any case; other Latin words stay.
func TestEnglish(t *testing.T) {
	for in, want := range map[string]string{
		"no IT experience でも平気？":    "IT未経験 でも平気？",
		"How do I apply? 応募の手順知りたい": "応募方法? 応募の手順知りたい",
		"remote workメインですか？":        "テレワークメインですか？",
		"ZohoのCRMって何？":              "ZohoのCRMって何？",              // no English word of the list
		"snowboardできる？":             "snowboardできる？",             // snow only as a whole word
		"chiimu no menbaa wa doko?": "chiimu no menbaa wa doko?", // no is romaji here, not いいえ
	} {
		got, changed := English(in)
		if got != want || changed != (in != want) {
			t.Errorf("English(%q) = %q, %v; want %q", in, got, changed, want)
		}
	}
}

// TestEnglishQuestionsAnswered: a question partly in English reaches the
// entry its Japanese would, and keeps its words as typed.
func TestEnglishQuestionsAnswered(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	expectAnswered(t, ix, map[string]string{
		"no IT experience でも平気？笑":               "it-inexperienced",
		"what is the sake model? 日本語でいいので説明ほしい": "what-is-sake-model",
		"How do I apply? 応募の手順知りたい":             "how-to-apply",
		"When can I come back to Kitami?":       "return-to-kitami", // English throughout
		"Is there housing during the training?": "tokyo-housing",
		"Why did the city start this program?":  "why-kitami-started",
		"How many people do you hire?":          "hiring-count",
	})
	if m := ix.Match("no IT experience でも平気？"); m.Question != "no IT experience でも平気？" {
		t.Errorf("Question = %q, want it as typed", m.Question)
	}
}

// TestEnglishKeepsOtherLetters: letters whose lower case is longer or
// shorter than they are (the Kelvin sign K, İ) neither shift the English
// found nor crash.
func TestEnglishKeepsOtherLetters(t *testing.T) {
	for in, want := range map[string]string{
		"\u212a training の期間?": "\u212a 研修 の期間?",
		"İ remote okです":        "İ リモート OKです",
	} {
		if got, _ := English(in); got != want {
			t.Errorf("English(%q) = %q, want %q", in, got, want)
		}
	}
}
