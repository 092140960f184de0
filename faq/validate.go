package faq

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Limits of an entry, enforced by [Validate] wherever an entry is written:
// the admin page, the Slack modal and the YAML file.
const (
	// MaxIDLength is the maximum length of an id, in bytes (ids are ASCII).
	MaxIDLength = 64
	// MaxCategoryLength is the maximum length of a category, in characters.
	MaxCategoryLength = 50
	// MaxQuestionLength is the maximum length of the question and of each
	// alternative, in characters.
	MaxQuestionLength = 200
	// MaxAnswerLength is the maximum length of an answer, in characters.
	MaxAnswerLength = 1000
	// MaxListItems is the maximum number of alternatives, and of keywords,
	// in one entry.
	MaxListItems = 50
)

// The fields of an entry as [Problem] names them: the keys of the YAML file,
// the names of the admin page's form fields and the Slack modal's blocks.
const (
	FieldID           = "id"
	FieldCategory     = "category"
	FieldQuestion     = "question"
	FieldAlternatives = "alternatives"
	FieldKeywords     = "keywords"
	FieldAnswer       = "answer"
)

// Rule is the kind of rule a [Problem] breaks, so that a caller can say it
// in its own words (the YAML file reports in English, with line numbers).
type Rule int

// The rules of an entry.
const (
	// Required: the field (or, with Item, one item of a list) is empty or
	// only whitespace.
	Required Rule = iota + 1
	// TooLong: the text is longer than Limit characters (Count).
	TooLong
	// TooMany: the list has more than Limit items (Count).
	TooMany
	// BadID: the id is not 1 to MaxIDLength lowercase letters, digits and
	// hyphens starting with a letter or digit.
	BadID
)

// Problem is one thing wrong with an entry.
type Problem struct {
	// Field is the field concerned: FieldID, FieldCategory, …
	Field string
	// Rule is the rule broken.
	Rule Rule
	// Item is the 1-based position of the item concerned in a list field
	// (alternatives, keywords), or 0 when the problem is the field's.
	Item int
	// Limit is the limit broken (characters or items), for TooLong and
	// TooMany.
	Limit int
	// Count is the length or number of items found, for TooLong and TooMany.
	Count int
	// Message says what to fix, in polite Japanese, for staff.
	Message string
}

// idPattern is the shape of a valid id: kebab-case, at most MaxIDLength bytes.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// Validate checks an entry as staff wrote it and returns every problem, in
// the order of the fields (id, category, question, alternatives, keywords,
// answer); none when the entry may be saved.
//
// Callers trim the text first; Validate counts the characters of what it is
// given and treats text of only whitespace as empty. An empty ID is valid:
// the store assigns one. Enabled, Version and the other bookkeeping fields
// are not checked.
func Validate(f FAQ) []Problem {
	var ps []Problem
	if f.ID != "" && !idPattern.MatchString(f.ID) {
		ps = append(ps, Problem{Field: FieldID, Rule: BadID,
			Message: fmt.Sprintf("IDは半角の英小文字・数字・ハイフンで、%d文字以内で入力してください（先頭は英小文字か数字）。", MaxIDLength)})
	}
	ps = checkText(ps, FieldCategory, "カテゴリ", f.Category, MaxCategoryLength)
	ps = checkText(ps, FieldQuestion, "質問", f.Question, MaxQuestionLength)
	ps = checkList(ps, FieldAlternatives, f.Alternatives, MaxQuestionLength)
	ps = checkList(ps, FieldKeywords, f.Keywords, 0)
	ps = checkText(ps, FieldAnswer, "回答", f.Answer, MaxAnswerLength)
	return ps
}

// checkText checks a required text field named label (in Japanese) of at most
// max characters.
func checkText(ps []Problem, field, label, s string, max int) []Problem {
	if strings.TrimSpace(s) == "" {
		return append(ps, Problem{Field: field, Rule: Required, Message: label + "を入力してください。"})
	}
	if n := utf8.RuneCountInString(s); n > max {
		return append(ps, Problem{Field: field, Rule: TooLong, Limit: max, Count: n,
			Message: fmt.Sprintf("%sは%d文字以内で入力してください（いまは%d文字です）。", label, max, n)})
	}
	return ps
}

// checkList checks an optional list field: at most MaxListItems items, none
// empty, each of at most maxLen characters when maxLen is positive.
func checkList(ps []Problem, field string, items []string, maxLen int) []Problem {
	label, unit := "別の言い方", "行目"
	if field == FieldKeywords {
		label, unit = "キーワード", "つ目"
	}
	if n := len(items); n > MaxListItems {
		ps = append(ps, Problem{Field: field, Rule: TooMany, Limit: MaxListItems, Count: n,
			Message: fmt.Sprintf("%sは%d件までです（いまは%d件です）。", label, MaxListItems, n)})
	}
	for i, s := range items {
		if strings.TrimSpace(s) == "" {
			ps = append(ps, Problem{Field: field, Rule: Required, Item: i + 1,
				Message: fmt.Sprintf("%sの%d%sが空です。入力するか、削除してください。", label, i+1, unit)})
			continue
		}
		if n := utf8.RuneCountInString(s); maxLen > 0 && n > maxLen {
			ps = append(ps, Problem{Field: field, Rule: TooLong, Item: i + 1, Limit: maxLen, Count: n,
				Message: fmt.Sprintf("%sは1行%d文字以内で入力してください（%d%sが%d文字です）。", label, maxLen, i+1, unit, n)})
		}
	}
	return ps
}
