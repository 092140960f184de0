package admin

import (
	"net/http"

	"github.com/sakemodel/sakebot/internal/password"
)

// accountPage shows who is signed in and, for an account, the form to
// change its password.
func (s *server) accountPage(w http.ResponseWriter, r *http.Request, sess session) {
	s.renderAccount(w, r, sess, http.StatusOK, "")
}

func (s *server) renderAccount(w http.ResponseWriter, r *http.Request, sess session, status int, errMsg string) {
	s.render(w, r, status, "account", view{Title: "あなたのアカウント", Nav: "account", CSRF: sess.csrf, Flash: flashOf(r),
		Error: errMsg, Data: sess.staff})
}

// accountPassword changes the signed-in account's own password after
// checking the current one; the account's other sessions end, this one
// goes on.
func (s *server) accountPassword(w http.ResponseWriter, r *http.Request, sess session) {
	if sess.staff.ID == 0 {
		s.renderAccount(w, r, sess, http.StatusBadRequest, "緊急用パスワードは、サーバーの設定（ADMIN_PASSWORD）で変更してください。")
		return
	}
	_, hash, err := s.store.StaffByID(r.Context(), sess.staff.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !password.Matches(hash, r.PostFormValue("current")) {
		s.renderAccount(w, r, sess, http.StatusUnauthorized, "現在のパスワードが正しくありません。")
		return
	}
	next, err := password.HashCost(r.PostFormValue("password"), s.hashCost)
	if err != nil {
		s.renderAccount(w, r, sess, http.StatusUnprocessableEntity, err.Error())
		return
	}
	if err := s.store.SetStaffPassword(r.Context(), sess.staff.ID, next, sess.tokenHash, sess.actor()); err != nil {
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/account?msg=password_changed", http.StatusSeeOther)
}
