package admin

import (
	"bytes"
	"fmt"
	"net/http"
)

// renderFragment writes the template name of the page set page alone,
// without the layout: a part of a page that its script puts in place of
// the one it shows (see static/live.js). Like render, it renders into a
// buffer first.
func (s *server) renderFragment(w http.ResponseWriter, r *http.Request, page, name string, data any) {
	t, ok := s.pages[page]
	if !ok {
		s.serverError(w, r, fmt.Errorf("admin: no page %q", page))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		s.serverError(w, r, fmt.Errorf("admin: render %s of %s: %w", name, page, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	buf.WriteTo(w)
}
