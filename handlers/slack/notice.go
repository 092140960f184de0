package slack

import (
	"regexp"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// statusButtons labels the buttons that move an application, as
// recruiters say it.
var statusButtons = map[bot.Status]string{
	bot.StatusScreening: "書類選考中",
	bot.StatusInterview: "面談調整",
	bot.StatusOffer:     "内定",
	bot.StatusDeclined:  "見送り",
}

// noticeBlocks renders an application for recruiters: the answers, when it
// came, where it stands (and who moved it last, when), and the buttons
// that move it.
func noticeBlocks(a bot.Application, last *bot.ApplicationEvent) []slack.Block {
	f := bot.NoticeFields(a) // in the form's order: name, kana, school, department, graduation, email, phone, Kitami, IT, motivation
	field := func(i int) string { return "*" + f[i].Label + "*\n" + mrkdwnText(f[i].Value, maxFieldText-50) }
	name := "*" + f[0].Label + "（" + f[1].Label + "）*\n" + mrkdwnText(f[0].Value, 200) + "（" + mrkdwnText(f[1].Value, 200) + "）"
	state := "状況：*" + a.Status.Label() + "*"
	if last != nil {
		state += "（" + mention(last.Actor) + " が " + bot.FormatJST(last.At) + " に変更）"
	}
	blocks := []slack.Block{
		header("新しい応募 " + a.Ref),
		fieldsSection(name, field(2), field(3), field(4), field(5), field(6), field(7), field(8)),
		section("*" + f[9].Label + "*\n" + longText(f[9].Value, maxMotivationLen)),
		contextBlock("受付："+bot.FormatJST(a.CreatedAt)+"（日本時間）", state),
	}
	buttons := make([]slack.BlockElement, 0, len(bot.StaffStatuses))
	for _, st := range bot.StaffStatuses {
		b := button(actionStatusPrefix+string(st), itoa64(a.ID), statusButtons[st])
		switch {
		case st == a.Status:
			b = b.WithStyle(slack.StylePrimary)
		case st == bot.StatusDeclined:
			b = b.WithStyle(slack.StyleDanger).WithConfirm(confirm("見送り", a.Ref+" を「見送り」にしますか？", "見送りにする"))
		case st == bot.StatusOffer:
			b = b.WithConfirm(confirm("内定", a.Ref+" を「内定」にしますか？", "内定にする"))
		}
		buttons = append(buttons, b)
	}
	return append(blocks, slack.NewActionBlock("status_"+itoa64(a.ID), buttons...))
}

// noticeText is a notice's notification text.
func noticeText(a bot.Application) string {
	return "新しい応募 " + a.Ref + "（" + a.Name + "さん）：" + a.Status.Label()
}

// slackID is the shape of a Slack user id.
var slackID = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)

// mention shows a Slack user id as a mention, anything else as text.
func mention(actor string) string {
	if slackID.MatchString(actor) {
		return "<@" + actor + ">"
	}
	return mrkdwnText(actor, 50)
}

// lastStatusChange is the newest status change of an audit trail, if any.
func lastStatusChange(events []bot.ApplicationEvent) *bot.ApplicationEvent {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Action == "status" {
			return &events[i]
		}
	}
	return nil
}
