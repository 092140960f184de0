package faqfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faq"
	"gopkg.in/yaml.v3"
)

// yamlLineError matches the "yaml: line N: message" errors of gopkg.in/yaml.v3.
var yamlLineError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Decode reads a FAQ file and returns its entries in file order; it is
// [DecodeFile] for callers that want only the entries (the concepts of a
// file are checked all the same).
func Decode(r io.Reader) ([]faq.FAQ, error) {
	f, err := DecodeFile(r)
	if err != nil {
		return nil, err
	}
	return f.FAQs, nil
}

// DecodeFile reads a FAQ file, in either form (a list of entries, or a
// mapping of faqs and concepts), and returns its entries and concepts in
// file order.
//
// If the file cannot be imported, DecodeFile returns a [*ValidationError]
// listing every problem at once, each with its line number: unknown keys,
// missing or invalid values, duplicate ids or concept names, text that is
// not UTF-8, and so on. A YAML syntax error stops the parser, so only the
// first one is reported, at the line where the YAML parser locates it (the
// offending line, or the start of the entry, list or quoted text it occurs
// in). Nothing is returned with an error. Any other error comes from
// reading r.
//
// Strings are trimmed of surrounding whitespace. The returned entries have
// Enabled set to true unless the file says "enabled: false", OfferPerson
// only when it says "offer_person: true", and Version 0, empty UpdatedBy
// and zero UpdatedAt: those belong to the database, as do a concept's
// UpdatedBy and UpdatedAt.
func DecodeFile(r io.Reader) (File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return File{}, fmt.Errorf("faqfile: read: %w", err)
	}
	d := newDecoder()
	f := d.file(data)
	if err := d.err(); err != nil {
		return File{}, err
	}
	return f, nil
}

// decodeConcepts reads a file that is a list of concepts, as concepts.yaml
// is.
func decodeConcepts(data []byte) ([]faq.Concept, error) {
	d := newDecoder()
	var concepts []faq.Concept
	if root := d.root(data, "concepts"); root != nil {
		if root.Kind != yaml.SequenceNode {
			d.report(root.Line, "", "the file must be a list of concepts, each starting with \"- name: ...\"")
		} else {
			concepts = d.concepts(root)
		}
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return concepts, nil
}

// decoder collects the problems found while decoding one file.
type decoder struct {
	problems []Problem
	ids      map[string]int // id -> line of its first use
	names    map[string]int // concept name -> line of its first use
}

// newDecoder returns a decoder for one file.
func newDecoder() *decoder {
	return &decoder{ids: make(map[string]int), names: make(map[string]int)}
}

// err returns the problems found, ordered by line, as a *ValidationError,
// or nil when there are none.
func (d *decoder) err() error {
	if len(d.problems) == 0 {
		return nil
	}
	slices.SortStableFunc(d.problems, func(a, b Problem) int { return a.Line - b.Line })
	return &ValidationError{Problems: d.problems}
}

func (d *decoder) report(line int, field, format string, args ...any) {
	d.problems = append(d.problems, Problem{Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// unknownAnchor matches the yaml.v3 error for an alias (*name) without an
// anchor (&name).
var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// parserProblems are the messages of gopkg.in/yaml.v3's parser (as opposed
// to its scanner). The parser reports a 0-based line where the scanner
// reports a 1-based one, and both leave the line out when it is the first.
var parserProblems = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"did not find expected key",
	"did not find expected node content",
	"found duplicate %TAG directive",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found undefined tag handle",
}

// syntax reports an error from the YAML parser, correcting its line number.
// The line is where yaml.v3 locates the problem: the offending line, or the
// start of the construct (entry, list, quoted string) it occurs in.
func (d *decoder) syntax(data []byte, err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1 // yaml.v3 omits the line number for the first line
	if m := yamlLineError.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if slices.Contains(parserProblems, msg) {
			line++
		}
	} else if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		// Reported without a line: find the first use of the alias.
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			line = 1 + bytes.Count(data[:i], []byte("\n"))
		}
	}
	d.report(line, "", "invalid YAML: %s", msg)
}

