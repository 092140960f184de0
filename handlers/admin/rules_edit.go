package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// ruleForm is the automatic message editor's form: the rule as typed,
// with what is wrong, field by field (as bot.OutreachError names them).
type ruleForm struct {
	New        bool
	ID         int64
	Version    int
	Name       string
	Trigger    string
	Status     string
	EventKind  string
	Days       string
	SegmentID  int64
	Text       string
	Buttons    []string
	QuietStart int
	QuietEnd   int
	Enabled    bool
	Errors     map[string]string
}

// ruleEditView is what the automatic message editor shows.
type ruleEditView struct {
	Form     ruleForm
	Triggers []bot.RuleTrigger
	Kinds    []bot.EventKind
	Segments []bot.Segment
	MaxName  int
	MaxDays  int
	MaxText  int
	Preview  *bot.Reply    // the message as it will be sent, after 「プレビュー」
	Conflict *ruleConflict // the rule as someone else saved it meanwhile
}

// ruleConflict is the stored rule shown beside a stale edit.
type ruleConflict struct {
	bot.Rule
	When string
}

// ruleFormOf fills the form from a stored rule.
func ruleFormOf(r bot.Rule) ruleForm {
	f := ruleForm{ID: r.ID, Version: r.Version, Name: r.Name, Trigger: string(r.Trigger), Status: string(r.Status),
		EventKind: string(r.EventKind), Days: strconv.Itoa(r.Days), SegmentID: r.SegmentID, Text: r.Message.Text,
		QuietStart: r.Quiet.Start, QuietEnd: r.Quiet.End, Enabled: r.Enabled}
	for _, k := range r.Message.Buttons {
		f.Buttons = append(f.Buttons, string(k))
	}
	return f
}

// parseRuleForm reads the posted editor; the text keeps its lines.
func parseRuleForm(r *http.Request) ruleForm {
	f := ruleForm{Name: formText(r, "name"), Trigger: formText(r, "trigger"), Status: formText(r, "status"),
		EventKind: formText(r, "event_kind"), Days: formText(r, "days"), Text: r.PostFormValue("text"),
		Buttons: formList(r, "buttons"), Enabled: r.PostFormValue("enabled") == "1", Errors: map[string]string{}}
	f.SegmentID, _ = strconv.ParseInt(r.PostFormValue("segment"), 10, 64)
	f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	var errS, errE error
	f.QuietStart, errS = strconv.Atoi(r.PostFormValue("quiet_start"))
	f.QuietEnd, errE = strconv.Atoi(r.PostFormValue("quiet_end"))
	if errS != nil || errE != nil {
		f.QuietStart, f.QuietEnd = bot.DefaultQuietHours.Start, bot.DefaultQuietHours.End
		f.Errors["quiet"] = "送信しない時間帯は0〜23時から選んでください。"
	}
	return f
}

// rule returns the rule the form describes; f.Errors holds what is no
// number (the rest is bot's to check).
func (f *ruleForm) rule() bot.Rule {
	r := bot.Rule{ID: f.ID, Version: f.Version, Name: f.Name, Trigger: bot.RuleTrigger(f.Trigger), Status: bot.Status(f.Status),
		EventKind: bot.EventKind(f.EventKind), SegmentID: f.SegmentID, Message: bot.Announcement{Text: f.Text},
		Enabled: f.Enabled, Quiet: bot.QuietHours{Start: f.QuietStart, End: f.QuietEnd}}
	for _, k := range f.Buttons {
		r.Message.Buttons = append(r.Message.Buttons, bot.ButtonKind(k))
	}
	days, ok := formNumber(f.Days)
	if !ok || f.Days == "" {
		f.Errors["days"] = "日数を半角の数字で入力してください（0なら当日）。"
	}
	r.Days = days
	return r
}

// addErrors adds what bot says to fix, keeping the form's own message of
// a field when there is one.
func (f *ruleForm) addErrors(e *bot.OutreachError) {
	for field, msg := range e.Fields {
		if _, said := f.Errors[field]; !said {
			f.Errors[field] = msg
		}
	}
}

