package faq_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
)

// validConcept is a concept ValidateConcept accepts; each case changes one
// thing.
func validConcept() faq.Concept {
	return faq.Concept{Name: "事務所", Words: []string{"事務所", "職場", "オフィス"}}
}

func TestValidateConcept(t *testing.T) {
	long := func(n int) string { return strings.Repeat("あ", n) }
	words := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprint("言葉", i)
		}
		return out
	}
	tests := []struct {
		name   string
		change func(c *faq.Concept)
		want   []want
	}{
		{"valid", func(c *faq.Concept) {}, nil},
		{"two words are enough", func(c *faq.Concept) { c.Words = []string{"OK", "大丈夫"} }, nil},
		{"limits are inclusive", func(c *faq.Concept) {
			c.Name = long(faq.MaxConceptNameLength)
			c.Words = words(faq.MaxConceptWords)
			c.Words[0] = long(faq.MaxConceptWordLength)
		}, nil},
		{"a word may hold a space", func(c *faq.Concept) { c.Words = append(c.Words, "サテライト オフィス") }, nil},
		{"name empty", func(c *faq.Concept) { c.Name = "" }, []want{{faq.FieldName, faq.Required, 0, "名前を入力してください。"}}},
		{"name blank", func(c *faq.Concept) { c.Name = " \u3000" }, []want{{faq.FieldName, faq.Required, 0, "名前を"}}},
		{"name too long", func(c *faq.Concept) { c.Name = long(faq.MaxConceptNameLength + 1) },
			[]want{{faq.FieldName, faq.TooLong, 0, "名前は50文字以内で入力してください（いまは51文字です）。"}}},
		{"name with NUL", func(c *faq.Concept) { c.Name = "事務\x00所" }, []want{{faq.FieldName, faq.ControlChar, 0, "制御文字"}}},
		{"name with a line break", func(c *faq.Concept) { c.Name = "事務\n所" }, []want{{faq.FieldName, faq.ControlChar, 0, "名前に使えない文字"}}},
		{"no words", func(c *faq.Concept) { c.Words = nil }, []want{{faq.FieldWords, faq.TooFew, 0, "2個以上入力してください（いまは0個です）"}}},
		{"one word", func(c *faq.Concept) { c.Words = []string{"事務所"} }, []want{{faq.FieldWords, faq.TooFew, 0, "いまは1個です"}}},
		{"two words, one blank", func(c *faq.Concept) { c.Words = []string{"事務所", " "} },
			[]want{{faq.FieldWords, faq.Required, 2, "言葉の2行目が空です。"}, {faq.FieldWords, faq.TooFew, 0, "いまは1個です"}}},
		{"the same word twice", func(c *faq.Concept) { c.Words = []string{"職場", " 職場 "} },
			[]want{{faq.FieldWords, faq.Duplicate, 2, "言葉の2行目「職場」は1行目と同じです。"}, {faq.FieldWords, faq.TooFew, 0, "いまは1個です"}}},
		{"a duplicate among enough words", func(c *faq.Concept) { c.Words = append(c.Words, "職場") },
			[]want{{faq.FieldWords, faq.Duplicate, 4, "4行目「職場」は2行目と同じ"}}},
		{"too many words", func(c *faq.Concept) { c.Words = words(faq.MaxConceptWords + 1) },
			[]want{{faq.FieldWords, faq.TooMany, 0, "言葉は30個までです（いまは31個です）。"}}},
		{"word too long", func(c *faq.Concept) { c.Words[1] = long(faq.MaxConceptWordLength + 1) },
			[]want{{faq.FieldWords, faq.TooLong, 2, "言葉は1行30文字以内で入力してください（2行目が31文字です）。"}}},
		{"word with a tab", func(c *faq.Concept) { c.Words[2] = "オフ\tィス" }, []want{{faq.FieldWords, faq.ControlChar, 3, "3行目に使えない文字"}}},
		{"word with DEL", func(c *faq.Concept) { c.Words[0] = "事務所\x7f" }, []want{{faq.FieldWords, faq.ControlChar, 1, "制御文字"}}},
		{"everything wrong, in order", func(c *faq.Concept) { c.Name, c.Words = "", []string{""} },
			[]want{{faq.FieldName, faq.Required, 0, "名前"}, {faq.FieldWords, faq.Required, 1, "1行目が空"}, {faq.FieldWords, faq.TooFew, 0, "いまは0個"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validConcept()
			tt.change(&c)
			got := faq.ValidateConcept(c)
			if len(got) != len(tt.want) {
				t.Fatalf("ValidateConcept = %+v, want %d problems", got, len(tt.want))
			}
			for i, w := range tt.want {
				p := got[i]
				if p.Field != w.field || p.Rule != w.rule || p.Item != w.item || !strings.Contains(p.Message, w.msg) {
					t.Errorf("problem %d = %+v, want %+v", i, p, w)
				}
				if !strings.HasSuffix(p.Message, "。") {
					t.Errorf("problem %d message %q is not a polite sentence", i, p.Message)
				}
			}
		})
	}
}

func TestConceptRulesAreNotEntryRules(t *testing.T) {
	for _, r := range []faq.Rule{faq.TooFew, faq.Duplicate, faq.ControlChar} {
		for _, old := range []faq.Rule{faq.Required, faq.TooLong, faq.TooMany, faq.BadID} {
			if r == old {
				t.Errorf("rule %d is used twice", r)
			}
		}
	}
	if faq.TooFew == faq.Duplicate || faq.Duplicate == faq.ControlChar {
		t.Error("concept rules are not distinct")
	}
}

func TestValidationError(t *testing.T) {
	err := error(&faq.ValidationError{What: "concept 事務所", Problems: faq.ValidateConcept(faq.Concept{Name: "事務所"})})
	var ve *faq.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Rule != faq.TooFew {
		t.Fatalf("errors.As = %+v", ve)
	}
	if msg := err.Error(); !strings.Contains(msg, "concept 事務所") || !strings.Contains(msg, "2個以上") {
		t.Errorf("Error() = %q", msg)
	}
}
