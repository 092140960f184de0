package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// ruleRow is one automatic message of the list.
type ruleRow struct {
	bot.Rule
	When    string // when it goes, in Japanese
	Segment string // its segment's name; empty: anyone
	Sent    int    // students it was sent to
}

// ruleListView is what the automatic messages list shows.
type ruleListView struct {
	Rows []ruleRow
}

// ruleList shows the automatic messages: when each goes, to whom, its
// quiet hours, whether it is on, and how many students it reached.
func (s *server) ruleList(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	ctx := r.Context()
	rules, err := s.outreachReads.ListRules(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sent, err := s.outreachReads.RuleSentCounts(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	names, _, err := s.segmentNames(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows := make([]ruleRow, 0, len(rules))
	for _, rule := range rules {
		rows = append(rows, ruleRow{Rule: rule, When: ruleWhen(rule), Segment: names[rule.SegmentID], Sent: sent[rule.ID]})
	}
	s.render(w, r, http.StatusOK, "rules", view{Title: "自動メッセージ", Nav: "outreach", CSRF: sess.csrf, Flash: flashOf(r),
		Data: ruleListView{Rows: rows}})
}

// ruleWhen says when a rule sends, e.g. 「応募状況が「内定」になって3日後」.
func ruleWhen(r bot.Rule) string {
	after := "すぐ"
	if r.Days > 0 {
		after = fmt.Sprintf("%d日後", r.Days)
	}
	switch r.Trigger {
	case bot.TriggerStatus:
		return "応募状況が「" + r.Status.Label() + "」になって" + after
	case bot.TriggerAttended:
		kind := "イベント"
		if r.EventKind != "" {
			kind = r.EventKind.Label()
		}
		return kind + "に出席して（終了から）" + after
	case bot.TriggerFollow:
		return "友だち追加から" + after + "（まだ応募していない学生）"
	}
	return r.Trigger.Label()
}

// ruleSetEnabled switches an automatic message on (enabled=yes) or off
// (enabled=no). Switched on, it counts only what happens from then on.
func (s *server) ruleSetEnabled(w http.ResponseWriter, r *http.Request, sess session) {
	rule, ok := s.ruleOf(w, r, sess)
	if !ok {
		return
	}
	var on bool
	msg := ""
	switch r.PostFormValue("enabled") {
	case "yes":
		on, msg = true, "rule_enabled"
	case "no":
		on, msg = false, "rule_disabled"
	default:
		s.renderError(w, r, http.StatusBadRequest, sess, "この操作は受け付けられません。ページを再読み込みしてから、もう一度お試しください。")
		return
	}
	ctx := r.Context()
	if err := s.outreach.SetRuleEnabled(ctx, rule.ID, on, sess.actor()); err != nil {
		s.ruleGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: rule switched", "rule", rule.ID, "enabled", on)
	redirect(w, r, "/admin/rules?msg="+msg)
}

// ruleOf reads the automatic message of the path's {id}, answering itself
// (404, or 503 when the 配信 pages are off) when there is none (ok false).
func (s *server) ruleOf(w http.ResponseWriter, r *http.Request, sess session) (bot.Rule, bool) {
	if s.outreachOff(w, r, sess) {
		return bot.Rule{}, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.ruleGone(w, r, sess, bot.ErrNotFound)
		return bot.Rule{}, false
	}
	rule, err := s.outreachReads.RuleByID(r.Context(), id)
	if err != nil {
		s.ruleGone(w, r, sess, err)
		return bot.Rule{}, false
	}
	return rule, true
}

// ruleGone answers a request about an automatic message that failed: 404
// when there is no such rule, 500 otherwise.
func (s *server) ruleGone(w http.ResponseWriter, r *http.Request, sess session, err error) {
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "この自動メッセージは見つかりませんでした。")
		return
	}
	s.serverError(w, r, err)
}
