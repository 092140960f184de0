package faq

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The fields of a concept as [Problem] names them: the keys of the YAML
// file and the names of the admin page's form fields.
const (
	FieldName  = "name"
	FieldWords = "words"
)

// MinConceptWords is the least number of distinct words of a concept: a
// group of one word says nothing.
const MinConceptWords = 2

// The rules only a concept has; [Validate] never reports them.
const (
	// TooFew: the list has fewer than Limit distinct, non-empty items
	// (Count).
	TooFew Rule = BadID + 1 + iota
	// Duplicate: the item (Item) repeats an earlier one, the Count-th.
	Duplicate
	// ControlChar: the text (or, with Item, one item) holds a control
	// character such as NUL, a tab or a line break.
	ControlChar
)

// ValidationError is what a store returns when it is asked to write
// something [Validate] or [ValidateConcept] refuses: every problem, so that
// a caller can show them field by field.
type ValidationError struct {
	// What is written: "concept 事務所", "faq training-period".
	What string
	// Problems are the problems found, in the order the validation gives.
	Problems []Problem
}

// Error lists the problems' messages after what was written.
func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return "faq: invalid " + e.What + ": " + strings.Join(msgs, " ")
}

// ValidateConcept checks a concept as staff wrote it and returns every
// problem, name first, then words; none when the concept may be saved. It
// is the one validation of concepts: the admin page, the YAML file and the
// store all apply it.
//
// The name is required, of at most MaxConceptNameLength characters. The
// words are at most MaxConceptWords, none empty or only whitespace, none
// longer than MaxConceptWordLength characters, none the same (after
// trimming) as an earlier one, and at least MinConceptWords distinct ones.
// Neither the name nor a word may hold a control character (NUL, tab, line
// break, …). UpdatedBy and UpdatedAt are not checked.
//
// As with [Validate], callers trim the text first; lengths are counted on
// what is given.
func ValidateConcept(c Concept) []Problem {
	var ps []Problem
	switch n := utf8.RuneCountInString(c.Name); {
	case strings.TrimSpace(c.Name) == "":
		ps = append(ps, Problem{Field: FieldName, Rule: Required, Message: "名前を入力してください。"})
	case hasControl(c.Name):
		ps = append(ps, Problem{Field: FieldName, Rule: ControlChar,
			Message: "名前に使えない文字（タブ・改行などの制御文字）が含まれています。取り除いてください。"})
	case n > MaxConceptNameLength:
		ps = append(ps, Problem{Field: FieldName, Rule: TooLong, Limit: MaxConceptNameLength, Count: n,
			Message: fmt.Sprintf("名前は%d文字以内で入力してください（いまは%d文字です）。", MaxConceptNameLength, n)})
	}
	if n := len(c.Words); n > MaxConceptWords {
		ps = append(ps, Problem{Field: FieldWords, Rule: TooMany, Limit: MaxConceptWords, Count: n,
			Message: fmt.Sprintf("言葉は%d個までです（いまは%d個です）。", MaxConceptWords, n)})
	}
	first := make(map[string]int, len(c.Words)) // trimmed word -> 1-based position
	for i, w := range c.Words {
		item, key := i+1, strings.TrimSpace(w)
		switch n := utf8.RuneCountInString(w); {
		case key == "":
			ps = append(ps, Problem{Field: FieldWords, Rule: Required, Item: item,
				Message: fmt.Sprintf("言葉の%d行目が空です。入力するか、削除してください。", item)})
			continue
		case hasControl(w):
			ps = append(ps, Problem{Field: FieldWords, Rule: ControlChar, Item: item,
				Message: fmt.Sprintf("言葉の%d行目に使えない文字（タブ・改行などの制御文字）が含まれています。取り除いてください。", item)})
		case n > MaxConceptWordLength:
			ps = append(ps, Problem{Field: FieldWords, Rule: TooLong, Item: item, Limit: MaxConceptWordLength, Count: n,
				Message: fmt.Sprintf("言葉は1行%d文字以内で入力してください（%d行目が%d文字です）。", MaxConceptWordLength, item, n)})
		}
		if prev, dup := first[key]; dup {
			ps = append(ps, Problem{Field: FieldWords, Rule: Duplicate, Item: item, Count: prev,
				Message: fmt.Sprintf("言葉の%d行目「%s」は%d行目と同じです。1つにしてください。", item, key, prev)})
			continue
		}
		first[key] = item
	}
	if n := len(first); n < MinConceptWords {
		ps = append(ps, Problem{Field: FieldWords, Rule: TooFew, Limit: MinConceptWords, Count: n,
			Message: fmt.Sprintf("同じ意味の言葉を、1行に1つずつ%d個以上入力してください（いまは%d個です）。", MinConceptWords, n)})
	}
	return ps
}

// hasControl reports whether s holds a control character.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, unicode.IsControl)
}