// ruleNew shows an empty editor: off, with the default quiet hours.
func (s *server) ruleNew(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	f := ruleForm{New: true, Trigger: string(bot.TriggerStatus), Days: "3",
		QuietStart: bot.DefaultQuietHours.Start, QuietEnd: bot.DefaultQuietHours.End}
	s.renderRuleEditor(w, r, sess, http.StatusOK, ruleEditView{Form: f})
}

// ruleCreate stores a new automatic message and goes back to the list;
// 「プレビュー」 shows the message without saving.
func (s *server) ruleCreate(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	form := parseRuleForm(r)
	form.New, form.Version = true, 0
	s.saveRule(w, r, sess, ruleEditView{Form: form}, "rule_created")
}

// ruleEdit shows the editor of an automatic message.
func (s *server) ruleEdit(w http.ResponseWriter, r *http.Request, sess session) {
	rule, ok := s.ruleOf(w, r, sess)
	if !ok {
		return
	}
	s.renderRuleEditor(w, r, sess, http.StatusOK, ruleEditView{Form: ruleFormOf(rule)})
}

// ruleUpdate saves an edit if nobody else saved the rule since the editor
// was opened; otherwise it shows the newer version above the edit,
// keeping what was typed.
func (s *server) ruleUpdate(w http.ResponseWriter, r *http.Request, sess session) {
	current, ok := s.ruleOf(w, r, sess)
	if !ok {
		return
	}
	form := parseRuleForm(r)
	form.ID = current.ID
	s.saveRule(w, r, sess, ruleEditView{Form: form}, "rule_saved")
}

// saveRule saves the posted rule (or, for 「プレビュー」, shows its
// message) and goes to the list with msg; when it is refused it shows the
// editor again with what to fix, or the newer version beside the edit.
func (s *server) saveRule(w http.ResponseWriter, r *http.Request, sess session, v ruleEditView, msg string) {
	ctx := r.Context()
	rule := v.Form.rule()
	var invalid *bot.OutreachError
	if r.PostFormValue("action") == "preview" {
		bot.CleanRule(&rule)
		if err := bot.ValidateRule(rule); errors.As(err, &invalid) {
			v.Form.addErrors(invalid)
		}
		reply := rule.Message.Reply()
		v.Preview = &reply
		status := http.StatusOK
		if len(v.Form.Errors) > 0 {
			status = http.StatusUnprocessableEntity
		}
		s.renderRuleEditor(w, r, sess, status, v)
		return
	}
	if len(v.Form.Errors) > 0 {
		s.renderRuleEditor(w, r, sess, http.StatusUnprocessableEntity, v)
		return
	}
	err := s.outreach.SaveRule(ctx, &rule, sess.actor())
	switch {
	case errors.As(err, &invalid):
		v.Form.addErrors(invalid)
		s.renderRuleEditor(w, r, sess, http.StatusUnprocessableEntity, v)
		return
	case errors.Is(err, bot.ErrConflict):
		latest, err := s.outreachReads.RuleByID(ctx, v.Form.ID)
		if err != nil {
			s.ruleGone(w, r, sess, err)
			return
		}
		v.Conflict, v.Form.Version = &ruleConflict{Rule: latest, When: ruleWhen(latest)}, latest.Version
		s.renderRuleEditor(w, r, sess, http.StatusConflict, v)
		return
	case err != nil:
		s.ruleGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: rule saved", "rule", rule.ID, "version", rule.Version, "enabled", rule.Enabled)
	redirect(w, r, "/admin/rules?msg="+msg)
}

// renderRuleEditor shows the editor.
func (s *server) renderRuleEditor(w http.ResponseWriter, r *http.Request, sess session, status int, v ruleEditView) {
	_, segs, err := s.segmentNames(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Segments, v.Triggers = segs, bot.RuleTriggers()
	v.Kinds = []bot.EventKind{bot.EventSession, bot.EventInterview}
	v.MaxName, v.MaxDays, v.MaxText = bot.MaxRuleName, bot.MaxRuleDays, bot.MaxAnnouncementText
	title := "自動メッセージを作成"
	if !v.Form.New {
		title = "自動メッセージを編集"
	}
	s.render(w, r, status, "rule_form", view{Title: title, Nav: "outreach", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}