// encoding reports bytes that are not UTF-8 text YAML accepts, with their
// line numbers; yaml.v3 itself reports these without one. It returns false
// if there were any.
func (d *decoder) encoding(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		d.report(1, "", "the file must be saved as UTF-8, not UTF-16")
		return false
	}
	line, bad := 1, 0
	for len(data) > 0 && bad < 10 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size == 1:
			d.report(line, "", "the file must be saved as UTF-8 (found the byte 0x%02X, which is not UTF-8; was it saved as Shift_JIS?)", data[0])
			bad++
			// Skip to the next line: one bad line is enough.
			if i := bytes.IndexByte(data, '\n'); i >= 0 {
				data = data[i:]
				continue
			}
			data = nil
			continue
		case r == '\n':
			line++
		case !printable(r):
			d.report(line, "", "contains the control character U+%04X, which YAML does not allow", r)
			bad++
		}
		data = data[size:]
	}
	return bad == 0
}

// printable reports whether YAML allows r in a document.
func printable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7E:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= utf8.MaxRune:
		return true
	}
	return false
}

// file decodes a whole file: a list of entries, or a mapping of entries
// (faqs) and concepts.
func (d *decoder) file(data []byte) File {
	root := d.root(data, "FAQ entries")
	switch {
	case root == nil:
		return File{}
	case root.Kind == yaml.SequenceNode:
		return File{FAQs: d.entries(root)}
	case root.Kind == yaml.MappingNode && slices.ContainsFunc(fileKeys, func(k string) bool { return hasKey(root, k) }):
		return d.sections(root)
	}
	d.report(root.Line, "", "the file must be a list of FAQ entries, each starting with \"- id: ...\", "+
		"or a mapping with the keys %s", strings.Join(fileKeys, " and "))
	return File{}
}

// root parses a file of one YAML document and returns its top node, nil
// (with the problems reported) when there is none. what says what the file
// is expected to list.
func (d *decoder) root(data []byte, what string) *yaml.Node {
	if !d.encoding(data) {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.report(1, "", "the file is empty; expected a list of %s", what)
		} else {
			d.syntax(data, err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		d.report(extra.Line, "", "only one YAML document is allowed; remove the second document (starting with ---)")
	case !errors.Is(err, io.EOF):
		d.syntax(data, err)
	}

	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			d.report(1, "", "the file is empty; expected a list of %s", what)
			return nil
		}
		root = root.Content[0]
	}
	return deref(root)
}

// hasKey reports whether the mapping n has the key.
func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return true
		}
	}
	return false
}

// sections decodes a file written as a mapping: faqs, a list of entries,
// and concepts, a list of concepts; either may be left out.
func (d *decoder) sections(n *yaml.Node) File {
	var f File
	seen := make(map[string]int, len(fileKeys)) // key -> line
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			d.report(k.Line, "", "a key must be a plain name such as %q", keyFAQs)
			continue
		}
		name := k.Value
		if first, dup := seen[name]; dup {
			d.report(k.Line, name, "appears twice in the file (first on line %d)", first)
			continue
		}
		seen[name] = k.Line
		switch name {
		case keyFAQs:
			if list := d.section(k, v, "FAQ entries", keyID); list != nil {
				f.FAQs = d.entries(list)
			}
		case keyConcepts:
			if list := d.section(k, v, "concepts", keyName); list != nil {
				f.Concepts = d.concepts(list)
			}
		default:
			d.unknownKey(k, fileKeys)
		}
	}
	return f
}

