package admin

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// view is what every page template gets.
type view struct {
	Title string  // the page's title, after which the site's name follows
	Nav   string  // the current section: "dashboard", "faqs", "concepts", "misses", "applications"
	CSRF  string  // the session's CSRF token for the page's forms; empty when logged out
	Flash string  // a notice of what was just done
	Error string  // what went wrong, shown above the content
	Data  any     // the page's own data
	Me    *meView // who is signed in (set by render); nil when logged out
	// Waiting counts the conversations waiting for staff, for the
	// navigation (set by render when logged in).
	Waiting int
}

// pages are the parsed templates, one set per page, by name ("faqs").
type pages map[string]*template.Template

// parsePages parses every page template with the layout and the shared
// partials (files whose names start with "_").
func parsePages() (pages, error) {
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	base := template.New("layout").Funcs(funcs)
	var pageFiles []string
	for _, name := range names {
		file := path.Base(name)
		if file == "layout.html" || strings.HasPrefix(file, "_") {
			if _, err := base.ParseFS(assets, name); err != nil {
				return nil, fmt.Errorf("admin: template %s: %w", file, err)
			}
			continue
		}
		pageFiles = append(pageFiles, name)
	}
	p := pages{}
	for _, name := range pageFiles {
		t, err := base.Clone()
		if err == nil {
			_, err = t.ParseFS(assets, name)
		}
		if err != nil {
			return nil, fmt.Errorf("admin: template %s: %w", name, err)
		}
		p[strings.TrimSuffix(path.Base(name), ".html")] = t
	}
	return p, nil
}

// render writes the page name with status. The page is rendered into a
// buffer first, so a template error never leaves half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	t, ok := s.pages[name]
	if !ok {
		s.serverError(w, r, fmt.Errorf("admin: no page %q", name))
		return
	}
	if sess, ok := sessionOf(r); ok && v.CSRF != "" {
		v.Me = sess.me()
	}
	if v.CSRF != "" {
		v.Waiting = s.waitingCount(r)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		s.serverError(w, r, fmt.Errorf("admin: render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// renderError shows a page that says what went wrong, in the session (with
// the navigation) when there is one.
func (s *server) renderError(w http.ResponseWriter, r *http.Request, status int, sess session, msg string) {
	s.render(w, r, status, "error", view{Title: http.StatusText(status), CSRF: sess.csrf, Error: msg})
}

// serverError logs err and says, politely, that something failed.
func (s *server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "admin: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write([]byte("申し訳ありません。問題が発生しました。時間をおいて、もう一度お試しください。\n"))
}

// notFound is the page for addresses the page does not have.
func (s *server) notFound(w http.ResponseWriter, r *http.Request, sess session) {
	s.renderError(w, r, http.StatusNotFound, sess, "お探しのページは見つかりませんでした。")
}

// flashes are the notices a redirect after a change asks for with ?msg=.
var flashes = map[string]string{
	"loggedout":        "ログアウトしました。",
	"created":          "FAQを追加しました。",
	"saved":            "保存しました。",
	"deleted":          "FAQを削除しました。",
	"enabled":          "FAQを有効にしました。回答に使われます。",
	"disabled":         "FAQを無効にしました。回答には使われません。",
	"stale":            "ほかの方が先に更新していたため、切り替えませんでした。最新の状態をご確認ください。",
	"imported":         "YAMLファイルを取り込みました。",
	"concept_created":  "言い換えを追加しました。ボットはすぐにこの言い換えを使います。",
	"concept_saved":    "言い換えを保存しました。ボットはすぐにこの内容を使います。",
	"concept_deleted":  "言い換えを削除しました。",
	"dismissed":        "質問を一覧から外しました。同じ質問が再び来ると、また表示されます。",
	"attached":         "質問を「別の言い方」として追加しました。",
	"phrased":          "質問を言い回しとして追加し、一覧から外しました。",
	"phrasing-known":   "この質問はすでに言い回しとして登録されていたため、一覧から外しました。",
	"status":           "選考状況を変更しました。",
	"forgotten":        "応募者の個人情報を削除しました。削除の記録（件数のみ）が残ります。",
	"replied":          "返信を受け付けました。まもなく候補者に届き、この会話に表示されます。",
	"handoff_closed":   "対応を終了しました。候補者には、ボットの案内に戻ったことを伝えます。",
	"handoff_over":     "この会話はすでに終了していました。",
	"staff_created":    "アカウントを作成しました。メールアドレスと最初のパスワードをご本人にお伝えください。",
	"staff_saved":      "アカウントを保存しました。",
	"staff_password":   "パスワードを設定しました。そのアカウントのログインはすべて終了しました。",
	"password_changed": "パスワードを変更しました。ほかの端末でのログインは終了しました。",
}

// flashOf is the notice the request's ?msg= asks for, if any.
func flashOf(r *http.Request) string {
	return flashes[r.URL.Query().Get("msg")]
}

// redirect sends the browser to a page after a change (303, so a reload
// does not post again).
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}
