package slack

import (
	"context"
	"net/http"
	"strings"

	"github.com/slack-go/slack"
)

// helpText is /sakebot help.
const helpText = "*sakebot の使い方*（FAQ・未回答の操作は採用スタッフのみ）\n" +
	"• `/sakebot faq list [語句]` … FAQの一覧（語句で絞り込み）\n" +
	"• `/sakebot faq add` … FAQを追加\n" +
	"• `/sakebot faq edit ID` … FAQを編集\n" +
	"• `/sakebot faq delete ID` … FAQを削除（確認があります）\n" +
	"• `/sakebot misses` … ボットが答えられなかった質問（多い順）\n" +
	"• `/sakebot events` … 説明会・面談の一覧（`events help` で作成・受付終了・中止の書き方）\n" +
	"• `/sakebot help` … この説明\n" +
	"応募の通知のボタンで選考状況を変えられます。担当者対応のスレッドへの返信は、候補者がお使いのLINEやSlackのDMに届きます（「//」で始めた返信は届きません）。"

// commands is POST /slack/commands: the form decoded, then onCommand.
func (a *App) commands(w http.ResponseWriter, r *http.Request, _ []byte) {
	cmd, err := slack.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "malformed body", http.StatusBadRequest)
		return
	}
	answer(w, a.onCommand(r.Context(), cmd))
}

// onCommand runs /sakebot and its subcommands, each within the 3 seconds
// (a modal is opened before answering), over HTTP or Socket Mode; it
// returns the answer's payload (nil: an empty 200).
func (a *App) onCommand(ctx context.Context, cmd slack.SlashCommand) any {
	args := strings.Fields(cmd.Text)
	sub := ""
	if len(args) > 0 {
		sub = strings.ToLower(args[0])
	}
	if sub == "" || sub == "help" {
		return ephemeral(helpText, section(helpText))
	}
	if !a.isStaff(cmd.UserID) {
		a.log.Info("slack: command refused", "user", cmd.UserID, "command", sub)
		return ephemeral(msgForbidden)
	}
	switch sub {
	case "faq":
		return a.faqCommand(ctx, cmd, args[1:])
	case "misses":
		return a.missesCommand(ctx)
	case "events":
		return a.eventsCommand(ctx, cmd, args[1:])
	}
	return ephemeral("不明なコマンドです。\n"+helpText, section("不明なコマンドです。\n"+helpText))
}

// faqCommand is /sakebot faq …
func (a *App) faqCommand(ctx context.Context, cmd slack.SlashCommand, args []string) any {
	sub, rest := "", ""
	if len(args) > 0 {
		sub, rest = strings.ToLower(args[0]), strings.Join(args[1:], " ")
	}
	switch sub {
	case "list", "ls":
		return a.faqList(ctx, rest)
	case "add", "new":
		return a.openFAQModal(ctx, cmd.TriggerID, faqModalInput{})
	case "edit":
		return a.faqEdit(ctx, cmd.TriggerID, rest)
	case "delete", "rm":
		return a.faqDelete(ctx, rest)
	}
	return ephemeral("使い方：`/sakebot faq list [語句]`、`/sakebot faq add`、`/sakebot faq edit ID`、`/sakebot faq delete ID`")
}