// section returns the list a key of the file's mapping holds, nil when it
// is empty or, reported, not a list. first is the first key of an item,
// for the message.
func (d *decoder) section(k, v *yaml.Node, what, first string) *yaml.Node {
	switch {
	case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null":
		return nil
	case v.Kind != yaml.SequenceNode:
		d.report(k.Line, k.Value, "must be a list of %s, each starting with \"- %s: ...\", not a %s", what, first, kindName(v))
		return nil
	}
	return v
}

// entries decodes a list of entries.
func (d *decoder) entries(list *yaml.Node) []faq.FAQ {
	faqs := make([]faq.FAQ, 0, len(list.Content))
	for _, item := range list.Content {
		if f, ok := d.entry(item); ok {
			faqs = append(faqs, f)
		}
	}
	return faqs
}

// concepts decodes a list of concepts.
func (d *decoder) concepts(list *yaml.Node) []faq.Concept {
	concepts := make([]faq.Concept, 0, len(list.Content))
	for _, item := range list.Content {
		if c, ok := d.concept(item); ok {
			concepts = append(concepts, c)
		}
	}
	return concepts
}

// concept decodes one concept. ok is false if it could not be decoded at
// all; problems with its name or words are reported but still yield a
// concept. The values are checked by [faq.ValidateConcept], after the
// file's own rules.
func (d *decoder) concept(n *yaml.Node) (c faq.Concept, ok bool) {
	line := n.Line
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		d.report(line, "", "each concept must be a mapping with the keys %s", strings.Join(conceptKeys, ", "))
		return c, false
	}
	e := newPlaces()
	seen := make(map[string]int, len(conceptKeys)) // key -> line
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			d.report(k.Line, "", "a key must be a plain name such as %q", keyName)
			continue
		}
		name := k.Value
		if first, dup := seen[name]; dup {
			d.report(k.Line, name, "appears twice in the same concept (first on line %d)", first)
			continue
		}
		seen[name] = k.Line
		e.lines[spot{name, 0}] = k.Line
		switch name {
		case keyName:
			c.Name = d.text(e, k, v)
			d.conceptName(e, k, c.Name)
		case keyWords:
			c.Words = d.list(e, k, v)
		default:
			d.unknownKey(k, conceptKeys)
		}
	}
	d.validateConcept(c, n.Line, e)
	return c, true
}

// conceptName checks that a non-empty concept name is unique in the file.
func (d *decoder) conceptName(e *places, k *yaml.Node, name string) {
	if name == "" || e.bad[spot{keyName, 0}] {
		return
	}
	if first, dup := d.names[name]; dup {
		d.report(k.Line, keyName, "duplicate concept name %q (first used on line %d)", name, first)
		return
	}
	d.names[name] = k.Line
}

// unknownKey reports a key that is not one of known, suggesting the
// closest if it looks like a typo.
func (d *decoder) unknownKey(k *yaml.Node, known []string) {
	msg := "unknown key; allowed keys are " + strings.Join(known, ", ")
	if s := suggest(k.Value, known); s != "" {
		msg = fmt.Sprintf("unknown key (did you mean %q?); allowed keys are %s", s, strings.Join(known, ", "))
	}
	d.report(k.Line, k.Value, "%s", msg)
}

