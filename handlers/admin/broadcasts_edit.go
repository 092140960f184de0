package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// broadcastForm is the broadcast editor's form: the draft as typed, with
// what is wrong, field by field (as bot.OutreachError names them).
type broadcastForm struct {
	New       bool
	ID        int64
	Version   int
	Title     string
	Text      string
	Buttons   []string
	SegmentID int64
	Errors    map[string]string
}

// broadcastEditView is what the broadcast editor shows.
type broadcastEditView struct {
	Form     broadcastForm
	Segments []bot.Segment
	MaxTitle int
	MaxText  int
	// Preview is the message as it will be sent, after 「プレビュー」.
	Preview  *bot.Reply
	Conflict *bot.Broadcast // the draft as someone else saved it meanwhile
}

// broadcastFormOf fills the form from a stored broadcast.
func broadcastFormOf(b bot.Broadcast) broadcastForm {
	f := broadcastForm{ID: b.ID, Version: b.Version, Title: b.Title, Text: b.Message.Text, SegmentID: b.SegmentID}
	for _, k := range b.Message.Buttons {
		f.Buttons = append(f.Buttons, string(k))
	}
	return f
}

// parseBroadcastForm reads the posted editor; the text keeps its lines.
func parseBroadcastForm(r *http.Request) broadcastForm {
	f := broadcastForm{Title: formText(r, "title"), Text: r.PostFormValue("text"), Buttons: formList(r, "buttons")}
	f.SegmentID, _ = strconv.ParseInt(r.PostFormValue("segment"), 10, 64)
	f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	return f
}

// broadcast returns the broadcast the form describes.
func (f broadcastForm) broadcast() bot.Broadcast {
	b := bot.Broadcast{ID: f.ID, Version: f.Version, Title: f.Title, SegmentID: f.SegmentID, Message: bot.Announcement{Text: f.Text}}
	for _, k := range f.Buttons {
		b.Message.Buttons = append(b.Message.Buttons, bot.ButtonKind(k))
	}
	return b
}

// broadcastNew shows an empty editor (?segment= chooses its segment).
func (s *server) broadcastNew(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	f := broadcastForm{New: true}
	f.SegmentID, _ = strconv.ParseInt(r.URL.Query().Get("segment"), 10, 64)
	s.renderBroadcastEditor(w, r, sess, http.StatusOK, broadcastEditView{Form: f})
}

// broadcastCreate saves a new draft and goes to its page (preview, cost,
// テスト送信, 送信); 「プレビュー」 shows the message without saving.
func (s *server) broadcastCreate(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	form := parseBroadcastForm(r)
	form.New, form.Version = true, 0
	s.saveBroadcast(w, r, sess, broadcastEditView{Form: form}, "broadcast_created")
}

// broadcastEdit shows the editor of a draft or held broadcast.
func (s *server) broadcastEdit(w http.ResponseWriter, r *http.Request, sess session) {
	b, ok := s.broadcastOf(w, r, sess)
	if !ok {
		return
	}
	if !editable(b) {
		s.broadcastGone(w, r, sess, bot.ErrBroadcastStarted)
		return
	}
	s.renderBroadcastEditor(w, r, sess, http.StatusOK, broadcastEditView{Form: broadcastFormOf(b)})
}

// broadcastUpdate saves an edit of a draft if nobody else saved it since
// the editor was opened; otherwise it shows the newer version above the
// edit, keeping what was typed.
func (s *server) broadcastUpdate(w http.ResponseWriter, r *http.Request, sess session) {
	current, ok := s.broadcastOf(w, r, sess)
	if !ok {
		return
	}
	form := parseBroadcastForm(r)
	form.ID = current.ID
	s.saveBroadcast(w, r, sess, broadcastEditView{Form: form}, "broadcast_saved")
}

// saveBroadcast saves the posted draft (or, for 「プレビュー」, shows it)
// and goes to its page with msg; when it is refused it shows the editor
// again with what to fix, or the newer version beside the edit.
func (s *server) saveBroadcast(w http.ResponseWriter, r *http.Request, sess session, v broadcastEditView, msg string) {
	ctx := r.Context()
	b := v.Form.broadcast()
	if r.PostFormValue("action") == "preview" {
		bot.CleanBroadcast(&b)
		status := http.StatusOK
		var invalid *bot.OutreachError
		if err := bot.ValidateBroadcast(b); errors.As(err, &invalid) {
			v.Form.Errors, status = invalid.Fields, http.StatusUnprocessableEntity
		}
		reply := b.Message.Reply()
		v.Preview = &reply
		s.renderBroadcastEditor(w, r, sess, status, v)
		return
	}
	err := s.outreach.SaveBroadcast(ctx, &b, sess.actor())
	var invalid *bot.OutreachError
	switch {
	case errors.As(err, &invalid):
		v.Form.Errors = invalid.Fields
		s.renderBroadcastEditor(w, r, sess, http.StatusUnprocessableEntity, v)
		return
	case errors.Is(err, bot.ErrConflict):
		latest, err := s.outreachReads.BroadcastByID(ctx, v.Form.ID)
		if err != nil {
			s.broadcastGone(w, r, sess, err)
			return
		}
		if !editable(latest) {
			s.broadcastGone(w, r, sess, bot.ErrBroadcastStarted)
			return
		}
		v.Conflict, v.Form.Version = &latest, latest.Version
		s.renderBroadcastEditor(w, r, sess, http.StatusConflict, v)
		return
	case err != nil:
		s.broadcastGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: broadcast saved", "broadcast", b.ID, "version", b.Version)
	redirect(w, r, broadcastURL(b.ID)+"?msg="+msg)
}

// renderBroadcastEditor shows the editor.
func (s *server) renderBroadcastEditor(w http.ResponseWriter, r *http.Request, sess session, status int, v broadcastEditView) {
	_, segs, err := s.segmentNames(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Segments, v.MaxTitle, v.MaxText = segs, bot.MaxBroadcastTitle, bot.MaxAnnouncementText
	title := "一斉配信を作成"
	if !v.Form.New {
		title = "一斉配信を編集"
	}
	s.render(w, r, status, "broadcast_form", view{Title: title, Nav: "outreach", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}
