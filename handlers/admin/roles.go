package admin

import (
	"net/http"

	"github.com/sakemodel/sakebot/bot"
)

// requireRole runs h only when the session's role may (can), refusing
// with 403 otherwise: a 閲覧 account changes nothing, and only a 管理者
// manages accounts. Every route that changes something goes through it
// (see routes).
func (s *server) requireRole(can func(bot.StaffRole) bool, h pageFunc) pageFunc {
	return func(w http.ResponseWriter, r *http.Request, sess session) {
		if !can(sess.role()) {
			s.log.WarnContext(r.Context(), "admin: refused an action the role may not take", "path", r.URL.Path, "role", string(sess.role()))
			s.renderError(w, r, http.StatusForbidden, sess, "この操作の権限がありません（"+sess.role().Label()+"のアカウントです）。必要な場合は管理者にご相談ください。")
			return
		}
		h(w, r, sess)
	}
}

// meView is who is signed in, for the page's header.
type meView struct {
	Name      string
	Role      string
	Glass     bool // signed in with the break-glass password
	CanChange bool
	CanManage bool
}

// me describes the session's staff member.
func (sess session) me() *meView {
	m := &meView{Name: sess.staff.Name, Role: sess.role().Label(), Glass: sess.staff.ID == 0,
		CanChange: sess.role().CanChange(), CanManage: sess.role().CanManageStaff()}
	if m.Glass {
		m.Name = "緊急用パスワード"
	}
	return m
}
