package webchat

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/sakemodel/sakebot/handlers/clientip"
)

// origins decides which sites may embed the chat and call it.
type origins struct {
	allowed map[string]bool
	list    []string // in configured order, for the CSP
	proxies clientip.Proxies
}

func newOrigins(allowed []string, p clientip.Proxies) origins {
	o := origins{allowed: map[string]bool{}, proxies: p}
	for _, a := range allowed {
		a = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(a)), "/")
		if a != "" && !o.allowed[a] {
			o.allowed[a] = true
			o.list = append(o.list, a)
		}
	}
	return o
}

// own is the origin the request was addressed to.
func (o origins) own(r *http.Request) string {
	scheme := "http"
	if o.proxies.IsHTTPS(r) {
		scheme = "https"
	}
	return scheme + "://" + strings.ToLower(r.Host)
}

// permits reports whether origin (scheme://host[:port]) is the chat's own
// or an allowed embedding site.
func (o origins) permits(r *http.Request, origin string) bool {
	origin = strings.ToLower(origin)
	return origin == o.own(r) || o.allowed[origin]
}

// checkOrigin refuses a request whose Origin header names a site that is
// neither the chat's own nor allowed. A POST must carry one (browsers
// always send it), so a form on another site cannot post as the visitor.
func (o origins) checkOrigin(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" && r.Method == http.MethodGet {
		return true
	}
	if origin == "" || !o.permits(r, origin) {
		writeError(w, http.StatusForbidden, msgForbidden)
		return false
	}
	return true
}

// referrerPermitted reports whether the page that loaded a resource (its
// Referer, when the browser sends one) is the chat's own or allowed.
func (o origins) referrerPermitted(r *http.Request) bool {
	ref := r.Header.Get("Referer")
	if ref == "" {
		return true
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return false
	}
	return o.permits(r, u.Scheme+"://"+u.Host)
}

// csp is the Content-Security-Policy of the chat's pages: everything from
// the chat's own origin only, framed only by itself and the allowed sites.
func (o origins) csp() string {
	ancestors := "'self'"
	for _, a := range o.list {
		ancestors += " " + a
	}
	return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
		"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + ancestors
}
