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
// given.
//
// Each entry is written with the keys id, category, question, alternatives,
// keywords (only when there are any), answer and enabled (only when the entry
// is disabled). Lists are written one item per line, strings are quoted only
// where YAML needs it, multi-line answers use a literal block, and Japanese
// text is written as is, not escaped. Version, UpdatedBy and UpdatedAt are
// not part of the format and are not written.
//
// Encode does not validate: it writes whatever it is given, so that an export
// never fails. For entries that [Decode] accepts, Decode(Encode(faqs))
// returns the same content fields.
func Encode(w io.Writer, faqs []faq.FAQ) error {
	root := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, f := range faqs {
		root.Content = append(root.Content, entryNode(f))
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
