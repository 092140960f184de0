package admin

import (
	"net/http"
	"strings"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/jpinput"
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
	OfferPerson  bool // the answer comes with a 「担当者と話す」 button
	Enabled      bool
	Version      int               // the version the editor started from
	MissID       string            // the unanswered question this entry is made from
	Errors       map[string]string // field → what to fix, in Japanese
}

// formOf fills the form from an entry.
func formOf(f faq.FAQ) faqForm {
	return faqForm{ID: f.ID, Category: f.Category, Question: f.Question,
		Alternatives: strings.Join(f.Alternatives, "\n"), Keywords: strings.Join(f.Keywords, "、"),
		Answer: f.Answer, OfferPerson: f.OfferPerson, Enabled: f.Enabled, Version: f.Version}
}

// parseFAQForm reads the posted editor.
func parseFAQForm(r *http.Request) faqForm {
	return faqForm{
		ID:           formText(r, "id"),
		Category:     formText(r, "category"),
		Question:     formText(r, "question"),
		Alternatives: formText(r, "alternatives"),
		Keywords:     formText(r, "keywords"),
		Answer:       formText(r, "answer"),
		OfferPerson:  r.PostFormValue("offer_person") != "",
		Enabled:      r.PostFormValue("enabled") != "",
		MissID:       r.PostFormValue("miss"),
	}
}

// entry checks the form with faq.Validate and returns the entry it
// describes, changed by this page; ok is false when f.Errors says what to
// fix (the first problem of each field). actor is who changes it.
func (f *faqForm) entry(actor string) (faq.FAQ, bool) {
	f.Errors = map[string]string{}
	e := faq.FAQ{ID: f.ID, Category: f.Category, Question: f.Question, Answer: f.Answer,
		OfferPerson: f.OfferPerson, Enabled: f.Enabled, Version: f.Version, UpdatedBy: actor,
		Alternatives: splitLines(f.Alternatives), Keywords: splitKeywords(f.Keywords)}
	checked := e
	if !f.New {
		checked.ID = "" // an existing entry's id is not edited here
	}
	for _, p := range faq.Validate(checked) {
		if _, said := f.Errors[p.Field]; said {
			continue
		}
		f.Errors[p.Field] = p.Message
		if p.Field == faq.FieldID {
			f.Errors[p.Field] += "空欄にすると自動で付けます。"
		}
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

// formText is a text field of the posted form, trimmed and cleaned of NUL,
// control and bidirectional-override characters (jpinput.CleanText), as
// text from students is: PostgreSQL refuses NUL, and none has a place in
// an FAQ entry.
func formText(r *http.Request, name string) string {
	return strings.TrimSpace(jpinput.CleanText(r.PostFormValue(name)))
}
