package faq_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
)

// validEntry is an entry Validate accepts; each case changes one thing.
func validEntry() faq.FAQ {
	return faq.FAQ{ID: "training-period", Category: "研修", Question: "研修はありますか",
		Alternatives: []string{"研修の期間は？"}, Keywords: []string{"研修"}, Answer: "はい、あります。"}
}

// want is the expected part of a problem: its field, rule, item and a
// piece of its Japanese message.
type want struct {
	field string
	rule  faq.Rule
	item  int
	msg   string
}

func TestValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("あ", n) }
	items := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprint("言い方", i)
		}
		return out
	}
	tests := []struct {
		name   string
		change func(f *faq.FAQ)
		want   []want
	}{
		{"valid", func(f *faq.FAQ) {}, nil},
		{"empty id is assigned later", func(f *faq.FAQ) { f.ID = "" }, nil},
		{"no alternatives or keywords", func(f *faq.FAQ) { f.Alternatives, f.Keywords = nil, nil }, nil},
		{"limits are inclusive", func(f *faq.FAQ) {
			f.ID = strings.Repeat("a", faq.MaxIDLength)
			f.Category, f.Question, f.Answer = long(faq.MaxCategoryLength), long(faq.MaxQuestionLength), long(faq.MaxAnswerLength)
			f.Alternatives, f.Keywords = items(faq.MaxListItems), items(faq.MaxListItems)
			f.Alternatives[0] = long(faq.MaxQuestionLength)
		}, nil},
		{"id uppercase", func(f *faq.FAQ) { f.ID = "Training" }, []want{{faq.FieldID, faq.BadID, 0, "IDは半角の英小文字"}}},
		{"id underscore", func(f *faq.FAQ) { f.ID = "training_period" }, []want{{faq.FieldID, faq.BadID, 0, "ハイフン"}}},
		{"id leading hyphen", func(f *faq.FAQ) { f.ID = "-x" }, []want{{faq.FieldID, faq.BadID, 0, "先頭は英小文字か数字"}}},
		{"id too long", func(f *faq.FAQ) { f.ID = strings.Repeat("a", faq.MaxIDLength+1) }, []want{{faq.FieldID, faq.BadID, 0, "64文字以内"}}},
		{"id japanese", func(f *faq.FAQ) { f.ID = "研修" }, []want{{faq.FieldID, faq.BadID, 0, "IDは"}}},
		{"category empty", func(f *faq.FAQ) { f.Category = "" }, []want{{faq.FieldCategory, faq.Required, 0, "カテゴリを入力してください。"}}},
		{"category too long", func(f *faq.FAQ) { f.Category = long(faq.MaxCategoryLength + 1) },
			[]want{{faq.FieldCategory, faq.TooLong, 0, "カテゴリは50文字以内で入力してください（いまは51文字です）。"}}},
		{"question blank", func(f *faq.FAQ) { f.Question = " \u3000\t" }, []want{{faq.FieldQuestion, faq.Required, 0, "質問を入力してください。"}}},
		{"question too long", func(f *faq.FAQ) { f.Question = long(faq.MaxQuestionLength + 1) },
			[]want{{faq.FieldQuestion, faq.TooLong, 0, "質問は200文字以内"}}},
		{"too many alternatives", func(f *faq.FAQ) { f.Alternatives = items(faq.MaxListItems + 1) },
			[]want{{faq.FieldAlternatives, faq.TooMany, 0, "別の言い方は50件までです（いまは51件です）。"}}},
		{"alternative too long", func(f *faq.FAQ) { f.Alternatives = []string{"ok", long(faq.MaxQuestionLength + 1)} },
			[]want{{faq.FieldAlternatives, faq.TooLong, 2, "別の言い方は1行200文字以内で入力してください（2行目が201文字です）。"}}},
		{"blank alternative", func(f *faq.FAQ) { f.Alternatives = []string{"a", " ", "b"} },
			[]want{{faq.FieldAlternatives, faq.Required, 2, "別の言い方の2行目が空です"}}},
		{"too many keywords", func(f *faq.FAQ) { f.Keywords = items(faq.MaxListItems + 1) },
			[]want{{faq.FieldKeywords, faq.TooMany, 0, "キーワードは50件までです"}}},
		{"keywords have no length limit", func(f *faq.FAQ) { f.Keywords = []string{long(faq.MaxAnswerLength)} }, nil},
		{"blank keyword", func(f *faq.FAQ) { f.Keywords = []string{"a", ""} },
			[]want{{faq.FieldKeywords, faq.Required, 2, "キーワードの2つ目が空です"}}},
		{"answer empty", func(f *faq.FAQ) { f.Answer = "" }, []want{{faq.FieldAnswer, faq.Required, 0, "回答を入力してください。"}}},
		{"answer too long", func(f *faq.FAQ) { f.Answer = long(faq.MaxAnswerLength + 1) },
			[]want{{faq.FieldAnswer, faq.TooLong, 0, "回答は1000文字以内"}}},
		{"every problem, in field order", func(f *faq.FAQ) {
			*f = faq.FAQ{ID: "Bad ID", Alternatives: append(items(faq.MaxListItems), long(faq.MaxQuestionLength+1)),
				Keywords: []string{""}, Answer: long(faq.MaxAnswerLength + 1)}
		}, []want{
			{faq.FieldID, faq.BadID, 0, "IDは"},
			{faq.FieldCategory, faq.Required, 0, "カテゴリを"},
			{faq.FieldQuestion, faq.Required, 0, "質問を"},
			{faq.FieldAlternatives, faq.TooMany, 0, "50件まで"},
			{faq.FieldAlternatives, faq.TooLong, faq.MaxListItems + 1, "51行目"},
			{faq.FieldKeywords, faq.Required, 1, "1つ目が空"},
			{faq.FieldAnswer, faq.TooLong, 0, "1000文字以内"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validEntry()
			tt.change(&f)
			got := faq.Validate(f)
			if len(got) != len(tt.want) {
				t.Fatalf("Validate = %+v; want %d problems", got, len(tt.want))
			}
			for i, w := range tt.want {
				p := got[i]
				if p.Field != w.field || p.Rule != w.rule || p.Item != w.item || !strings.Contains(p.Message, w.msg) {
					t.Errorf("problem %d = %+v; want field %q, rule %d, item %d, message containing %q", i, p, w.field, w.rule, w.item, w.msg)
				}
			}
		})
	}
}

