package slack

import (
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// reasonLabels say why a handoff was opened.
var reasonLabels = map[bot.HandoffReason]string{
	bot.HandoffAsked:      "担当者と話したいとの依頼",
	bot.HandoffUnanswered: "ボットが2回続けて答えられず、おつなぎを希望",
}

// handoffBlocks renders the first message of a handoff's thread: who the
// candidate is, what they asked, and (while open) how to answer and the
// 対応終了 button; once closed, who closed it and when.
func handoffBlocks(v bot.HandoffView) []slack.Block {
	name, ref := v.DisplayName, v.ApplicationRef
	if name == "" {
		name = "（不明）"
	}
	if ref == "" {
		ref = "（応募なし）"
	}
	title := "担当者への接続依頼"
	if v.Status == bot.HandoffClosed {
		title = "担当者対応（終了）"
	}
	blocks := []slack.Block{
		header(title),
		fieldsSection("*表示名*\n"+mrkdwnText(name, 200), "*受付番号*\n"+mrkdwnText(ref, 50),
			"*経路*\n"+v.Key.Channel.Label(), "*きっかけ*\n"+reasonLabels[v.Reason],
			"*開始*\n"+bot.FormatJST(v.CreatedAt)),
	}
	if v.Question != "" {
		blocks = append(blocks, section("*最後の質問*\n"+mrkdwnText(v.Question, 1000)))
	}
	if len(v.Recent) > 0 {
		var b strings.Builder
		b.WriteString("*最近の質問*（古い順）")
		for _, q := range v.Recent {
			b.WriteString("\n• " + mrkdwnText(q, 600))
		}
		blocks = append(blocks, section(b.String()))
	}
	if v.Status != bot.HandoffOpen {
		return append(blocks, contextBlock(closedText(v.Handoff)))
	}
	end := button(actionHandoffClose, itoa64(v.ID), "対応終了").WithStyle(slack.StyleDanger).
		WithConfirm(confirm("対応終了", "候補者に、ボットの案内に戻ることを伝えます。よろしいですか？", "終了する"))
	return append(blocks,
		contextBlock("このスレッドに返信すると、候補者に「【採用担当より】」として届きます（「//」で始めた返信は届きません）。"),
		slack.NewActionBlock("handoff_"+itoa64(v.ID), end))
}

// handoffText is the thread's notification text.
func handoffText(v bot.HandoffView) string {
	if v.Status == bot.HandoffClosed {
		return "担当者対応（終了）"
	}
	if strings.TrimSpace(v.DisplayName) == "" {
		return "担当者への接続依頼（" + v.Key.Channel.Label() + "の候補者）"
	}
	return "担当者への接続依頼：" + v.DisplayName + "さん"
}

// closedText says who closed a handoff, and when.
func closedText(h bot.Handoff) string {
	at := bot.FormatJST(h.ClosedAt)
	switch h.ClosedBy {
	case bot.ClosedByCandidate:
		return "候補者がボットの案内に戻りました（" + at + "）。"
	case bot.ClosedByTimeout:
		return "やり取りがしばらくなかったため、終了しました（" + at + "）。"
	}
	return staffWho(h.ClosedBy) + " が対応を終了しました（" + at + "）。候補者には、ボットの案内に戻ったことを伝えました。"
}

// staffWho names a staff member who acted on a handoff: a Slack user as a
// mention, anyone else (an actor of the admin page) as text, saying where.
func staffWho(actor string) string {
	if slackID.MatchString(actor) {
		return mention(actor)
	}
	return "管理画面の " + mrkdwnText(actor, 50)
}

// adminReplyBlocks renders, in the thread, a reply staff wrote on the
// admin page: who wrote it, and that the candidate received it.
func adminReplyBlocks(staff, text string) []slack.Block {
	return []slack.Block{
		section("*管理画面から返信しました*（" + mention(staff) + "）\n" + mrkdwnText(text, maxSectionText-200)),
		contextBlock("候補者に「【採用担当より】」として届けました。"),
	}
}

// adminReplyPlain is the notification text of a reply written on the
// admin page.
func adminReplyPlain(staff, text string) string {
	return "管理画面から返信（" + clip(staff, 50) + "）：" + clip(text, 200)
}

// closedPlain is closedText without markup, for a notification text.
func closedPlain(h bot.Handoff) string {
	if h.ClosedBy == bot.ClosedByCandidate || h.ClosedBy == bot.ClosedByTimeout {
		return closedText(h)
	}
	return "担当者が対応を終了しました（" + bot.FormatJST(h.ClosedAt) + "）。"
}

// relayBlocks renders what the candidate said, in the thread.
func relayBlocks(text string) []slack.Block {
	return []slack.Block{section("*候補者より*\n" + mrkdwnText(text, maxSectionText-20))}
}
