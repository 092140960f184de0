package admin

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// The concepts page (言い換え（同義語）): groups of words that mean the same
// thing to a student, which the bot takes for one another when it looks
// for the FAQ entry that answers a question. A concept is named by its
// name, which is not edited once made (as an entry's id); the name travels
// in the query (?name=) and in the forms, never in the path, so any name
// staff type is safe to link to.

// conceptTitle is the page's title.
const conceptTitle = "言い換え（同義語）"

// conceptListView is what the concepts page shows.
type conceptListView struct {
	Concepts []faq.Concept
	Shared   []sharedWord // words in more than one concept
}

// sharedWord is a word listed in two concepts: the bot counts it in the
// first only (in the order of the list).
type sharedWord struct {
	Word   string
	First  string // the concept the bot counts it in
	Second string // the concept where it is ignored
}

// conceptForm is the concept editor's form: the concept as typed, with
// what is wrong.
type conceptForm struct {
	New    bool   // creating, not editing
	Name   string // fixed once created
	Words  string // one per line
	Errors map[string]string
}

// conceptList shows every concept, and the words that are in two.
func (s *server) conceptList(w http.ResponseWriter, r *http.Request, sess session) {
	concepts, err := s.store.ListConcepts(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := conceptListView{Concepts: concepts, Shared: sharedWords(concepts)}
	s.render(w, r, http.StatusOK, "concepts", view{Title: conceptTitle, Nav: "concepts", CSRF: sess.csrf,
		Flash: flashOf(r), Data: v})
}

// sharedWords lists the words that more than one concept has, each once,
// with the first concept (in list order) that has it.
func sharedWords(concepts []faq.Concept) []sharedWord {
	first := map[string]string{}
	var shared []sharedWord
	for _, c := range concepts {
		for _, w := range c.Words {
			if f, ok := first[w]; ok && f != c.Name {
				shared = append(shared, sharedWord{Word: w, First: f, Second: c.Name})
				continue
			}
			first[w] = c.Name
		}
	}
	return shared
}

// conceptNew shows an empty editor.
func (s *server) conceptNew(w http.ResponseWriter, r *http.Request, sess session) {
	s.renderConceptForm(w, r, sess, http.StatusOK, conceptForm{New: true})
}

// conceptEdit shows the editor of the concept ?name=.
func (s *server) conceptEdit(w http.ResponseWriter, r *http.Request, sess session) {
	c, ok := s.findConcept(w, r, sess, r.URL.Query().Get("name"))
	if !ok {
		return
	}
	s.renderConceptForm(w, r, sess, http.StatusOK, conceptForm{Name: c.Name, Words: strings.Join(c.Words, "\n")})
}

// findConcept returns the concept named name, or answers 404 (or 500) and
// reports false.
func (s *server) findConcept(w http.ResponseWriter, r *http.Request, sess session, name string) (faq.Concept, bool) {
	concepts, err := s.store.ListConcepts(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return faq.Concept{}, false
	}
	if i := slices.IndexFunc(concepts, func(c faq.Concept) bool { return c.Name == name }); i >= 0 {
		return concepts[i], true
	}
	s.renderError(w, r, http.StatusNotFound, sess, "この言い換えは見つかりませんでした。削除された可能性があります。")
	return faq.Concept{}, false
}

// conceptSave creates a concept (the form has no "original") or replaces
// the words of the one it names, after faq.ValidateConcept; a new concept
// may not take the name of another.
func (s *server) conceptSave(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	form := conceptForm{Name: formText(r, "name"), Words: formText(r, "words")}
	if original := formText(r, "original"); original != "" {
		form.Name = original // the name is not edited
	} else {
		form.New = true
	}
	c := faq.Concept{Name: form.Name, Words: splitKeywords(form.Words)}
	form.Errors = conceptErrors(faq.ValidateConcept(c))
	if len(form.Errors) > 0 {
		s.renderConceptForm(w, r, sess, http.StatusUnprocessableEntity, form)
		return
	}
	if form.New {
		concepts, err := s.store.ListConcepts(ctx)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if slices.ContainsFunc(concepts, func(o faq.Concept) bool { return o.Name == c.Name }) {
			form.Errors[faq.FieldName] = "この名前の言い換えはすでにあります。別の名前にするか、一覧からその言い換えを編集してください。"
			s.renderConceptForm(w, r, sess, http.StatusConflict, form)
			return
		}
	}
	err := s.store.SaveConcept(ctx, c, sess.actor())
	var invalid *faq.ValidationError
	if errors.As(err, &invalid) {
		form.Errors = conceptErrors(invalid.Problems)
		s.renderConceptForm(w, r, sess, http.StatusUnprocessableEntity, form)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: concept saved", "concept", c.Name, "created", form.New)
	msg := "concept_saved"
	if form.New {
		msg = "concept_created"
	}
	redirect(w, r, "/admin/concepts?msg="+msg)
}

// conceptErrors says what to fix, by field: the first problem of each.
func conceptErrors(ps []faq.Problem) map[string]string {
	errs := map[string]string{}
	for _, p := range ps {
		if _, said := errs[p.Field]; !said {
			errs[p.Field] = p.Message
		}
	}
	return errs
}

// renderConceptForm shows the concept editor.
func (s *server) renderConceptForm(w http.ResponseWriter, r *http.Request, sess session, status int, form conceptForm) {
	title := "言い換えを追加"
	if !form.New {
		title = "言い換えを編集"
	}
	s.render(w, r, status, "concept_form", view{Title: title, Nav: "concepts", CSRF: sess.csrf, Data: form})
}

// conceptDeleteConfirm asks before deleting the concept ?name=.
func (s *server) conceptDeleteConfirm(w http.ResponseWriter, r *http.Request, sess session) {
	c, ok := s.findConcept(w, r, sess, r.URL.Query().Get("name"))
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "concept_delete", view{Title: "言い換えを削除", Nav: "concepts", CSRF: sess.csrf, Data: c})
}

// conceptDelete deletes the concept the form names, recorded in the FAQ
// audit trail as done from this page; the bot stops using it at once.
func (s *server) conceptDelete(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, name := r.Context(), formText(r, "name")
	err := s.store.DeleteConcept(ctx, name, sess.actor())
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "この言い換えはすでに削除されています。")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: concept deleted", "concept", name)
	redirect(w, r, "/admin/concepts?msg=concept_deleted")
}
