package webchat

import (
	"io/fs"
	"mime"
	"net/http"
	"path"
)

// page serves the chat page (at / and, for the widget's frame,
// /webchat/?embed=1) and gives the browser its visitor cookie.
func (h *Handler) page(w http.ResponseWriter, r *http.Request) {
	body, err := static.ReadFile("static/chat.html")
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	h.visitors.ensure(w, r)
	h.securityHeaders(w)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(body)
}

// asset serves the page's script and style sheet.
func (h *Handler) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if !fs.ValidPath(name) || path.Base(name) != name || name == "chat.html" || name == "widget.js" {
		http.NotFound(w, r)
		return
	}
	body, err := static.ReadFile("static/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	h.securityHeaders(w)
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(body)
}

// widget serves the script that puts the chat on another site's page,
// unless the page that asks for it (its Referer, when sent) is a site
// not allowed to embed the chat. The frame it opens is refused to such a
// site by the browser in any case (frame-ancestors).
func (h *Handler) widget(w http.ResponseWriter, r *http.Request) {
	if !h.origins.referrerPermitted(r) {
		http.Error(w, "this site may not embed the chat (WEBCHAT_ALLOWED_ORIGINS)", http.StatusForbidden)
		return
	}
	body, err := static.ReadFile("static/widget.js")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cross-Origin-Resource-Policy", "cross-origin")
	w.Write(body)
}

// securityHeaders are set on every page and asset of the chat.
func (h *Handler) securityHeaders(w http.ResponseWriter) {
	w.Header().Set("Content-Security-Policy", h.origins.csp())
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
}