// TestValidateCounts checks the limit and the count a caller reports in
// its own words.
func TestValidateCounts(t *testing.T) {
	f := validEntry()
	f.Question = strings.Repeat("問", faq.MaxQuestionLength+5)
	f.Keywords = make([]string, faq.MaxListItems+2)
	for i := range f.Keywords {
		f.Keywords[i] = "k"
	}
	got := faq.Validate(f)
	if len(got) != 2 || got[0].Limit != faq.MaxQuestionLength || got[0].Count != faq.MaxQuestionLength+5 ||
		got[1].Limit != faq.MaxListItems || got[1].Count != faq.MaxListItems+2 {
		t.Errorf("Validate = %+v", got)
	}
}

// TestValidateMessagesArePolite checks that every message is a polite
// Japanese sentence staff can act on.
func TestValidateMessagesArePolite(t *testing.T) {
	f := faq.FAQ{ID: "X", Category: strings.Repeat("c", 51), Alternatives: []string{"", strings.Repeat("a", 201)},
		Keywords: make([]string, 51)}
	for _, p := range faq.Validate(f) {
		if !strings.HasSuffix(p.Message, "。") || !(strings.Contains(p.Message, "ください") || strings.Contains(p.Message, "です")) {
			t.Errorf("%s: %q is not a polite sentence", p.Field, p.Message)
		}
	}
}
