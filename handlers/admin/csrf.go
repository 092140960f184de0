package admin

import (
	"crypto/subtle"
	"net/http"
)

// maxFormBytes bounds a posted form; a YAML upload may be larger.
const (
	maxFormBytes   = 256 << 10
	maxUploadBytes = 2 << 20
)

// requireCSRF runs h only when the posted form carries the session's CSRF
// token; otherwise it answers 403 and changes nothing.
func (s *server) requireCSRF(h pageFunc) pageFunc {
	return func(w http.ResponseWriter, r *http.Request, sess session) {
		limit := int64(maxFormBytes)
		if r.URL.Path == "/admin/faqs/import" {
			limit = maxUploadBytes
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		got := r.PostFormValue("csrf")
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(sess.csrf)) != 1 {
			s.log.WarnContext(r.Context(), "admin: refused a post without a valid CSRF token", "path", r.URL.Path)
			s.renderError(w, r, http.StatusForbidden, sess,
				"送信を受け付けられませんでした。ページの有効期限が切れた可能性があります。ページを再読み込みしてから、もう一度お試しください。")
			return
		}
		h(w, r, sess)
	}
}
