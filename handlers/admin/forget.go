package admin

import (
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// applicationForget deletes the personal data of the candidate behind an
// application, when the confirmation box was ticked (APPI requests).
func (s *server) applicationForget(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.applicationGone(w, r, sess, bot.ErrNotFound)
		return
	}
	app, err := s.store.Application(ctx, id)
	if err != nil {
		s.applicationGone(w, r, sess, err)
		return
	}
	if r.PostFormValue("confirm") != "yes" {
		s.renderApplication(w, r, sess, http.StatusUnprocessableEntity, "削除する場合は、確認のチェックを入れてください。")
		return
	}
	if _, err := s.desk.ForgetCandidate(ctx, app.Key, sess.actor()); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: candidate's personal data deleted", "application", id)
	redirect(w, r, "/admin/applications?msg=forgotten")
}
