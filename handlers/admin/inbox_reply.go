package admin

import (
	"crypto/rand"
	"net/http"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// maxReplyRunes bounds a staff reply (LINE takes 5000 characters a
// message; a reply longer than this is better split).
const maxReplyRunes = 2000

// replyIDShape is the shape of a reply form's idempotency key (rand.Text).
var replyIDShape = regexp.MustCompile(`^[A-Z2-7]{26}$`)

// inboxReply is POST /admin/inbox/{id}/reply: the reply goes to the
// candidate on their channel, marked as from the recruiting team. It is
// handed to the worker as an event of the candidate's, so it is ordered
// with their own messages and sent once (the form's key makes a second
// post of the same form the same event); the engine keeps it in the
// conversation and shows it in the Slack thread. A handoff closed by then
// refuses it, and nothing is sent.
func (s *server) inboxReply(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	h, err := s.handoffOf(ctx, r.PathValue("id"))
	if err != nil {
		s.conversationGone(w, r, sess, err)
		return
	}
	text := formText(r, "text")
	if status, msg := replyProblem(h, text, s.inbox != nil); msg != "" {
		s.renderConversation(w, r, sess, status, msg, text)
		return
	}
	now := s.now()
	ev := worker.Event{ID: "admin-reply:" + replyID(r), ReceivedAt: now.UTC(), Incoming: bot.Incoming{
		Key: h.Key, Kind: bot.KindStaffReply, Text: text, Staff: sess.actor(), Handoff: h.ID, At: now}}
	if _, err := s.inbox.AcceptEvents(ctx, []worker.Event{ev}); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: staff replied in a handoff", "handoff", h.ID)
	redirect(w, r, conversationPath(h.ID)+"?msg=replied")
}

// replyProblem says why a reply cannot be sent (a status and a message
// for staff), or nothing when it can.
func replyProblem(h bot.HandoffView, text string, canSend bool) (int, string) {
	switch n := utf8.RuneCountInString(text); {
	case h.Status != bot.HandoffOpen:
		return http.StatusConflict, "この会話はすでに終了しています。返信は送られていません。"
	case n == 0:
		return http.StatusUnprocessableEntity, "返信を入力してください。"
	case n > maxReplyRunes:
		return http.StatusUnprocessableEntity, "返信は" + strconv.Itoa(maxReplyRunes) + "文字以内で入力してください（いま" +
			strconv.Itoa(n) + "文字です）。"
	case !canSend:
		return http.StatusServiceUnavailable, "この画面からは返信を送れない設定です。Slackのスレッドからご返信ください。"
	}
	return 0, ""
}

// replyID is the reply's idempotency key: the form's, or a new one when
// the form had none.
func replyID(r *http.Request) string {
	if id := r.PostFormValue("reply_id"); replyIDShape.MatchString(id) {
		return id
	}
	return rand.Text()
}

// inboxClose is POST /admin/inbox/{id}/close (対応終了): the engine closes
// the handoff as when it is closed in Slack (the thread shows it, the
// candidate is told the bot is back).
func (s *server) inboxClose(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	h, err := s.handoffOf(ctx, r.PathValue("id"))
	if err != nil {
		s.conversationGone(w, r, sess, err)
		return
	}
	closed, err := s.desk.CloseHandoff(ctx, h.ID, sess.actor())
	if err != nil {
		s.conversationGone(w, r, sess, err)
		return
	}
	if !closed {
		redirect(w, r, conversationPath(h.ID)+"?msg=handoff_over")
		return
	}
	s.log.InfoContext(ctx, "admin: handoff closed", "handoff", h.ID)
	redirect(w, r, "/admin/inbox?msg=handoff_closed")
}

// conversationPath is the address of a handoff's page.
func conversationPath(id int64) string { return "/admin/inbox/" + strconv.FormatInt(id, 10) }
