package faq

import (
	"slices"
	"strings"
	"testing"
)

// TestBoilerplateMarks checks that every phrase of questionBoilerplate
// holds one of boilerplateMarks, which cutBoilerplate looks for first.
func TestBoilerplateMarks(t *testing.T) {
	for _, b := range questionBoilerplate {
		if !slices.ContainsFunc(boilerplateMarks, func(m string) bool { return strings.Contains(b, m) }) {
			t.Errorf("%q holds none of boilerplateMarks", b)
		}
	}
}

// TestTopicAfterNounSuffix: 「説明会って」 and 「研修中って」 keep the noun
// the analyser would otherwise read as the verbs 会う and 中る; a verb
// (出会って) keeps its 「って」.
func TestTopicAfterNounSuffix(t *testing.T) {
	for in, want := range map[string]string{
		"説明会ってオンライン？":    "説明 会 おんらいん",
		"研修中って寮ある？":      "研修 中 住まい ある",
		"先輩と出会ってどう？":     "先輩 出会う どう",
		"会って話したい":        "会う 話す",
		"初任給っていくら？":      "初任 給 いくら",
		"卒業生ってみんな出ていくの？": "卒業生 みんな 出る",
		"北見の電気代って高い？":    "北見 電気 代 高い",
	} {
		if got := analyzeText(in, nil, newConceptMap(loadDefaultConcepts(t))).spaces[wordSpace].s; got != want {
			t.Errorf("words of %q = %q, want %q", in, got, want)
		}
	}
}
