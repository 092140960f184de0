package faqfile

import (
	"bytes"
	_ "embed"

	"github.com/sakemodel/sakebot/faq"
)

// defaultYAML is the FAQ content seeded into every fresh database.
//
//go:embed default.yaml
var defaultYAML []byte

// conceptsYAML is the list of concepts seeded into every database that
// never had any.
//
//go:embed concepts.yaml
var conceptsYAML []byte

// Default returns the built-in FAQ entries from the embedded default.yaml, in
// file order, decoded as by [Decode]. Each call returns a fresh slice the
// caller may modify.
//
// It panics if default.yaml is invalid; the file is compiled in and a test
// guards it, so that is a programming error.
func Default() []faq.FAQ {
	faqs, err := Decode(bytes.NewReader(defaultYAML))
	if err != nil {
		panic("faqfile: embedded default.yaml is invalid:\n" + err.Error())
	}
	return faqs
}

// DefaultConcepts returns the built-in concepts (synonym groups) from the
// embedded concepts.yaml, a list of concepts, in file order, each checked
// by [faq.ValidateConcept]. Each call returns a fresh slice the caller may
// modify.
//
// It panics if concepts.yaml is invalid; the file is compiled in and a
// test guards it, so that is a programming error.
func DefaultConcepts() []faq.Concept {
	concepts, err := decodeConcepts(conceptsYAML)
	if err != nil {
		panic("faqfile: embedded concepts.yaml is invalid:\n" + err.Error())
	}
	return concepts
}
