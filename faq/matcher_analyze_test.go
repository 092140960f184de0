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
