package admin

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// faqEditView is what the editor shows.
type faqEditView struct {
	Form       faqForm
	Categories []string // for suggestions
	Try        *tryView // the 「試す」 box's result, if a question was asked
	TryText    string
	Conflict   *faq.FAQ         // the entry as someone else saved it while this one was edited
	History    []bot.AuditEntry // who changed the entry, newest first
	Actors     actorNames
}

// faqNew shows an empty editor, or one holding an unanswered question
// (?miss=ID) as the new entry's question.
func (s *server) faqNew(w http.ResponseWriter, r *http.Request, sess session) {
	form := faqForm{New: true, Enabled: true}
	if id := r.URL.Query().Get("miss"); id != "" {
		m, err := s.findMiss(r.Context(), id)
		if err != nil && !errors.Is(err, bot.ErrNotFound) {
			s.serverError(w, r, err)
			return
		}
		if err == nil {
			form.Question, form.MissID = m.Question, id
		}
	}
	s.renderEditor(w, r, sess, http.StatusOK, faqEditView{Form: form})
}

// faqCreate stores a new entry; the unanswered question it was made from,
// if any, leaves the list.
func (s *server) faqCreate(w http.ResponseWriter, r *http.Request, sess session) {
	form := parseFAQForm(r)
	form.New = true
	e, ok := form.entry(sess.actor())
	if !ok {
		s.renderEditor(w, r, sess, http.StatusUnprocessableEntity, faqEditView{Form: form})
		return
	}
	ctx := r.Context()
	err := s.store.CreateFAQ(ctx, &e)
	if errors.Is(err, bot.ErrConflict) {
		form.Errors["id"] = "このIDはすでに使われています。別のIDを入力するか、空欄にしてください。"
		s.renderEditor(w, r, sess, http.StatusConflict, faqEditView{Form: form})
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: faq created", "faq", e.ID)
	if err := s.dismissMiss(ctx, form.MissID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, editURL(e.ID, "created", e.Question))
}

// faqEdit shows the editor of an entry, with the 「試す」 box.
func (s *server) faqEdit(w http.ResponseWriter, r *http.Request, sess session) {
	f, err := s.store.FAQ(r.Context(), r.PathValue("id"))
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "このFAQは見つかりませんでした。削除された可能性があります。")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderEditor(w, r, sess, http.StatusOK, faqEditView{Form: formOf(f), TryText: r.URL.Query().Get("try")})
}

// faqUpdate saves an edit if nobody else saved the entry since the editor
// was opened; otherwise it shows the newer version beside the edit.
func (s *server) faqUpdate(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, id := r.Context(), r.PathValue("id")
	form := parseFAQForm(r)
	form.ID = id
	form.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	v := faqEditView{Form: form, TryText: r.PostFormValue("try")}
	e, ok := v.Form.entry(sess.actor())
	if !ok {
		s.renderEditor(w, r, sess, http.StatusUnprocessableEntity, v)
		return
	}
	err := s.store.UpdateFAQ(ctx, &e)
	switch {
	case errors.Is(err, bot.ErrConflict):
		current, err := s.store.FAQ(ctx, id)
		if err != nil {
			s.faqGone(w, r, sess, err)
			return
		}
		v.Conflict, v.Form.Version = &current, current.Version
		s.renderEditor(w, r, sess, http.StatusConflict, v)
		return
	case err != nil:
		s.faqGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: faq updated", "faq", id, "version", e.Version)
	redirect(w, r, editURL(id, "saved", v.TryText))
}

// faqGone answers a change to an entry that failed: 404 when the entry was
// deleted, 500 otherwise.
func (s *server) faqGone(w http.ResponseWriter, r *http.Request, sess session, err error) {
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "このFAQはすでに削除されています。")
		return
	}
	s.serverError(w, r, err)
}

// renderEditor shows the editor, with the categories in use and the
// 「試す」 box's result.
func (s *server) renderEditor(w http.ResponseWriter, r *http.Request, sess session, status int, v faqEditView) {
	ctx := r.Context()
	faqs, err := s.store.ListFAQs(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Categories = categories(faqs)
	if !v.Form.New {
		if v.History, v.Actors, err = s.history(ctx, bot.AuditFilter{Kind: bot.AuditFAQ, Subject: v.Form.ID, Limit: 50}); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if v.Try, err = s.try(ctx, v.TryText, v.Form.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	title := "FAQを追加"
	if !v.Form.New {
		title = "FAQを編集"
	}
	s.render(w, r, status, "faq_form", view{Title: title, Nav: "faqs", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}

// editURL is the editor of entry id with a notice and a question for the
// 「試す」 box, so staff see at once what their change does.
func editURL(id, msg, try string) string {
	q := url.Values{"msg": {msg}}
	if try = strings.TrimSpace(try); try != "" {
		q.Set("try", try)
	}
	return "/admin/faqs/" + url.PathEscape(id) + "/edit?" + q.Encode()
}

// dismissMiss takes the unanswered question id (as posted) off the list;
// an empty, malformed or already dismissed one is no error.
func (s *server) dismissMiss(ctx context.Context, id string) error {
	n, err := strconv.ParseInt(id, 10, 64)
	if id == "" || err != nil {
		return nil
	}
	if err := s.store.DismissMiss(ctx, n); err != nil && !errors.Is(err, bot.ErrNotFound) {
		return err
	}
	return nil
}
