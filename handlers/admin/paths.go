package admin

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// saneTargets refuses, with 400, a request whose path or query, once
// decoded, is not UTF-8 (such as the overlong %c0%af) or holds control
// characters (NUL above all: PostgreSQL refuses it in text), a path with
// "." or ".." segments once decoded (%2e%2e%2f), and a query that is not
// well encoded. Such a target is never a page's: refusing it
// here keeps it from every handler, store and log.
func (s *server) saneTargets(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !saneText(r.URL.Path, true) || hasDotSegment(r.URL.Path) || !saneQuery(r.URL.RawQuery) {
			s.renderError(w, r, http.StatusBadRequest, session{},
				"このアドレスは受け付けられません。リンクや入力したアドレスをご確認ください。")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// saneQuery reports whether a raw query decodes cleanly to UTF-8 keys and
// values without NUL (a value may hold line breaks and tabs).
func saneQuery(raw string) bool {
	if raw == "" {
		return true
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return false
	}
	for k, vs := range q {
		if !saneText(k, false) {
			return false
		}
		for _, v := range vs {
			if !saneText(v, false) {
				return false
			}
		}
	}
	return true
}

// saneText reports whether s is UTF-8 without NUL; strict also refuses
// every other control character (for paths, which never hold one).
func saneText(s string, strict bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	if !strict {
		return !strings.ContainsRune(s, 0)
	}
	return !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// hasDotSegment reports whether a decoded path has a "." or ".." segment.
func hasDotSegment(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}
