package faqfile

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
)

// decodeFileOK decodes src with DecodeFile, failing the test on an error.
func decodeFileOK(t *testing.T, src string) File {
	t.Helper()
	f, err := DecodeFile(strings.NewReader(src))
	if err != nil {
		t.Fatalf("DecodeFile: %v", err)
	}
	return f
}

// concept returns the lines of a valid concept with the given name,
// starting with "  - name:" (inside concepts:), with extra lines appended.
func concept(name string, extra ...string) []string {
	return append([]string{"  - name: " + name, "    words: [事務所, 職場]"}, extra...)
}

// withConcepts is a file of the mapping form: one entry, then the given
// lines under concepts: (the first concept line is line 7).
func withConcepts(ls ...string) string {
	head := append([]string{"faqs:"}, indent(entry("x"))...)
	return lines(append(append(head, "concepts:"), ls...)...)
}

// manyWords is n different words, separated by commas.
func manyWords(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprint("w", i)
	}
	return strings.Join(ws, ", ")
}

// indent indents lines by two spaces.
func indent(ls []string) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = "  " + l
	}
	return out
}

func TestDecodeFileMappingForm(t *testing.T) {
	src := lines(
		"# entries and concepts",
		"faqs:",
		"  - id: office",
		"    category: 勤務",
		"    question: 事務所はどこですか？",
		"    answer: 北見市内のサテライトオフィスです。",
		"    offer_person: true",
		"concepts:",
		"  - name: ' 事務所 '",
		"    words: [事務所, ' 職場', オフィス]",
		"  - name: OK",
		"    words:",
		"      - 大丈夫",
		"      - 'yes'",
	)
	got := decodeFileOK(t, src)
	want := File{
		FAQs: []faq.FAQ{{ID: "office", Category: "勤務", Question: "事務所はどこですか？",
			Answer: "北見市内のサテライトオフィスです。", OfferPerson: true, Enabled: true}},
		Concepts: []faq.Concept{
			{Name: "事務所", Words: []string{"事務所", "職場", "オフィス"}},
			{Name: "OK", Words: []string{"大丈夫", "yes"}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DecodeFile =\n%#v\nwant\n%#v", got, want)
	}
	// Decode reads the same file, for its entries.
	faqs, err := Decode(strings.NewReader(src))
	if err != nil || !reflect.DeepEqual(faqs, want.FAQs) {
		t.Errorf("Decode = %#v, %v", faqs, err)
	}
}

func TestDecodeFileListForm(t *testing.T) {
	got := decodeFileOK(t, exampleYAML)
	if !reflect.DeepEqual(got, File{FAQs: []faq.FAQ{exampleFAQ}}) {
		t.Errorf("DecodeFile of a list = %#v", got)
	}
}

func TestDecodeFileEitherSectionMayBeLeftOut(t *testing.T) {
	got := decodeFileOK(t, lines("concepts:", "  - name: 面接", "    words: [面接, 面談]"))
	if len(got.FAQs) != 0 || len(got.Concepts) != 1 || got.Concepts[0].Name != "面接" {
		t.Errorf("only concepts: %#v", got)
	}
	got = decodeFileOK(t, lines(append([]string{"faqs:"}, indent(entry("x"))...)...))
	if len(got.FAQs) != 1 || len(got.Concepts) != 0 {
		t.Errorf("only faqs: %#v", got)
	}
	got = decodeFileOK(t, lines("faqs:", "concepts: []"))
	if len(got.FAQs) != 0 || len(got.Concepts) != 0 {
		t.Errorf("empty sections: %#v", got)
	}
}

func TestOfferPerson(t *testing.T) {
	got := decodeOK(t, lines(append(append(entry("a"), "  offer_person: true"), append(entry("b"), "  offer_person: false")...)...))
	if !got[0].OfferPerson || got[1].OfferPerson {
		t.Errorf("offer_person = %v, %v; want true, false", got[0].OfferPerson, got[1].OfferPerson)
	}
	if got := decodeOK(t, lines(entry("c")...)); got[0].OfferPerson {
		t.Error("offer_person defaults to true")
	}
	wantOneProblem(t, lines(append(entry("x"), "  offer_person: 'yes'")...), 5, "offer_person", "must be true or false")
	wantOneProblem(t, lines(append(entry("x"), "  offer_peson: true")...), 5, "offer_peson", `did you mean "offer_person"?`)

	var b bytes.Buffer
	on := exampleFAQ
	on.ID, on.OfferPerson = "with-person", true
	if err := Encode(&b, []faq.FAQ{on, exampleFAQ}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "offer_person"); n != 1 || !strings.Contains(b.String(), "  offer_person: true\n") {
		t.Errorf("Encode wrote offer_person %d times:\n%s", n, b.String())
	}
	if again := decodeOK(t, b.String()); !reflect.DeepEqual(again, []faq.FAQ{on, exampleFAQ}) {
		t.Errorf("round trip = %#v", again)
	}
}

func TestConceptProblems(t *testing.T) {
	long := strings.Repeat("長", faq.MaxConceptWordLength+1)
	tests := []struct {
		name  string
		src   string
		line  int
		field string
		msg   string
	}{
		{"missing name", withConcepts("  - words: [a, b]"), 7, "name", "is required"},
		{"blank name", withConcepts("  - name: ' '", "    words: [a, b]"), 7, "name", "must not be empty"},
		{"name too long", withConcepts("  - name: "+strings.Repeat("名", faq.MaxConceptNameLength+1), "    words: [a, b]"), 7, "name", "at most 50 characters (it has 51)"},
		{"name is a list", withConcepts("  - name: [a]", "    words: [a, b]"), 7, "name", "must be text, not a list"},
		{"missing words", withConcepts("  - name: 事務所"), 7, "words", "is required: a list of at least 2 words"},
		{"one word", withConcepts("  - name: 事務所", "    words: [事務所]"), 8, "words", "must have at least 2 different words (it has 1)"},
		{"words not a list", withConcepts("  - name: 事務所", "    words: 事務所, 職場"), 8, "words", "must be a list"},
		{"blank word", withConcepts("  - name: 事務所", "    words:", "      - 事務所", "      - ''", "      - 職場"), 10, "words", "item 2 must not be empty"},
		{"word twice", withConcepts("  - name: 事務所", "    words:", "      - 事務所", "      - 職場", "      - 職場"), 11, "words", "item 3 is the same as item 2"},
		{"word too long", withConcepts("  - name: 事務所", "    words:", "      - 事務所", "      - "+long), 10, "words", "item 2 must be at most 30 characters (it has 31)"},
		{"word with a tab", withConcepts("  - name: 事務所", "    words:", "      - 事務所", "      - \"職\\t場\""), 10, "words", "item 2 must not contain control characters"},
		{"too many words", withConcepts("  - name: 事務所", "    words: ["+manyWords(faq.MaxConceptWords+1)+"]"), 8, "words", "at most 30 items (it has 31)"},
		{"unknown key", withConcepts(append(concept("a"), "    word: [c]")...), 9, "word", `unknown key (did you mean "words"?); allowed keys are name, words`},
		{"key twice", withConcepts(append(concept("a"), "    name: b")...), 9, "name", "appears twice in the same concept (first on line 7)"},
		{"concept not a mapping", withConcepts("  - 事務所"), 7, "", "each concept must be a mapping with the keys name, words"},
		{"duplicate name", withConcepts(append(concept("事務所"), concept("' 事務所'")...)...), 9, "name", `duplicate concept name "事務所" (first used on line 7)`},
		{"concepts not a list", lines("faqs: []", "concepts:", "  事務所: [事務所, 職場]"), 2, "concepts", `must be a list of concepts, each starting with "- name: ...", not a mapping`},
		{"faqs not a list", lines("faqs: hello", "concepts: []"), 1, "faqs", "must be a list of FAQ entries"},
		{"unknown section", lines("faqs: []", "concept: []"), 2, "concept", `unknown key (did you mean "concepts"?); allowed keys are faqs, concepts`},
		{"section twice", lines("faqs: []", "faqs: []"), 2, "faqs", "appears twice in the file (first on line 1)"},
		{"a lone entry", lines("id: x", "category: c"), 1, "", "must be a list of FAQ entries, each starting with \"- id: ...\", or a mapping with the keys faqs and concepts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantOneProblem(t, tt.src, tt.line, tt.field, tt.msg)
		})
	}
}

func TestConceptAndEntryProblemsTogether(t *testing.T) {
	src := lines(
		"faqs:",
		"  - id: x", // 2
		"    category: c",
		"    question: q",
		"concepts:", // 5
		"  - name: 事務所",
		"    words: [事務所]",
		"  - name: ''",
		"    words: [a, b]",
	)
	wantProblems(t, src,
		Problem{2, "answer", "is required"},
		Problem{7, "words", "must have at least 2 different words (it has 1)"},
		Problem{8, "name", "must not be empty"},
	)
}

func TestEncodeFileFormat(t *testing.T) {
	var b bytes.Buffer
	f := File{
		FAQs: []faq.FAQ{{ID: "office", Category: "勤務", Question: "事務所は？", Answer: "北見です。", OfferPerson: true, Enabled: true}},
		Concepts: []faq.Concept{
			{Name: "事務所", Words: []string{"事務所", "職場", "オフィス"}, UpdatedBy: "admin"},
			{Name: "yes", Words: []string{"a, b", "OK"}},
		},
	}
	if err := EncodeFile(&b, f); err != nil {
		t.Fatal(err)
	}
	want := lines(
		"faqs:",
		"  - id: office",
		"    category: 勤務",
		"    question: 事務所は？",
		"    alternatives: []",
		"    answer: 北見です。",
		"    offer_person: true",
		"concepts:",
		"  - name: 事務所",
		"    words: [事務所, 職場, オフィス]",
		"  - name: \"yes\"",
		"    words: ['a, b', OK]",
	)
	if got := b.String(); got != want {
		t.Errorf("EncodeFile =\n%s\nwant\n%s", got, want)
	}
	// Without concepts, the list form older files have.
	var list, file bytes.Buffer
	if err := Encode(&list, []faq.FAQ{exampleFAQ}); err != nil {
		t.Fatal(err)
	}
	if err := EncodeFile(&file, File{FAQs: []faq.FAQ{exampleFAQ}}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(file.String(), "- id: training-period\n") || file.String() != list.String() {
		t.Errorf("EncodeFile without concepts =\n%s\nwant\n%s", file.String(), list.String())
	}
}

func TestConceptsRoundTrip(t *testing.T) {
	f := File{FAQs: []faq.FAQ{exampleFAQ}}
	for i, w := range []string{"yes", "no", "null", "~", "123", "9:30", "a: b", "#hash", "[list]", "{map}", "- dash",
		"'single'", "\"double\"", "a, b", "全角：コロン", "絵文字🍶", "&anchor", "*alias"} {
		f.Concepts = append(f.Concepts, faq.Concept{Name: w + string(rune('A'+i)), Words: []string{w, "言葉"}})
	}
	var b bytes.Buffer
	if err := EncodeFile(&b, f); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeFile(&b)
	if err != nil {
		t.Fatalf("DecodeFile(EncodeFile(x)): %v\nfile:\n%s", err, b.String())
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("round trip =\n%#v\nwant\n%#v", got, f)
	}
}

func TestDecodeConcepts(t *testing.T) {
	got, err := decodeConcepts([]byte(lines("- name: 面接", "  words: [面接, 面談]")))
	if err != nil || !reflect.DeepEqual(got, []faq.Concept{{Name: "面接", Words: []string{"面接", "面談"}}}) {
		t.Errorf("decodeConcepts = %#v, %v", got, err)
	}
	_, err = decodeConcepts([]byte(lines("name: 面接", "words: [面接, 面談]")))
	var verr *ValidationError
	if !errors.As(err, &verr) || !strings.Contains(err.Error(), "line 1: the file must be a list of concepts") {
		t.Errorf("decodeConcepts of a mapping = %v", err)
	}
	_, err = decodeConcepts(nil)
	if err == nil || !strings.Contains(err.Error(), "expected a list of concepts") {
		t.Errorf("decodeConcepts of nothing = %v", err)
	}
}

func TestDefaultConcepts(t *testing.T) {
	concepts := DefaultConcepts()
	if len(concepts) < 20 {
		t.Fatalf("DefaultConcepts() has %d concepts; want at least 20", len(concepts))
	}
	names, words := map[string]bool{}, map[string]string{}
	for _, c := range concepts {
		if names[c.Name] {
			t.Errorf("duplicate name %q", c.Name)
		}
		names[c.Name] = true
		if ps := faq.ValidateConcept(c); len(ps) > 0 {
			t.Errorf("%s: %+v", c.Name, ps)
		}
		// The first group a word is in wins: a word in two groups is a
		// mistake.
		for _, w := range c.Words {
			if other, ok := words[w]; ok {
				t.Errorf("%q is in %s and in %s", w, other, c.Name)
			}
			words[w] = c.Name
		}
	}

	// Callers get their own copy.
	concepts[0].Words[0] = "changed"
	if DefaultConcepts()[0].Words[0] == "changed" {
		t.Error("modifying the result of DefaultConcepts() changed the next result")
	}

	// The defaults survive an export and an import with the default FAQ.
	var b bytes.Buffer
	f := File{FAQs: Default(), Concepts: DefaultConcepts()}
	if err := EncodeFile(&b, f); err != nil {
		t.Fatal(err)
	}
	if again := decodeFileOK(t, b.String()); !reflect.DeepEqual(again, f) {
		t.Error("the defaults do not survive EncodeFile then DecodeFile")
	}
}
