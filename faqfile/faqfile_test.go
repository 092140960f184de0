package faqfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
)

// lines joins lines with newlines, so YAML in tests can be written one line
// per argument and line numbers are easy to count.
func lines(ls ...string) string {
	return strings.Join(ls, "\n") + "\n"
}

// problems decodes src and returns its problems, failing the test if src
// decodes without error or with an error that is not a *ValidationError.
func problems(t *testing.T, src string) []Problem {
	t.Helper()
	faqs, err := Decode(strings.NewReader(src))
	if err == nil {
		t.Fatalf("Decode succeeded with %d entries; want a validation error", len(faqs))
	}
	if faqs != nil {
		t.Errorf("Decode returned entries along with an error: %v", faqs)
	}
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Decode error is %T (%v); want *ValidationError", err, err)
	}
	return verr.Problems
}

// wantProblems checks that src has exactly the problems want (in order).
func wantProblems(t *testing.T, src string, want ...Problem) {
	t.Helper()
	got := problems(t, src)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", formatProblems(got), formatProblems(want))
	}
}

func formatProblems(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "  %d %q %q\n", p.Line, p.Field, p.Message)
	}
	return b.String()
}

// wantOneProblem checks that src has exactly one problem, on line, about
// field, whose message contains msg.
func wantOneProblem(t *testing.T, src string, line int, field, msg string) {
	t.Helper()
	got := problems(t, src)
	if len(got) != 1 {
		t.Fatalf("got %d problems, want 1:\n%s", len(got), formatProblems(got))
	}
	p := got[0]
	if p.Line != line || p.Field != field || !strings.Contains(p.Message, msg) {
		t.Errorf("problem = %d %q %q; want line %d, field %q, message containing %q", p.Line, p.Field, p.Message, line, field, msg)
	}
}

func decodeOK(t *testing.T, src string) []faq.FAQ {
	t.Helper()
	faqs, err := Decode(strings.NewReader(src))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return faqs
}

const exampleYAML = `- id: training-period
  category: 研修
  question: 研修の期間と場所を教えてください。
  alternatives:
    - 研修は何ヶ月ですか
  keywords: [研修, 期間]
  answer: 入社後、東京本社で4ヶ月間の研修があります。
`

var exampleFAQ = faq.FAQ{
	ID:           "training-period",
	Category:     "研修",
	Question:     "研修の期間と場所を教えてください。",
	Alternatives: []string{"研修は何ヶ月ですか"},
	Keywords:     []string{"研修", "期間"},
	Answer:       "入社後、東京本社で4ヶ月間の研修があります。",
	Enabled:      true,
}

func TestDecodeExample(t *testing.T) {
	got := decodeOK(t, exampleYAML)
	want := []faq.FAQ{exampleFAQ}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Decode = %#v\nwant %#v", got, want)
	}
}

