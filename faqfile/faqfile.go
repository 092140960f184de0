package faqfile

import (
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/faq"
)

// Limits enforced by [Decode]: those of [faq.Validate], which every editor
// of the FAQ applies.
const (
	// MaxIDLength is the maximum length of an id, in bytes (ids are ASCII).
	MaxIDLength = faq.MaxIDLength
	// MaxCategoryLength is the maximum length of a category, in characters.
	MaxCategoryLength = faq.MaxCategoryLength
	// MaxQuestionLength is the maximum length of a question and of each
	// alternative, in characters.
	MaxQuestionLength = faq.MaxQuestionLength
	// MaxAnswerLength is the maximum length of an answer, in characters.
	MaxAnswerLength = faq.MaxAnswerLength
	// MaxListItems is the maximum number of alternatives, and of keywords,
	// in one entry.
	MaxListItems = faq.MaxListItems
)

// Keys of an entry, in the order [Encode] writes them: the field names of
// [faq.Problem], offer_person and enabled.
const (
	keyID           = faq.FieldID
	keyCategory     = faq.FieldCategory
	keyQuestion     = faq.FieldQuestion
	keyAlternatives = faq.FieldAlternatives
	keyKeywords     = faq.FieldKeywords
	keyAnswer       = faq.FieldAnswer
	keyOfferPerson  = "offer_person"
	keyEnabled      = "enabled"
)

// knownKeys lists every key an entry may have, in file order.
var knownKeys = []string{keyID, keyCategory, keyQuestion, keyAlternatives, keyKeywords, keyAnswer, keyOfferPerson, keyEnabled}

// Keys of a concept, in file order: the field names of [faq.Problem].
const (
	keyName  = faq.FieldName
	keyWords = faq.FieldWords
)

// conceptKeys lists every key a concept may have, in file order.
var conceptKeys = []string{keyName, keyWords}

// Keys of a file written as a mapping, in file order.
const (
	keyFAQs     = "faqs"
	keyConcepts = "concepts"
)

// fileKeys lists every key of a file written as a mapping.
var fileKeys = []string{keyFAQs, keyConcepts}

// File is what a FAQ file holds: entries and concepts (synonym groups).
type File struct {
	// FAQs are the entries, in file order.
	FAQs []faq.FAQ
	// Concepts are the concepts, in file order.
	Concepts []faq.Concept
}

// Problem is one thing wrong with a FAQ file.
type Problem struct {
	// Line is the 1-based line of the file the problem is on, or 0 when
	// the YAML parser could not tell.
	Line int
	// Field is the entry (or concept) key the problem concerns, such as
	// "answer" or "words", or "" when it concerns the file or a whole
	// entry.
	Field string
	// Message says what is wrong, e.g. "must not be empty".
	Message string
}

// String formats the problem as "line 12: answer: must not be empty",
// leaving out the parts that are unknown.
func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(p.Line))
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// ValidationError is returned by [Decode] when a file cannot be imported. It
// holds every problem found, ordered by line, so staff can fix them all in
// one pass.
type ValidationError struct {
	Problems []Problem
}

// Error lists the problems one per line, e.g.
// "line 12: answer: must not be empty".
func (e *ValidationError) Error() string {
	if len(e.Problems) == 0 {
		return "invalid FAQ file"
	}
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
