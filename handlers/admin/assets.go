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

// staticHandler serves the stylesheet and icon under /admin/static/. They
// may be cached for a day (the security headers' no-store is replaced).
func staticHandler() http.Handler {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the embedded tree always has it
	}
	files := http.StripPrefix("/admin/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") { // no directory listings
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}
