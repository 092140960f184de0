package admin

import (
	"context"
	"crypto/rand"
	"errors"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// conversationView is what the page of one handoff shows: the candidate,
// the conversation since the handoff, and the reply box while it is open.
type conversationView struct {
	Handoff  bot.HandoffView
	Messages []bot.HandoffMessage
	Actors   actorNames // names the staff who wrote
	Open     bool       // staff may still reply
	CanReply bool       // the session's role may reply and close
	Text     string     // the reply being written, kept after an error
	ReplyID  string     // the reply's idempotency key: posting the form twice sends it once
}

// inboxConversation is GET /admin/inbox/{id}: one handoff's conversation,
// kept current by the page's script (conversationLive), with the reply
// box and 対応終了 while it is open.
func (s *server) inboxConversation(w http.ResponseWriter, r *http.Request, sess session) {
	s.renderConversation(w, r, sess, http.StatusOK, "", "")
}

// renderConversation shows a handoff's page with status, an error and the
// reply text to keep, if any.
func (s *server) renderConversation(w http.ResponseWriter, r *http.Request, sess session, status int, errMsg, text string) {
	v, err := s.conversationData(r.Context(), r.PathValue("id"))
	if err != nil {
		s.conversationGone(w, r, sess, err)
		return
	}
	v.CanReply, v.Text, v.ReplyID = sess.role().CanChange(), text, rand.Text()
	allowOwnScript(w)
	s.render(w, r, status, "inbox_conversation", view{Title: conversationTitle(v.Handoff), Nav: "inbox",
		CSRF: sess.csrf, Flash: flashOf(r), Error: errMsg, Data: v})
}

// inboxConversationLive is GET /admin/inbox/{id}/live: the conversation
// alone, as an HTML fragment for the page's script.
func (s *server) inboxConversationLive(w http.ResponseWriter, r *http.Request, sess session) {
	v, err := s.conversationData(r.Context(), r.PathValue("id"))
	if err != nil {
		s.conversationGone(w, r, sess, err)
		return
	}
	s.renderFragment(w, r, "inbox_conversation", "inbox-history", v)
}

// conversationData reads a handoff (by the id in the path) and its
// conversation; bot.ErrNotFound when there is no such handoff.
func (s *server) conversationData(ctx context.Context, rawID string) (conversationView, error) {
	h, err := s.handoffOf(ctx, rawID)
	if err != nil {
		return conversationView{}, err
	}
	v := conversationView{Handoff: h, Open: h.Status == bot.HandoffOpen}
	if v.Messages, err = s.store.HandoffMessages(ctx, h.ID); err != nil {
		return conversationView{}, err
	}
	staff, err := s.store.ListStaff(ctx)
	v.Actors = namesOf(staff)
	return v, err
}

// handoffOf reads the handoff whose id is rawID (from the path);
// bot.ErrNotFound when there is none.
func (s *server) handoffOf(ctx context.Context, rawID string) (bot.HandoffView, error) {
	id, err := strconv.ParseInt(rawID, 10, 64)
	if err != nil {
		return bot.HandoffView{}, bot.ErrNotFound
	}
	return s.store.HandoffView(ctx, id)
}

// conversationTitle names a handoff's page by its candidate.
func conversationTitle(h bot.HandoffView) string {
	if h.DisplayName == "" {
		return "（名前未登録）さんとの会話"
	}
	return h.DisplayName + "さんとの会話"
}

// conversationGone answers for a handoff that does not exist (any more:
// its candidate's data was deleted), or a failure.
func (s *server) conversationGone(w http.ResponseWriter, r *http.Request, sess session, err error) {
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "この会話は見つかりませんでした。候補者の情報が削除された可能性があります。")
		return
	}
	s.serverError(w, r, err)
}

// Announce is what the page's script tells a screen reader when the
// conversation changes.
func (v conversationView) Announce() string {
	switch {
	case !v.Open:
		return "この会話は終了しました。"
	case len(v.Messages) == 0:
		return ""
	}
	who := map[bot.HandoffFrom]string{bot.FromCandidate: "候補者", bot.FromStaff: "担当者", bot.FromBot: "ボット"}
	last := v.Messages[len(v.Messages)-1]
	return "会話が更新されました。最新は" + who[last.From] + "のメッセージです（全" + strconv.Itoa(len(v.Messages)) + "件）。"
}
