package admin

import (
	"github.com/sakemodel/sakebot/faq"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faqfile"
)

// faqForm is the editor's form: the entry as typed, with what is wrong.
type faqForm struct {
	New          bool   // creating, not editing
	ID           string // empty on a new entry: one is assigned
	Category     string
	Question     string
	Alternatives string // one per line
	Keywords     string // separated by commas, 、 or lines
	Answer       string
	Enabled      bool
	Version      int               // the version the editor started from
	MissID       string            // the unanswered question this entry is made from
	Errors       map[string]string // field → what to fix, in Japanese
}

// idPattern is the shape of an entry id (as in the YAML file).
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// formOf fills the form from an entry.
func formOf(f faq.FAQ) faqForm {
	return faqForm{ID: f.ID, Category: f.Category, Question: f.Question,
		Alternatives: strings.Join(f.Alternatives, "\n"), Keywords: strings.Join(f.Keywords, "、"),
		Answer: f.Answer, Enabled: f.Enabled, Version: f.Version}
}

// parseFAQForm reads the posted editor.
func parseFAQForm(r *http.Request) faqForm {
	return faqForm{
		ID:           strings.TrimSpace(r.PostFormValue("id")),
		Category:     strings.TrimSpace(r.PostFormValue("category")),
		Question:     strings.TrimSpace(r.PostFormValue("question")),
		Alternatives: strings.TrimSpace(r.PostFormValue("alternatives")),
		Keywords:     strings.TrimSpace(r.PostFormValue("keywords")),
		Answer:       strings.TrimSpace(r.PostFormValue("answer")),
		Enabled:      r.PostFormValue("enabled") != "",
		MissID:       r.PostFormValue("miss"),
	}
}

// entry checks the form and returns the entry it describes; ok is false
// when f.Errors says what to fix.
func (f *faqForm) entry() (faq.FAQ, bool) {
	f.Errors = map[string]string{}
	e := faq.FAQ{ID: f.ID, Category: f.Category, Question: f.Question, Answer: f.Answer,
		Enabled: f.Enabled, Version: f.Version, UpdatedBy: "admin",
		Alternatives: splitLines(f.Alternatives), Keywords: splitKeywords(f.Keywords)}
	if f.New && e.ID != "" && !idPattern.MatchString(e.ID) {
		f.Errors["id"] = "IDは半角の英小文字・数字・ハイフンで、64文字以内で入力してください（先頭は英小文字か数字）。空欄にすると自動で付けます。"
	}
	if e.Category == "" {
		f.Errors["category"] = "カテゴリを入力してください。"
	} else if utf8.RuneCountInString(e.Category) > 50 {
		f.Errors["category"] = "カテゴリは50文字以内で入力してください。"
	}
	if e.Question == "" {
		f.Errors["question"] = "質問を入力してください。"
	} else if utf8.RuneCountInString(e.Question) > faqfile.MaxQuestionLength {
		f.Errors["question"] = "質問は200文字以内で入力してください。"
	}
	if len(e.Alternatives) > faqfile.MaxListItems {
		f.Errors["alternatives"] = "別の言い方は50件までです。"
	}
	for _, a := range e.Alternatives {
		if utf8.RuneCountInString(a) > faqfile.MaxQuestionLength {
			f.Errors["alternatives"] = "別の言い方は1行200文字以内で入力してください。"
		}
	}
	if len(e.Keywords) > faqfile.MaxListItems {
		f.Errors["keywords"] = "キーワードは50件までです。"
	}
	if e.Answer == "" {
		f.Errors["answer"] = "回答を入力してください。"
	} else if utf8.RuneCountInString(e.Answer) > faqfile.MaxAnswerLength {
		f.Errors["answer"] = "回答は1000文字以内で入力してください。"
	}
	return e, len(f.Errors) == 0
}

// splitLines returns the non-blank lines of s, trimmed.
func splitLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// splitKeywords returns the keywords of s, separated by commas (ASCII or
// Japanese), 、 or lines.
func splitKeywords(s string) []string {
	var out []string
	for _, k := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '、' || r == '，' || r == '\n' || r == '\r'
	}) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}
