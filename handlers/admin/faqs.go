package admin

import (
	"net/http"
	"slices"
	"strings"

	"github.com/sakemodel/sakebot/faq"
)

// faqListView is what the FAQ list shows.
type faqListView struct {
	FAQs       []faq.FAQ // those that match the filter
	All        int       // how many there are in all
	Query      string    // the search words
	Category   string    // the chosen category, empty for all
	Categories []string  // every category, for the filter
	Try        *tryView  // the 「試す」 box's result, if a question was asked
	TryText    string
}

// faqList shows the entries, filtered by search words and category, and
// the 「試す」 box.
func (s *server) faqList(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, q := r.Context(), r.URL.Query()
	faqs, err := s.store.ListFAQs(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := faqListView{All: len(faqs), Query: strings.TrimSpace(q.Get("q")), Category: q.Get("category"),
		Categories: categories(faqs), TryText: q.Get("try")}
	for _, f := range faqs {
		if (v.Category == "" || f.Category == v.Category) && faqMatches(f, v.Query) {
			v.FAQs = append(v.FAQs, f)
		}
	}
	if v.Try, err = s.try(ctx, v.TryText, ""); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "faqs", view{Title: "FAQ", Nav: "faqs", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}

// categories lists the categories in use, sorted.
func categories(faqs []faq.FAQ) []string {
	var cats []string
	for _, f := range faqs {
		if f.Category != "" && !slices.Contains(cats, f.Category) {
			cats = append(cats, f.Category)
		}
	}
	slices.Sort(cats)
	return cats
}

// faqMatches reports whether every search word appears in the entry's id,
// question, alternatives, keywords, answer or category, compared the way
// the bot compares text (width, kana and case folded).
func faqMatches(f faq.FAQ, query string) bool {
	if query == "" {
		return true
	}
	var fields []string
	for _, text := range append(append([]string{f.ID, f.Question, f.Answer, f.Category}, f.Alternatives...), f.Keywords...) {
		fields = append(fields, faq.Normalize(text))
	}
	for _, word := range strings.Fields(query) {
		word = faq.Normalize(word)
		if !slices.ContainsFunc(fields, func(field string) bool { return strings.Contains(field, word) }) {
			return false
		}
	}
	return true
}
