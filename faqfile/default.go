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
