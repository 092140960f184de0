package faqfile

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/sakemodel/sakebot/faq"
	"gopkg.in/yaml.v3"
)

// Encode writes faqs to w in the file format [Decode] reads, in the order
// given: a list of entries. It is [EncodeFile] without concepts.
func Encode(w io.Writer, faqs []faq.FAQ) error {
	return EncodeFile(w, File{FAQs: faqs})
}

// EncodeFile writes f to w in the file format [DecodeFile] reads, in the
// order given: a list of entries when there are no concepts (the form
// older files have), else a mapping with the keys faqs and concepts.
//
// Each entry is written with the keys id, category, question, alternatives,
// keywords (only when there are any), answer, offer_person (only when it is
// true) and enabled (only when the entry is disabled); each concept with
// name and words, the words on one line ([事務所, 職場, オフィス]). Lists of
// entries are written one item per line, strings are quoted only where
// YAML needs it, multi-line answers use a literal block, and Japanese text
// is written as is, not escaped. Version, UpdatedBy and UpdatedAt are not
// part of the format and are not written.
//
// EncodeFile does not validate: it writes whatever it is given, so that an
// export never fails. For a file that [DecodeFile] accepts,
// DecodeFile(EncodeFile(f)) returns the same content fields.
func EncodeFile(w io.Writer, f File) error {
	root := entriesNode(f.FAQs)
	if len(f.Concepts) > 0 {
		concepts := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, c := range f.Concepts {
			concepts.Content = append(concepts.Content, conceptNode(c))
		}
		root = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map",
			Content: []*yaml.Node{strNode(keyFAQs), root, strNode(keyConcepts), concepts}}
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return fmt.Errorf("faqfile: encode: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("faqfile: encode: %w", err)
	}
	return nil
}

// entriesNode builds the list of entries.
func entriesNode(faqs []faq.FAQ) *yaml.Node {
	root := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, f := range faqs {
		root.Content = append(root.Content, entryNode(f))
	}
	return root
}

// conceptNode builds the mapping for one concept, its words in flow style.
func conceptNode(c faq.Concept) *yaml.Node {
	words := listNode(c.Words)
	words.Style = yaml.FlowStyle
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map",
		Content: []*yaml.Node{strNode(keyName), strNode(c.Name), strNode(keyWords), words}}
}

// entryNode builds the mapping for one entry.
func entryNode(f faq.FAQ) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	add := func(key string, value *yaml.Node) {
		m.Content = append(m.Content, strNode(key), value)
	}
	add(keyID, strNode(f.ID))
	add(keyCategory, strNode(f.Category))
	add(keyQuestion, strNode(f.Question))
	add(keyAlternatives, listNode(f.Alternatives))
	if len(f.Keywords) > 0 {
		add(keyKeywords, listNode(f.Keywords))
	}
	add(keyAnswer, strNode(f.Answer))
	if f.OfferPerson {
		add(keyOfferPerson, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if !f.Enabled {
		add(keyEnabled, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"})
	}
	return m
}

// strNode is a string scalar. The explicit !!str tag makes the encoder quote
// values that would otherwise read back as another type (123, true, null).
func strNode(s string) *yaml.Node {
	// Invalid UTF-8 cannot be written as a YAML string.
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.ToValidUTF8(s, "\uFFFD")}
	if yaml11Special(n.Value) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// base60 matches YAML 1.1 sexagesimal numbers such as 9:30.
var base60 = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)

// yaml11Special reports whether s is a plain string for YAML 1.2 (and so
// for Decode) but a boolean or number for YAML 1.1 tools. Such strings are
// quoted so that any tool reading an exported file sees text.
func yaml11Special(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF":
		return true
	}
	return base60.MatchString(s)
}

// listNode is a block-style list of strings.
func listNode(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, s := range items {
		n.Content = append(n.Content, strNode(s))
	}
	return n
}