func TestDecodeDefaultsAndTrimming(t *testing.T) {
	src := lines(
		"# comments are fine",
		"- id: ' salary '",
		"  category: \"  給与 \"",
		"  question: \"　初任給はいくらですか？　\"", // ideographic spaces
		"  answer: |",
		"    月給25万円です。",
		"    賞与は年2回です。",
		"  enabled: true",
		"- id: '123'",
		"  category: 123",
		"  question: yes",
		"  alternatives:",
		"  keywords: ~",
		"  answer: 3.50",
		"  enabled: false",
	)
	got := decodeOK(t, src)
	want := []faq.FAQ{
		{ID: "salary", Category: "給与", Question: "初任給はいくらですか？", Answer: "月給25万円です。\n賞与は年2回です。", Enabled: true},
		{ID: "123", Category: "123", Question: "yes", Answer: "3.50", Enabled: false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Decode =\n%#v\nwant\n%#v", got, want)
	}
	for _, f := range got {
		if f.Version != 0 || f.UpdatedBy != "" || !f.UpdatedAt.IsZero() {
			t.Errorf("%s: Version/UpdatedBy/UpdatedAt = %d/%q/%v; want zero values", f.ID, f.Version, f.UpdatedBy, f.UpdatedAt)
		}
	}
}

func TestDecodeEmptyList(t *testing.T) {
	got := decodeOK(t, "[]\n")
	if got == nil || len(got) != 0 {
		t.Errorf("Decode([]) = %#v; want an empty, non-nil slice", got)
	}
}

func TestDecodeAliases(t *testing.T) {
	src := lines(
		"- id: a",
		"  category: &cat 研修",
		"  question: q1",
		"  alternatives: &alts [x, y]",
		"  answer: a1",
		"- id: b",
		"  category: *cat",
		"  question: q2",
		"  alternatives: *alts",
		"  answer: a2",
	)
	got := decodeOK(t, src)
	if got[1].Category != "研修" || !reflect.DeepEqual(got[1].Alternatives, []string{"x", "y"}) {
		t.Errorf("second entry = %#v; want the aliased category and alternatives", got[1])
	}
}

func TestEncodeFormat(t *testing.T) {
	var b bytes.Buffer
	faqs := []faq.FAQ{
		exampleFAQ,
		{ID: "closed", Category: "9:30", Question: "yes", Answer: "一行目\n二行目", Enabled: false, Version: 7, UpdatedBy: "admin"},
	}
	if err := Encode(&b, faqs); err != nil {
		t.Fatal(err)
	}
	want := lines(
		"- id: training-period",
		"  category: 研修",
		"  question: 研修の期間と場所を教えてください。",
		"  alternatives:",
		"    - 研修は何ヶ月ですか",
		"  keywords:",
		"    - 研修",
		"    - 期間",
		"  answer: 入社後、東京本社で4ヶ月間の研修があります。",
		"- id: closed",
		"  category: \"9:30\"",
		"  question: \"yes\"",
		"  alternatives: []",
		"  answer: |-",
		"    一行目",
		"    二行目",
		"  enabled: false",
	)
	if got := b.String(); got != want {
		t.Errorf("Encode =\n%s\nwant\n%s", got, want)
	}
}

func TestEncodeEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := Encode(&b, nil); err != nil {
		t.Fatal(err)
	}
	got := decodeOK(t, b.String())
	if len(got) != 0 {
		t.Errorf("round trip of no entries gave %d entries (file %q)", len(got), b.String())
	}
}

func TestRoundTrip(t *testing.T) {
	tricky := []string{
		"yes", "no", "on", "off", "true", "False", "null", "~", "", "123", "0123", "1e3", "0x1F", ".inf",
		"- dash", "? question", ": colon", "a: b", "a #b", "#hash", "@at", "`tick", "%percent", "!bang",
		"&anchor", "*alias", "|pipe", ">fold", "[list]", "{map}", "'single'", "\"double\"", "back\\slash",
		"---", "...", "9:30", "1:20:30", "Y", "n", "tab\there", "全角：コロン", "絵文字🍶", "line1\nline2", "trailing newline\n  indented",
		"  leading space", "trailing space ", strings.Repeat("長い", 500),
		"very long English text that might be folded by an emitter with a line width " + strings.Repeat("word ", 40),
	}
	var faqs []faq.FAQ
	for i, s := range tricky {
		question := strings.TrimSpace(s)
		if question == "" {
			question = "空"
		}
		if len([]rune(question)) > MaxQuestionLength {
			question = string([]rune(question)[:MaxQuestionLength])
		}
		category := question // categories are shorter: at most MaxCategoryLength
		if len([]rune(category)) > MaxCategoryLength {
			category = strings.TrimSpace(string([]rune(category)[:MaxCategoryLength]))
		}
		faqs = append(faqs, faq.FAQ{
			ID:           fmt.Sprintf("entry-%d", i),
			Category:     category,
			Question:     question,
			Alternatives: []string{question, "別の聞き方"},
			Keywords:     []string{question},
			Answer:       question + " です。",
			Enabled:      i%3 != 0,
		})
	}
	faqs = append(faqs, exampleFAQ, faq.FAQ{ID: "minimal", Category: "c", Question: "q", Answer: "a", Enabled: true})

	var b bytes.Buffer
	if err := Encode(&b, faqs); err != nil {
		t.Fatal(err)
	}
	got, err := Decode(&b)
	if err != nil {
		t.Fatalf("Decode(Encode(x)): %v\nfile:\n%s", err, b.String())
	}
	if len(got) != len(faqs) {
		t.Fatalf("got %d entries, want %d", len(got), len(faqs))
	}
	for i := range faqs {
		if !reflect.DeepEqual(got[i], faqs[i]) {
			t.Errorf("entry %d:\n got %#v\nwant %#v", i, got[i], faqs[i])
		}
	}

	// Encoding again gives the same bytes: the format is stable.
	var b1, b2 bytes.Buffer
	if err := Encode(&b1, faqs); err != nil {
		t.Fatal(err)
	}
	if err := Encode(&b2, got); err != nil {
		t.Fatal(err)
	}
	if b1.String() != b2.String() {
		t.Error("re-encoding the decoded entries changed the file")
	}
	if strings.Contains(b1.String(), `\u`) || strings.Contains(b1.String(), `\x`) {
		t.Error("Encode escaped non-ASCII text")
	}
}

