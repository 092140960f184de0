package faq

import (
	"strings"
	"unicode"
)

// wonderingAsQuestion returns text with the ending that wonders aloud
// instead of asking (給料同じなのかなと思って, 休み取れるのかなと思いまして)
// written as the question it is (給料同じなのですか): students put a
// question so, out of politeness, and the entries are written as questions.
// Text that ends otherwise is returned as it is.
func wonderingAsQuestion(text string) string {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.So, r)
	})
	for _, e := range wonderingEnds {
		if stem, ok := strings.CutSuffix(t, e); ok && stem != "" {
			return strings.TrimSuffix(stem, "の") + "のですか" + text[len(t):]
		}
	}
	return text
}

// wonderingEnds wonder aloud at the end of a question, longest first.
var wonderingEnds = []string{
	"かなと思っていまして", "かなと思っています", "かなと思いまして", "かなと思ってます", "かなと思ってて", "かなと思って",
	"かなって思って", "かなーと思って", "かなぁと思って",
}
