package admin

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// broadcastTest queues the broadcast's message, marked as a test, to the
// staff member's own Slack DM, so they see it as students will; it
// changes nothing else. Without Slack, or without a Slack member id on
// their account, the page says how to make it work.
func (s *server) broadcastTest(w http.ResponseWriter, r *http.Request, sess session) {
	b, ok := s.broadcastOf(w, r, sess)
	if !ok {
		return
	}
	tv := s.testView(sess)
	if !tv.On {
		s.renderBroadcastPage(w, r, sess, http.StatusUnprocessableEntity, b, sendForm{When: "now"}, tv.Why)
		return
	}
	ctx := r.Context()
	to := bot.UserKey{Channel: bot.ChannelSlack, UserID: sess.staff.SlackUserID}
	if err := s.outreach.TestBroadcast(ctx, b.ID, to); err != nil {
		s.broadcastGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: broadcast tested", "broadcast", b.ID)
	redirect(w, r, broadcastURL(b.ID)+"?msg=broadcast_tested")
}

// broadcastSend schedules a draft (or held) broadcast now or at the JST
// time chosen. A time in the quiet hours (21:00–8:00) must be confirmed;
// a broadcast that needs more LINE pushes than the month has left is
// refused, unless a 管理者 ticks 「上限を超えても送信する」.
func (s *server) broadcastSend(w http.ResponseWriter, r *http.Request, sess session) {
	b, ok := s.broadcastOf(w, r, sess)
	if !ok {
		return
	}
	f := sendForm{When: formText(r, "when"), At: formText(r, "send_at"), OverQuota: r.PostFormValue("over_quota") == "1",
		Night: r.PostFormValue("night") == "1", Errors: map[string]string{}}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	var at time.Time
	switch f.When {
	case "now":
	case "at":
		var ok bool
		if at, ok = parseLocal(f.At); !ok {
			f.Errors["send_at"] = "送信日時を「2026/12/10 10:00」のように入力してください。"
		}
	default:
		f.When, f.Errors["when"] = "now", "「今すぐ送信」か「日時を指定して送信」を選んでください。"
	}
	if len(f.Errors) > 0 {
		s.renderBroadcastPage(w, r, sess, http.StatusUnprocessableEntity, b, f, "")
		return
	}
	when := at
	if when.IsZero() {
		when = s.now()
	}
	if bot.DefaultQuietHours.Contains(when) && !f.Night {
		f.NightAt = when.In(jst).Format("2006/01/02 15:04")
		s.renderBroadcastPage(w, r, sess, http.StatusUnprocessableEntity, b, f, "")
		return
	}
	ctx := r.Context()
	req := bot.SendRequest{ID: b.ID, Version: version, At: at, OverQuota: f.OverQuota, Admin: sess.role().CanManageStaff(),
		Actor: sess.actor()}
	err := s.outreach.SendBroadcast(ctx, req, s.sendQuota())
	var invalid *bot.OutreachError
	var quota *bot.QuotaError
	switch {
	case errors.As(err, &invalid):
		f.Errors = invalid.Fields
		s.renderBroadcastPage(w, r, sess, http.StatusUnprocessableEntity, b, f, "")
		return
	case errors.As(err, &quota):
		f.Quota = quota
		s.renderBroadcastPage(w, r, sess, http.StatusUnprocessableEntity, b, f, "")
		return
	case errors.Is(err, bot.ErrConflict):
		latest, err := s.outreachReads.BroadcastByID(ctx, b.ID)
		if err != nil {
			s.broadcastGone(w, r, sess, err)
			return
		}
		s.renderBroadcastPage(w, r, sess, http.StatusConflict, latest, sendForm{When: f.When, At: f.At},
			"この配信は、ページを開いた後にほかの方が変更しました。最新の内容をご確認のうえ、もう一度「送信する」を押してください。")
		return
	case err != nil:
		s.broadcastGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: broadcast scheduled", "broadcast", b.ID, "over_quota", req.OverQuota && req.Admin)
	msg := "broadcast_scheduled"
	if at.IsZero() {
		msg = "broadcast_sending"
	}
	redirect(w, r, broadcastURL(b.ID)+"?msg="+msg)
}

// broadcastCancel cancels a scheduled, held or sending broadcast: it does
// not start, or stops, and its messages still waiting are dropped.
func (s *server) broadcastCancel(w http.ResponseWriter, r *http.Request, sess session) {
	b, ok := s.broadcastOf(w, r, sess)
	if !ok {
		return
	}
	ctx := r.Context()
	dropped, err := s.outreach.CancelBroadcast(ctx, b.ID, sess.actor())
	if err != nil {
		s.broadcastGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: broadcast cancelled", "broadcast", b.ID, "dropped", dropped)
	msg := "broadcast_cancelled"
	if b.State == bot.BroadcastSending {
		msg = "broadcast_cancelled_mid"
	}
	redirect(w, r, broadcastURL(b.ID)+"?msg="+msg)
}
