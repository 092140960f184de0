package admin

import "net/http"

// contentSecurityPolicy allows the page's own stylesheet and images and
// nothing else: no script at all (but see liveContentSecurityPolicy), no
// frames, forms only to itself.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// liveContentSecurityPolicy is contentSecurityPolicy for the pages that
// keep themselves current (対応中の会話): they also run the page's own
// script file, which may fetch from the page itself. Still no inline
// script, and nothing from elsewhere.
const liveContentSecurityPolicy = contentSecurityPolicy + "; script-src 'self'; connect-src 'self'"

// allowOwnScript lets the response's page run the page's own script
// files (static/live.js); call it before writing the response.
func allowOwnScript(w http.ResponseWriter) {
	w.Header().Set("Content-Security-Policy", liveContentSecurityPolicy)
}

// securityHeaders sets the headers every response of the page carries.
// Pages show personal data, so nothing is cached.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}
