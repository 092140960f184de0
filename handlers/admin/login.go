package admin

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// loginView is what the login page shows.
type loginView struct {
	Next string
}

// loginPage shows the login form, or goes to the dashboard when the
// browser is logged in already.
func (s *server) loginPage(w http.ResponseWriter, r *http.Request) {
	if _, ok, err := s.currentSession(r); err == nil && ok {
		http.Redirect(w, r, localNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, flashOf(r), "")
}

// renderLogin shows the login form with a notice or an error.
func (s *server) renderLogin(w http.ResponseWriter, r *http.Request, status int, flash, errMsg string) {
	next := r.FormValue("next")
	if next != "" {
		next = localNext(next)
	}
	s.render(w, r, status, "login", view{Title: "ログイン", Flash: flash, Error: errMsg,
		Data: loginView{Next: next}})
}

// login checks the password and starts a session. A client that failed
// too often in a row must wait first; its try is not even checked. Every
// try is counted as a failure before the password is compared (a right one
// clears the count), so parallel tries are let through one at a time.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	ctx, client, now := r.Context(), s.clientKey(r), s.now()
	failures, wait, err := s.store.ReserveAdminLogin(ctx, client, now, now.Add(-failureWindow), loginWait)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if wait > 0 {
		secs := int((wait + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		s.renderLogin(w, r, http.StatusTooManyRequests, "", fmt.Sprintf(
			"ログインの失敗が続いたため、しばらく受け付けを止めています。%d秒ほど待ってから、もう一度お試しください。", secs))
		return
	}
	given := sha256.Sum256([]byte(r.PostFormValue("password")))
	if subtle.ConstantTimeCompare(given[:], s.password[:]) != 1 {
		s.log.WarnContext(ctx, "admin: wrong password", "failures_in_a_row", failures)
		s.renderLogin(w, r, http.StatusUnauthorized, "", "パスワードが正しくありません。")
		return
	}
	if err := s.startSession(w, r, client); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: logged in")
	http.Redirect(w, r, localNext(r.PostFormValue("next")), http.StatusSeeOther)
}

// startSession forgets the client's failures, prunes what expired and
// gives the browser a new session.
func (s *server) startSession(w http.ResponseWriter, r *http.Request, client string) error {
	ctx, now := r.Context(), s.now()
	if err := s.store.ClearAdminLoginFailures(ctx, client); err != nil {
		return err
	}
	if err := s.store.PruneAdminSessions(ctx, now, now.Add(-failureWindow)); err != nil {
		return err
	}
	token, err := s.newSession(ctx)
	if err != nil {
		return err
	}
	s.setSessionCookie(w, r, token)
	return nil
}

// logout ends the session everywhere and forgets the cookie.
func (s *server) logout(w http.ResponseWriter, r *http.Request, sess session) {
	if err := s.store.DeleteAdminSession(r.Context(), sess.tokenHash); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.clearSessionCookie(w, r)
	http.Redirect(w, r, "/admin/login?msg=loggedout", http.StatusSeeOther)
}
