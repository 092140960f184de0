package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// sourceForm is the source editor's form: the source as typed, with what
// is wrong, field by field (as bot.SourceError names them).
type sourceForm struct {
	New     bool
	ID      int64
	Code    string // shown when editing; never changed (its QR codes are printed)
	Name    string
	Kind    string
	Welcome string
	Errors  map[string]string
}

// sourceEditView is what the source editor shows.
type sourceEditView struct {
	Form        sourceForm
	Kinds       []bot.SourceKind
	MaxName     int
	MaxWelcome  int
	ExampleText string // the LINE text the name makes, as a hint
}

// parseSourceForm reads the posted editor.
func parseSourceForm(r *http.Request) sourceForm {
	return sourceForm{Name: formText(r, "name"), Kind: formText(r, "kind"), Welcome: formText(r, "welcome")}
}

// source returns the source the form describes.
func (f sourceForm) source() bot.Source {
	return bot.Source{ID: f.ID, Name: f.Name, Kind: bot.SourceKind(f.Kind), Welcome: f.Welcome}
}

// sourceNew shows an empty editor.
func (s *server) sourceNew(w http.ResponseWriter, r *http.Request, sess session) {
	if s.sourcesOff(w, r, sess) {
		return
	}
	s.renderSourceEditor(w, r, sess, http.StatusOK, sourceForm{New: true, Kind: string(bot.SourceSession)})
}

// sourceCreate stores a new source through the engine (which gives it a
// code) and goes to its page, with the QR code and links; the editor
// comes back, filled in, with what to fix next to each field.
func (s *server) sourceCreate(w http.ResponseWriter, r *http.Request, sess session) {
	if s.sourcesOff(w, r, sess) {
		return
	}
	form := parseSourceForm(r)
	form.New = true
	src := form.source()
	if !s.saveSource(w, r, sess, &form, &src) {
		return
	}
	s.log.InfoContext(r.Context(), "admin: source created", "source", src.ID)
	redirect(w, r, sourceURL(src.ID)+"?msg=source_created")
}

// sourceEdit shows the editor of a source.
func (s *server) sourceEdit(w http.ResponseWriter, r *http.Request, sess session) {
	src, ok := s.sourceOf(w, r, sess)
	if !ok {
		return
	}
	s.renderSourceEditor(w, r, sess, http.StatusOK, sourceForm{ID: src.ID, Code: src.Code, Name: src.Name,
		Kind: string(src.Kind), Welcome: src.Welcome})
}

// sourceUpdate saves a source's name, kind and welcome message; its code
// stays.
func (s *server) sourceUpdate(w http.ResponseWriter, r *http.Request, sess session) {
	current, ok := s.sourceOf(w, r, sess)
	if !ok {
		return
	}
	form := parseSourceForm(r)
	form.ID, form.Code = current.ID, current.Code
	src := form.source()
	if !s.saveSource(w, r, sess, &form, &src) {
		return
	}
	s.log.InfoContext(r.Context(), "admin: source updated", "source", src.ID)
	redirect(w, r, sourceURL(src.ID)+"?msg=source_saved")
}

// saveSource saves src through the engine; when it is refused, it shows
// the editor again with what to fix (or the error page) and reports false.
func (s *server) saveSource(w http.ResponseWriter, r *http.Request, sess session, form *sourceForm, src *bot.Source) bool {
	err := s.desk.SaveSource(r.Context(), src, sess.actor())
	var invalid *bot.SourceError
	switch {
	case errors.As(err, &invalid):
		form.Errors = invalid.Fields
		if msg, ok := form.Errors["code"]; ok && !form.New {
			// The code of a stored source is not edited here.
			delete(form.Errors, "code")
			form.Errors["name"] = msg
		}
		s.renderSourceEditor(w, r, sess, http.StatusUnprocessableEntity, *form)
		return false
	case err != nil:
		s.sourceGone(w, r, sess, err)
		return false
	}
	return true
}

// renderSourceEditor shows the editor.
func (s *server) renderSourceEditor(w http.ResponseWriter, r *http.Request, sess session, status int, f sourceForm) {
	title := "流入経路を作成"
	if !f.New {
		title = "流入経路を編集"
	}
	v := sourceEditView{Form: f, Kinds: bot.SourceKinds(), MaxName: bot.MaxSourceName, MaxWelcome: bot.MaxSourceWelcome}
	code := f.Code
	if code == "" {
		code = "K0612"
	}
	name := f.Name
	if name == "" {
		name = "北見工業大学 12月説明会"
	}
	v.ExampleText = sourceText(bot.Source{Code: code, Name: name})
	s.render(w, r, status, "source_form", view{Title: title, Nav: "sources", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}

// sourceSetDisabled stops recognising a source's code (disabled=yes) or
// starts again (disabled=no), through the engine.
func (s *server) sourceSetDisabled(w http.ResponseWriter, r *http.Request, sess session) {
	src, ok := s.sourceOf(w, r, sess)
	if !ok {
		return
	}
	var disabled bool
	msg := ""
	switch r.PostFormValue("disabled") {
	case "yes":
		disabled, msg = true, "source_disabled"
	case "no":
		disabled, msg = false, "source_enabled"
	default:
		s.renderError(w, r, http.StatusBadRequest, sess, "この操作は受け付けられません。ページを再読み込みしてから、もう一度お試しください。")
		return
	}
	ctx := r.Context()
	if err := s.desk.SetSourceDisabled(ctx, src.ID, disabled, sess.actor()); err != nil {
		s.sourceGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: source disabled", "source", src.ID, "disabled", disabled)
	redirect(w, r, sourceURL(src.ID)+"?msg="+msg)
}

// sourceOf reads the source of the path's {id}, answering itself (404,
// or 503 when the sources pages are off) when there is none (ok false).
func (s *server) sourceOf(w http.ResponseWriter, r *http.Request, sess session) (bot.Source, bool) {
	if s.sourcesOff(w, r, sess) {
		return bot.Source{}, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.sourceGone(w, r, sess, bot.ErrNotFound)
		return bot.Source{}, false
	}
	src, err := s.sources.SourceByID(r.Context(), id)
	if err != nil {
		s.sourceGone(w, r, sess, err)
		return bot.Source{}, false
	}
	return src, true
}

// sourceGone answers a request about a source that failed: 404 when there
// is no such source, 500 otherwise.
func (s *server) sourceGone(w http.ResponseWriter, r *http.Request, sess session, err error) {
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "この流入経路は見つかりませんでした。")
		return
	}
	s.serverError(w, r, err)
}

// sourceURL is the page of source id.
func sourceURL(id int64) string { return "/admin/sources/" + strconv.FormatInt(id, 10) }