// entry decodes one list item. ok is false if it could not be decoded at
// all; problems with individual fields are reported but still yield an entry.
// The values are checked by [faq.Validate], after the file's own rules.
func (d *decoder) entry(n *yaml.Node) (f faq.FAQ, ok bool) {
	line := n.Line
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		d.report(line, "", "each entry must be a mapping with the keys %s", strings.Join(knownKeys, ", "))
		return f, false
	}
	f.Enabled = true
	e := newPlaces()
	seen := make(map[string]int, len(knownKeys)) // key -> line
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			d.report(k.Line, "", "a key must be a plain name such as %q", keyQuestion)
			continue
		}
		name := k.Value
		if first, dup := seen[name]; dup {
			d.report(k.Line, name, "appears twice in the same entry (first on line %d)", first)
			continue
		}
		seen[name] = k.Line
		e.lines[spot{name, 0}] = k.Line
		switch name {
		case keyID:
			f.ID = d.text(e, k, v)
			d.id(e, k, f.ID)
		case keyCategory:
			f.Category = d.text(e, k, v)
		case keyQuestion:
			f.Question = d.text(e, k, v)
		case keyAlternatives:
			f.Alternatives = d.list(e, k, v)
		case keyKeywords:
			f.Keywords = d.list(e, k, v)
		case keyAnswer:
			f.Answer = d.text(e, k, v)
		case keyOfferPerson:
			f.OfferPerson = d.bool(k, v, false)
		case keyEnabled:
			f.Enabled = d.bool(k, v, true)
		default:
			d.unknownKey(k, knownKeys)
		}
	}
	// A file needs ids: importing it again must replace, not add.
	if l, present := seen[keyID]; !present {
		d.report(n.Line, keyID, "is required")
	} else if f.ID == "" && !e.bad[spot{keyID, 0}] {
		d.report(l, keyID, "must not be empty")
	}
	d.validate(f, n.Line, e)
	return f, true
}

// text decodes a string value; one that is not text is reported and marked
// bad in e.
func (d *decoder) text(e *places, k, v *yaml.Node) string {
	s, ok := d.scalar(k.Line, k.Value, v, "must be text")
	if !ok {
		e.bad[spot{k.Value, 0}] = true
	}
	return s
}

// scalar returns the trimmed text of a scalar value; a null value (a key
// with nothing after it, ~ or null) gives "". Anything else is reported with
// msg.
func (d *decoder) scalar(line int, field string, v *yaml.Node, msg string) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		d.report(line, field, "%s, not a %s", msg, kindName(v))
		return "", false
	}
	if v.ShortTag() == "!!null" {
		return "", true
	}
	return strings.TrimSpace(v.Value), true
}

// id checks that a non-empty id is unique in the file; its shape is
// checked by faq.Validate.
func (d *decoder) id(e *places, k *yaml.Node, id string) {
	if id == "" || e.bad[spot{keyID, 0}] {
		return
	}
	if first, dup := d.ids[id]; dup {
		d.report(k.Line, keyID, "duplicate id %q (first used on line %d)", id, first)
		return
	}
	d.ids[id] = k.Line
}

// list decodes an optional list of strings, noting in e the line of each
// item. An item that is not text is reported, marked bad in e and kept as
// "" so that the items keep their positions; blank ones are for
// faq.Validate to report.
func (d *decoder) list(e *places, k, v *yaml.Node) []string {
	field := k.Value
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.report(k.Line, field, "must be a list of strings (one per line, each starting with \"- \"), not a %s", kindName(v))
		e.bad[spot{field, 0}] = true
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for i, item := range v.Content {
		s, ok := d.scalar(item.Line, field, deref(item), fmt.Sprintf("item %d must be text", i+1))
		if !ok {
			e.bad[spot{field, i + 1}] = true
		}
		e.lines[spot{field, i + 1}] = item.Line
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// bool decodes a flag (enabled, offer_person); one that is not true or
// false is reported and taken as def.
func (d *decoder) bool(k, v *yaml.Node, def bool) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		d.report(k.Line, k.Value, "must be true or false")
		return def
	}
	return b
}

// deref follows an alias (*name) to the node it refers to.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// kindName names the kind of a value for problem messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	default:
		return "value of unexpected kind"
	}
}

// suggest returns the known key closest to an unknown one, if it is close
// enough to be a likely typo.
func suggest(key string, known []string) string {
	lower := strings.ToLower(strings.TrimSpace(key))
	best, bestDist := "", 3 // at most two edits away
	for _, k := range known {
		if dist := editDistance(lower, k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	// Two edits turn a short key into anything ("q" into "id").
	if 2*bestDist >= utf8.RuneCountInString(lower) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
