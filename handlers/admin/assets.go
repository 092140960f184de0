package admin

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

// assets holds the templates and the static files, embedded in the binary.
//
//go:embed templates/*.html static/*
var assets embed.FS

// staticPrefix is where the static files are served.
const staticPrefix = "/admin/static/"

// staticHandler serves the stylesheet and icon under /admin/static/. They
// may be cached for a day (the security headers' no-store is replaced).
// Only the names of the embedded files are served: any other path (a
// directory, a traversal, bytes that are no UTF-8) is not found, and never
// reaches the file system code.
func (s *server) staticHandler() http.Handler {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the embedded tree always has it
	}
	entries, err := fs.ReadDir(sub, ".")
	if err != nil {
		panic(err) // likewise
	}
	files := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() {
			files[e.Name()] = true
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, staticPrefix)
		if !ok || !files[name] {
			s.renderError(w, r, http.StatusNotFound, session{}, "お探しのファイルは見つかりませんでした。")
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		http.ServeFileFS(w, r, sub, name)
	})
}
