package admin

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/jpinput"
)

// jst is the time zone staff read times in.
var jst = time.FixedZone("JST", 9*60*60)

// funcs are the helpers templates use.
var funcs = template.FuncMap{
	"staffFields": staffFields,
	"auditText":   auditText,
	"actorOf":     func(n actorNames, actor string) string { return n.label(actor) },
	"datetime":    func(t time.Time) string { return formatTime(t, "2006/01/02 15:04") },
	"date":        func(t time.Time) string { return formatTime(t, "2006/01/02") },
	"statusText":  func(s bot.Status) string { return s.Label() },
	"statuses":    func() []bot.Status { return bot.Statuses },
	"status":      func(s string) bot.Status { return bot.Status(s) },
	"outcome":     outcomeLabel,
	"channel":     bot.Channel.Label,
	"channels":    bot.Channels,
	"actor":       actorLabel,
	"reason":      reasonLabel,
	"handoff":     handoffStatusLabel,
	"phone":       jpinput.FormatPhone,
	"graduation":  bot.GraduationLabel,
	"score":       func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"percent":     percent,
	"lines":       func(l []string) string { return strings.Join(l, "\n") },
	"commas":      func(l []string) string { return strings.Join(l, "、") },
	"add":         func(a, b int) int { return a + b },
	"sub":         func(a, b int) int { return a - b },
	"max":         func(a, b int) int { return max(a, b) },
	"num":         func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
}

// formatTime shows t in Japan, or a dash when it is not set.
func formatTime(t time.Time, layout string) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(jst).Format(layout)
}

// percent is part of whole as a whole percentage, "—" when whole is 0.
func percent(part, whole int) string {
	if whole == 0 {
		return "—"
	}
	return fmt.Sprintf("%d%%", (part*100+whole/2)/whole)
}

// outcomeLabel says what the bot does with a question.
func outcomeLabel(o faq.Outcome) string {
	switch o {
	case faq.Answered:
		return "回答します"
	case faq.Ambiguous:
		return "候補を示して選んでもらいます"
	default:
		return "回答できません（担当者をご案内します）"
	}
}

// actorLabel says who changed an application, without knowing the staff
// accounts (see actorNames for the names).
func actorLabel(actor string) string { return actorNames(nil).label(actor) }

// actorNames names the actors of the audit trails: a staff account's
// actor ("staff:12") and the Slack user id linked to it both name the
// person.
type actorNames map[string]string

// namesOf builds the names of every account.
func namesOf(staff []bot.Staff) actorNames {
	names := actorNames{}
	for _, st := range staff {
		names[st.Actor()] = st.Name
		if st.SlackUserID != "" {
			names[st.SlackUserID] = st.Name
		}
	}
	return names
}

// label says who actor is, for staff.
func (n actorNames) label(actor string) string {
	switch actor {
	case "candidate":
		return "応募者"
	case glassActor:
		return "緊急用パスワード（管理画面）"
	case "cli":
		return "サーバーのコマンド"
	case "seed":
		return "初期データ"
	case "retention":
		return "自動削除（保存期間）"
	case "":
		return "—"
	}
	if _, ok := bot.StaffIDOfActor(actor); ok {
		if name, ok := n[actor]; ok {
			return name + "（管理画面）"
		}
		return "削除されたアカウント（管理画面）"
	}
	if name, ok := n[actor]; ok {
		return name + "（Slack）"
	}
	return "Slack（" + actor + "）"
}

// reasonLabel says why a candidate waits for a person.
func reasonLabel(reason bot.HandoffReason) string {
	switch reason {
	case bot.HandoffAsked:
		return "担当者との会話を希望"
	case bot.HandoffUnanswered:
		return "回答できない質問が続いた"
	}
	return string(reason)
}

// handoffStatusLabel says where a handoff stands.
func handoffStatusLabel(status bot.HandoffStatus) string {
	switch status {
	case bot.HandoffRequested:
		return "対応待ち"
	case bot.HandoffOpen:
		return "対応中"
	case bot.HandoffClosed:
		return "完了"
	}
	return string(status)
}