func TestRoundTripDropsBookkeeping(t *testing.T) {
	f := exampleFAQ
	f.Version, f.UpdatedBy = 4, "U123"
	var b bytes.Buffer
	if err := Encode(&b, []faq.FAQ{f}); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); strings.Contains(s, "U123") || strings.Contains(s, "version") {
		t.Errorf("Encode wrote bookkeeping fields:\n%s", s)
	}
	got := decodeOK(t, b.String())
	if !reflect.DeepEqual(got, []faq.FAQ{exampleFAQ}) {
		t.Errorf("round trip = %#v", got)
	}
}

func TestEncodeWriteError(t *testing.T) {
	err := Encode(failingWriter{}, []faq.FAQ{exampleFAQ})
	if err == nil {
		t.Fatal("Encode to a failing writer succeeded")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestDecodeReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Decode(io.MultiReader(strings.NewReader("- id: x\n"), errReader{boom}))
	if !errors.Is(err, boom) {
		t.Errorf("Decode error = %v; want it to wrap the read error", err)
	}
	var verr *ValidationError
	if errors.As(err, &verr) {
		t.Error("a read error must not be a *ValidationError")
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// entry returns the lines of a valid entry with the given id, starting with
// "- id:", with extra lines appended.
func entry(id string, extra ...string) []string {
	return append([]string{
		"- id: " + id,
		"  category: 研修",
		"  question: 研修はありますか",
		"  answer: はい、あります。",
	}, extra...)
}

func TestValidationProblems(t *testing.T) {
	long := func(n int) string { return strings.Repeat("あ", n) }
	tests := []struct {
		name  string
		src   string
		line  int
		field string
		msg   string
	}{
		{"missing id", lines("- category: c", "  question: q", "  answer: a"), 1, "id", "is required"},
		{"missing category", lines(entry("x")[0], "  question: q", "  answer: a"), 1, "category", "is required"},
		{"missing question on second entry", lines(append(entry("a"), "- id: b", "  category: c", "  answer: a")...), 5, "question", "is required"},
		{"missing answer", lines("- id: x", "  category: c", "  question: q"), 1, "answer", "is required"},
		{"blank answer", lines(append(entry("a"), "- id: b", "  category: c", "  question: q", "  answer: '   '")...), 8, "answer", "must not be empty"},
		{"null answer", lines("- id: b", "  category: c", "  question: q", "  answer:"), 4, "answer", "must not be empty"},
		{"blank question", lines("- id: b", "  category: c", "  question: \"\u3000\"", "  answer: a"), 3, "question", "must not be empty"},
		{"blank category", lines("- id: b", "  category: ''", "  question: q", "  answer: a"), 2, "category", "must not be empty"},
		{"blank id", lines("- id: ", "  category: c", "  question: q", "  answer: a"), 1, "id", "must not be empty"},
		{"answer too long", lines("- id: b", "  category: c", "  question: q", "  answer: "+long(MaxAnswerLength+1)), 4, "answer", "at most 1000 characters (it has 1001)"},
		{"category too long", lines("- id: b", "  category: "+long(MaxCategoryLength+1), "  question: q", "  answer: a"), 2, "category", "at most 50 characters (it has 51)"},
		{"question too long", lines("- id: b", "  category: c", "  question: "+long(MaxQuestionLength+1), "  answer: a"), 3, "question", "at most 200 characters"},
		{"alternative too long", lines(append(entry("b"), "  alternatives:", "    - ok", "    - "+long(MaxQuestionLength+1))...), 7, "alternatives", "item 2 must be at most 200 characters"},
		{"id uppercase", lines(entry("Training")...), 1, "id", "lowercase letters"},
		{"id underscore", lines(entry("training_period")...), 1, "id", "lowercase letters"},
		{"id leading hyphen", lines(entry("'-x'")...), 1, "id", "starting with a letter or digit"},
		{"id too long", lines(entry(strings.Repeat("a", MaxIDLength+1))...), 1, "id", "1 to 64"},
		{"id japanese", lines(entry("研修")...), 1, "id", "lowercase letters"},
		{"id is a list", lines(entry("[a, b]")...), 1, "id", "must be text, not a list"},
		{"question is a mapping", lines("- id: x", "  category: c", "  question:", "    ja: q", "  answer: a"), 3, "question", "must be text, not a mapping"},
		{"alternatives not a list", lines(append(entry("x"), "  alternatives: 研修は何ヶ月ですか")...), 5, "alternatives", "must be a list"},
		{"keywords not a list", lines(append(entry("x"), "  keywords: {a: b}")...), 5, "keywords", "must be a list"},
		{"blank alternative", lines(append(entry("x"), "  alternatives:", "    - a", "    -", "    - b")...), 7, "alternatives", "item 2 must not be empty"},
		{"blank keyword", lines(append(entry("x"), "  keywords: [a, '  ']")...), 5, "keywords", "item 2 must not be empty"},
		{"nested keyword list", lines(append(entry("x"), "  keywords:", "    - [a, b]")...), 6, "keywords", "item 1 must be text, not a list"},
		{"too many alternatives", lines(append(entry("x"), "  alternatives: ["+strings.Repeat("a,", MaxListItems)+"a]")...), 5, "alternatives", "at most 50 items (it has 51)"},
		{"too many keywords", lines(append(entry("x"), "  keywords: ["+strings.Repeat("a,", MaxListItems)+"a]")...), 5, "keywords", "at most 50 items"},
		{"enabled not bool", lines(append(entry("x"), "  enabled: maybe")...), 5, "enabled", "must be true or false"},
		{"enabled quoted", lines(append(entry("x"), "  enabled: 'false'")...), 5, "enabled", "must be true or false"},
		{"enabled yes", lines(append(entry("x"), "  enabled: yes")...), 5, "enabled", "must be true or false"},
		{"enabled empty", lines(append(entry("x"), "  enabled:")...), 5, "enabled", "must be true or false"},
		{"key twice", lines(append(entry("x"), "  answer: again")...), 5, "answer", "appears twice in the same entry (first on line 4)"},
		{"entry not a mapping", lines(append(entry("x"), "- just a string")...), 5, "", "each entry must be a mapping"},
		{"entry is a list", lines(append(entry("x"), "- [a, b]")...), 5, "", "each entry must be a mapping"},
		{"non-scalar key", lines(append(entry("x"), "  ? [a]", "  : b")...), 5, "", "a key must be a plain name"},
		{"top level mapping", lines("id: x", "category: c"), 1, "", "must be a list of FAQ entries"},
		{"top level scalar", lines("# FAQ", "hello"), 2, "", "must be a list of FAQ entries"},
		{"empty file", "", 1, "", "the file is empty"},
		{"only comments", lines("# nothing here", ""), 1, "", "the file is empty"},
		{"two documents", lines(append(entry("x"), "---", "- id: y")...), 5, "", "only one YAML document"},
		{"utf-16", "\xff\xfe-\x00 \x00", 1, "", "UTF-8, not UTF-16"},
		{"shift_jis", lines("- id: x", "  category: \x8c\xa4\x8fC", "  question: q", "  answer: a"), 2, "", "must be saved as UTF-8"},
		{"control character", lines("- id: x", "  category: c", "  question: q", "  answer: a\x07"), 4, "", "control character U+0007"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantOneProblem(t, tt.src, tt.line, tt.field, tt.msg)
		})
	}
}

func TestLimitsAreInclusive(t *testing.T) {
	src := lines(
		"- id: "+strings.Repeat("a", MaxIDLength),
		"  category: c",
		"  question: "+strings.Repeat("問", MaxQuestionLength),
		"  alternatives: ["+strings.Repeat("a,", MaxListItems-1)+"a]",
		"  keywords: ["+strings.Repeat("k,", MaxListItems-1)+"k]",
		"  answer: "+strings.Repeat("答", MaxAnswerLength),
	)
	got := decodeOK(t, src)
	if len(got[0].Alternatives) != MaxListItems || len(got[0].Keywords) != MaxListItems {
		t.Errorf("got %d alternatives, %d keywords; want %d each", len(got[0].Alternatives), len(got[0].Keywords), MaxListItems)
	}
}

// TestItemsKeepTheirPlace checks that an item which is not text still
// counts, and that the items after it keep their numbers and lines.
func TestItemsKeepTheirPlace(t *testing.T) {
	src := lines(append(entry("x"), "  alternatives:", "    - [a]", "    - ''", "    - "+strings.Repeat("長", MaxQuestionLength+1))...)
	wantProblems(t, src,
		Problem{6, "alternatives", "item 1 must be text, not a list"},
		Problem{7, "alternatives", "item 2 must not be empty"},
		Problem{8, "alternatives", "item 3 must be at most 200 characters (it has 201)"},
	)
	many := lines(append(entry("x"), "  keywords: [[a], "+strings.Repeat("k,", MaxListItems-1)+"k]")...)
	wantProblems(t, many,
		Problem{5, "keywords", "item 1 must be text, not a list"},
		Problem{5, "keywords", "must have at most 50 items (it has 51)"},
	)
}

func TestUnknownKey(t *testing.T) {
	wantProblems(t, lines(append(entry("x"), "  keyword: [a]", "  Answer: b", "  note: staff only")...),
		Problem{5, "keyword", `unknown key (did you mean "keywords"?); allowed keys are id, category, question, alternatives, keywords, answer, offer_person, enabled`},
		Problem{6, "Answer", `unknown key (did you mean "answer"?); allowed keys are id, category, question, alternatives, keywords, answer, offer_person, enabled`},
		Problem{7, "note", "unknown key; allowed keys are id, category, question, alternatives, keywords, answer, offer_person, enabled"},
	)
}

func TestDuplicateID(t *testing.T) {
	src := lines(append(append(append(entry("training"), entry("salary")...), entry("training")...), entry("training")...)...)
	wantProblems(t, src,
		Problem{9, "id", `duplicate id "training" (first used on line 1)`},
		Problem{13, "id", `duplicate id "training" (first used on line 1)`},
	)
	// Ids are compared after trimming.
	wantProblems(t, lines(append(entry("a"), entry("'a '")...)...),
		Problem{5, "id", `duplicate id "a" (first used on line 1)`},
	)
}

func TestMultipleProblemsReportedTogether(t *testing.T) {
	src := lines(
		"- id: Bad_ID", // 1
		"  category: 研修",
		"  question: ''",
		"  answer: ok",
		"  enabeld: false", // 5
		"- id: ok",
		"  category: c",
		"  question: q",
		"  alternatives: [a, '']",
		"- id: ok", // 10
		"  category: c",
		"  question: q",
		"  answer: a",
		"  enabled: nope",
		"- plain string", // 15
	)
	want := []Problem{
		{1, "id", `"Bad_ID" must be 1 to 64 lowercase letters (a-z), digits and hyphens, starting with a letter or digit`},
		{3, "question", "must not be empty"},
		{5, "enabeld", `unknown key (did you mean "enabled"?); allowed keys are id, category, question, alternatives, keywords, answer, offer_person, enabled`},
		{6, "answer", "is required"},
		{9, "alternatives", "item 2 must not be empty"},
		{10, "id", `duplicate id "ok" (first used on line 6)`},
		{14, "enabled", "must be true or false"},
		{15, "", "each entry must be a mapping with the keys id, category, question, alternatives, keywords, answer, offer_person, enabled"},
	}
	wantProblems(t, src, want...)

	_, err := Decode(strings.NewReader(src))
	wantErr := strings.Join([]string{
		`line 1: id: "Bad_ID" must be 1 to 64 lowercase letters (a-z), digits and hyphens, starting with a letter or digit`,
		"line 3: question: must not be empty",
		`line 5: enabeld: unknown key (did you mean "enabled"?); allowed keys are id, category, question, alternatives, keywords, answer, offer_person, enabled`,
		"line 6: answer: is required",
		"line 9: alternatives: item 2 must not be empty",
		`line 10: id: duplicate id "ok" (first used on line 6)`,
		"line 14: enabled: must be true or false",
		"line 15: each entry must be a mapping with the keys id, category, question, alternatives, keywords, answer, offer_person, enabled",
	}, "\n")
	if err.Error() != wantErr {
		t.Errorf("Error() =\n%s\nwant\n%s", err.Error(), wantErr)
	}
}

func TestSyntaxErrorLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
	}{
		{"bad indentation", lines(append(entry("a"), "- id: b", " category: c")...), 6},
		{"tab indentation on first line", "\t- id: x\n", 1},
		{"colon in plain value", lines(append(entry("a"), "- id: b", "  question: 質問: です")...), 6},
		{"unclosed flow list", lines(append(entry("a"), "- id: b", "  keywords: [a, b", "  answer: x")...), 6},
		{"unclosed quote", lines(append(entry("a"), "- id: b", "  answer: \"unclosed")...), 6},
		{"over-indented key", lines(append(entry("a"), "- id: b", "  category: c", "    question: q")...), 7},
		{"unknown alias", lines(append(entry("a"), "- id: b", "  category: *nope")...), 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problems(t, tt.src)
			if len(got) != 1 {
				t.Fatalf("got %d problems, want 1:\n%s", len(got), formatProblems(got))
			}
			p := got[0]
			if p.Line != tt.line || p.Field != "" || !strings.HasPrefix(p.Message, "invalid YAML: ") {
				t.Errorf("problem = %d %q %q; want line %d, no field, an \"invalid YAML: \" message", p.Line, p.Field, p.Message, tt.line)
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{12, "answer", "must not be empty"}, "line 12: answer: must not be empty"},
		{Problem{3, "", "each entry must be a mapping"}, "line 3: each entry must be a mapping"},
		{Problem{0, "", "invalid YAML: something"}, "invalid YAML: something"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q; want %q", tt.p, got, tt.want)
		}
	}
	if got := (&ValidationError{}).Error(); got == "" {
		t.Error("empty ValidationError has an empty message")
	}
}

func TestDefault(t *testing.T) {
	faqs := Default()
	if len(faqs) < 20 {
		t.Fatalf("Default() has %d entries; want at least 20", len(faqs))
	}
	ids := make(map[string]bool)
	for _, f := range faqs {
		if ids[f.ID] {
			t.Errorf("duplicate id %q", f.ID)
		}
		ids[f.ID] = true
		if f.Version != 0 {
			t.Errorf("%s: Version = %d; want 0", f.ID, f.Version)
		}
	}

	// Callers get their own copy.
	faqs[0].Answer = "changed"
	if Default()[0].Answer == "changed" {
		t.Error("modifying the result of Default() changed the next result")
	}

	// The embedded file survives a round trip through Encode, so staff can
	// export the seeded content and import it back unchanged.
	var b bytes.Buffer
	if err := Encode(&b, Default()); err != nil {
		t.Fatal(err)
	}
	again := decodeOK(t, b.String())
	if !reflect.DeepEqual(again, Default()) {
		t.Error("Default() does not survive Encode then Decode")
	}
}
