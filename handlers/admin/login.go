package admin

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/internal/password"
)

// loginView is what the login page shows.
type loginView struct {
	Next  string
	Email string
	Glass bool // the break-glass ADMIN_PASSWORD is set
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
		Data: loginView{Next: next, Email: strings.TrimSpace(r.PostFormValue("email")), Glass: s.glass}})
}

// login checks the e-mail and password and starts a session: of the
// staff account, or, with the e-mail left empty, of the break-glass
// password when one is set. The client's address and the account named
// are slowed down separately after failures in a row (so neither many
// addresses against one account nor one address against many accounts
// get far); a try that must wait is not even checked. Every try is
// counted as a failure before the password is compared (a right one
// clears the counts), so parallel tries are let through one at a time.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	ctx := r.Context()
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	keys := []string{s.clientKey(r)}
	if email != "" { // the break-glass password slows down per address only, as before accounts
		keys = append(keys, accountKey(email))
	}
	wait, err := s.reserveLogin(ctx, keys)
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
	staffID, ok, err := s.checkLogin(ctx, email, r.PostFormValue("password"))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !ok {
		s.log.WarnContext(ctx, "admin: wrong e-mail or password")
		s.renderLogin(w, r, http.StatusUnauthorized, "", "メールアドレスまたはパスワードが正しくありません。")
		return
	}
	if err := s.startSession(w, r, keys, staffID); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: logged in", "staff", staffID)
	http.Redirect(w, r, localNext(r.PostFormValue("next")), http.StatusSeeOther)
}

// reserveLogin counts a try against each key and returns the longest wait
// any of them must still sit out.
func (s *server) reserveLogin(ctx context.Context, keys []string) (time.Duration, error) {
	now := s.now()
	var longest time.Duration
	for _, k := range keys {
		_, wait, err := s.store.ReserveAdminLogin(ctx, k, now, now.Add(-failureWindow), loginWait)
		if err != nil {
			return 0, err
		}
		longest = max(longest, wait)
	}
	return longest, nil
}

// checkLogin reports whether the password is right for the account of
// email (its id) or, with email empty, the break-glass password (id 0). A
// disabled or unknown account costs as much time as a known one.
func (s *server) checkLogin(ctx context.Context, email, pw string) (int64, bool, error) {
	if email == "" {
		given := sha256.Sum256([]byte(pw))
		return 0, s.glass && subtle.ConstantTimeCompare(given[:], s.password[:]) == 1, nil
	}
	st, hash, err := s.store.StaffByEmail(ctx, email)
	if errors.Is(err, bot.ErrNotFound) {
		password.Waste(pw)
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	if !password.Matches(hash, pw) || st.Disabled {
		return 0, false, nil
	}
	return st.ID, true, nil
}

// accountKey identifies the account tried for the slow-down, by a hash of
// its e-mail (the database keeps failed e-mails only as hashes).
func accountKey(email string) string {
	sum := sha256.Sum256([]byte("sakebot-admin-account:" + email))
	return hex.EncodeToString(sum[:16])
}

// startSession forgets the failures of keys, prunes what expired and
// gives the browser a new session of staffID.
func (s *server) startSession(w http.ResponseWriter, r *http.Request, keys []string, staffID int64) error {
	ctx, now := r.Context(), s.now()
	for _, k := range keys {
		if err := s.store.ClearAdminLoginFailures(ctx, k); err != nil {
			return err
		}
	}
	if err := s.store.PruneAdminSessions(ctx, now, now.Add(-failureWindow)); err != nil {
		return err
	}
	token, err := s.newSession(ctx, staffID)
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
