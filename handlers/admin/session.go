package admin

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// cookieName is the session cookie; its path is the page's.
const (
	cookieName = "sakebot_admin"
	cookiePath = "/admin/"
)

// session is a logged-in staff member's session.
type session struct {
	tokenHash string    // identifies the session in the store
	csrf      string    // the token its forms carry
	staff     bot.Staff // who signed in; ID 0: the break-glass ADMIN_PASSWORD
}

// glassActor is how the audit trails record the break-glass password.
const glassActor = "admin"

// actor is who acts in this session, as the audit trails record it.
func (sess session) actor() string {
	if sess.staff.ID == 0 {
		return glassActor
	}
	return sess.staff.Actor()
}

// role is what the session may do: the account's role; the break-glass
// password is a 管理者.
func (sess session) role() bot.StaffRole {
	if sess.staff.ID == 0 {
		return bot.RoleAdmin
	}
	return sess.staff.Role
}

// sessionKey is the request context's key of the session (see render).
type sessionKey struct{}

// sessionOf returns the session requireSession put in the request.
func sessionOf(r *http.Request) (session, bool) {
	sess, ok := r.Context().Value(sessionKey{}).(session)
	return sess, ok
}

// pageFunc is a handler that runs inside a session.
type pageFunc func(w http.ResponseWriter, r *http.Request, sess session)

// hashToken is how a session token is stored: its SHA-256, in hex, so the
// database never holds a usable token.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// newSession creates a session of the staff account staffID (0: the
// break-glass password) and returns its token, for the cookie.
func (s *server) newSession(ctx context.Context, staffID int64) (string, error) {
	token, csrf := rand.Text(), rand.Text()
	if err := s.store.CreateAdminSession(ctx, hashToken(token), csrf, staffID, s.now().Add(s.ttl)); err != nil {
		return "", err
	}
	return token, nil
}

// currentSession returns the request's valid session; ok is false when it
// has none (no cookie, unknown, logged out, expired, of a disabled
// account, or of the break-glass password since it was unset).
func (s *server) currentSession(r *http.Request) (sess session, ok bool, err error) {
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return session{}, false, nil
	}
	hash := hashToken(c.Value)
	csrf, staffID, expires, err := s.store.AdminSession(r.Context(), hash)
	if errors.Is(err, bot.ErrNotFound) {
		return session{}, false, nil
	}
	if err != nil {
		return session{}, false, err
	}
	sess = session{tokenHash: hash, csrf: csrf}
	valid := s.now().Before(expires) && (staffID > 0 || s.glass)
	if valid && staffID > 0 {
		if sess.staff, _, err = s.store.StaffByID(r.Context(), staffID); err != nil && !errors.Is(err, bot.ErrNotFound) {
			return session{}, false, err
		}
		valid = err == nil && !sess.staff.Disabled
	}
	if !valid {
		if err := s.store.DeleteAdminSession(r.Context(), hash); err != nil {
			s.log.WarnContext(r.Context(), "admin: delete ended session", "err", err)
		}
		return session{}, false, nil
	}
	return sess, true, nil
}

// requireSession runs h in the request's session. Without one, a browser
// is sent to the login (and back here afterwards); anything else gets 401.
func (s *server) requireSession(h pageFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, ok, err := s.currentSession(r)
		switch {
		case err != nil:
			s.serverError(w, r, err)
		case ok:
			h(w, r.WithContext(context.WithValue(r.Context(), sessionKey{}, sess)), sess)
		case wantsHTML(r):
			to := "/admin/login"
			if r.Method == http.MethodGet && r.URL.Path != "/admin/" {
				to += "?" + url.Values{"next": {r.URL.RequestURI()}}.Encode()
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
		default:
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte("ログインが必要です。\n"))
		}
	})
}

// wantsHTML reports whether the client is a browser navigating to a page.
func wantsHTML(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}

// setSessionCookie gives the browser the session token.
func (s *server) setSessionCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: token, Path: cookiePath, MaxAge: int(s.ttl.Seconds()),
		HttpOnly: true, Secure: s.proxies.IsHTTPS(r), SameSite: http.SameSiteLaxMode,
	})
}

// clearSessionCookie makes the browser forget the session token.
func (s *server) clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: "", Path: cookiePath, MaxAge: -1,
		HttpOnly: true, Secure: s.proxies.IsHTTPS(r), SameSite: http.SameSiteLaxMode,
	})
}

// localNext returns next when it is a path of this page (so a login can
// never redirect elsewhere), "/admin/" otherwise.
func localNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil ||
		!strings.HasPrefix(u.Path, "/admin/") || strings.HasPrefix(next, "//") ||
		strings.ContainsAny(next, "\\\r\n") || strings.HasPrefix(u.Path, "/admin/login") {
		return "/admin/"
	}
	return u.RequestURI()
}
