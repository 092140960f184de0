package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// faqDeleteConfirm asks before deleting an entry, at the version shown.
func (s *server) faqDeleteConfirm(w http.ResponseWriter, r *http.Request, sess session) {
	f, err := s.store.FAQ(r.Context(), r.PathValue("id"))
	if err != nil {
		s.faqGone(w, r, sess, err)
		return
	}
	s.render(w, r, http.StatusOK, "faq_delete", view{Title: "FAQを削除", Nav: "faqs", CSRF: sess.csrf, Data: f})
}

// faqDelete deletes an entry, recorded in the FAQ audit trail as done from
// this page; the bot stops using it at once. When someone changed the entry
// after the confirmation was shown (its posted version), it asks again with
// the entry as it is now; without a version it deletes whatever is stored.
func (s *server) faqDelete(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, id := r.Context(), r.PathValue("id")
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	err := s.store.DeleteFAQ(ctx, id, version, sess.actor())
	if errors.Is(err, bot.ErrConflict) {
		f, err := s.store.FAQ(ctx, id)
		if err != nil {
			s.faqGone(w, r, sess, err)
			return
		}
		s.render(w, r, http.StatusConflict, "faq_delete", view{Title: "FAQを削除", Nav: "faqs", CSRF: sess.csrf,
			Error: "ほかの方が先にこのFAQを更新しました。いまの内容をご確認のうえ、削除する場合はもう一度「削除する」を押してください。", Data: f})
		return
	}
	if err != nil {
		s.faqGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: faq deleted", "faq", id)
	redirect(w, r, "/admin/faqs?msg=deleted")
}

// faqSetEnabled switches an entry on or off, if it is still at the
// version the list showed.
func (s *server) faqSetEnabled(w http.ResponseWriter, r *http.Request, sess session) {
	ctx, id := r.Context(), r.PathValue("id")
	f, err := s.store.FAQ(ctx, id)
	if err != nil {
		s.faqGone(w, r, sess, err)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	f.Enabled = r.PostFormValue("enabled") == "true"
	f.UpdatedBy = sess.actor()
	msg := "disabled"
	if f.Enabled {
		msg = "enabled"
	}
	if version != f.Version {
		msg = "stale"
	} else if err := s.store.UpdateFAQ(ctx, &f); errors.Is(err, bot.ErrConflict) {
		msg = "stale"
	} else if err != nil {
		s.faqGone(w, r, sess, err)
		return
	} else {
		s.log.InfoContext(ctx, "admin: faq switched", "faq", id, "enabled", f.Enabled)
	}
	redirect(w, r, "/admin/faqs?msg="+msg)
}
