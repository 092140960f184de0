package admin

import (
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// calendarCard is what the staff calendar feed's card gets: the feed, and
// who is signed in (a 管理者 may rotate its address) with the form's token
// and the page to come back to.
type calendarCard struct {
	Feed calendarFeedView
	Me   *meView
	CSRF string
	Next string
}

func init() {
	funcs["eventTime"] = bot.FormatEventTime
	funcs["interviewText"] = interviewText
	funcs["feedCard"] = func(v view, f calendarFeedView, next string) calendarCard {
		return calendarCard{Feed: f, Me: v.Me, CSRF: v.CSRF, Next: next}
	}
}

// eventAuditText says in plain Japanese what an entry of the events'
// audit trail did.
func eventAuditText(e bot.AuditEntry) string {
	switch e.Action {
	case "created":
		return "イベントを作成（" + e.Detail + "）"
	case "updated":
		return "イベントを編集（" + e.Detail + "）"
	case "state":
		switch bot.EventState(e.Detail) {
		case bot.EventOpen:
			return "イベントの受付を再開"
		case bot.EventClosed:
			return "イベントの受付を終了"
		case bot.EventCancelled:
			return "イベントを中止"
		}
	case "cancel":
		return "予約をキャンセル"
	case "attendance":
		state := e.Detail // "booking 12: attended"
		if _, after, ok := strings.Cut(state, ": "); ok {
			state = after
		}
		return "出欠を「" + bot.BookingState(state).Label() + "」に記録"
	}
	return e.Action + " " + e.Detail
}

// interviewText says in plain Japanese what an interview line of an
// application's history did (from and to: the dates, as the engine wrote
// them); empty for other actions.
func interviewText(action, from, to string) string {
	switch action {
	case "interview_booked":
		return "面談を予約しました（" + to + "）"
	case "interview_rescheduled":
		if from == "" {
			return "面談の日程を変更しました（" + to + "）"
		}
		return "面談の日程を変更しました（" + from + " → " + to + "）"
	case "interview_cancelled":
		if from == "" {
			return "面談の予約をキャンセルしました"
		}
		return "面談の予約をキャンセルしました（" + from + "）"
	}
	return ""
}
