package slack

import (
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
	"• `/sakebot help` … この説明\n" +
	"応募の通知のボタンで選考状況を変えられます。担当者対応のスレッドへの返信は、候補者のLINEに届きます（「//」で始めた返信は届きません）。"

// commands is POST /slack/commands: /sakebot and its subcommands, each
// answered within the 3 seconds (a modal is opened before answering).
func (a *App) commands(w http.ResponseWriter, r *http.Request, _ []byte) {
	cmd, err := slack.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "malformed body", http.StatusBadRequest)
		return
	}
	args := strings.Fields(cmd.Text)
	sub := ""
	if len(args) > 0 {
		sub = strings.ToLower(args[0])
	}
	if sub == "" || sub == "help" {
		replyEphemeral(w, helpText, section(helpText))
		return
	}
	if !a.isStaff(cmd.UserID) {
		a.log.Info("slack: command refused", "user", cmd.UserID, "command", sub)
		replyEphemeral(w, msgForbidden)
		return
	}
	switch sub {
	case "faq":
		a.faqCommand(w, r, cmd, args[1:])
	case "misses":
		a.missesCommand(w, r)
	default:
		replyEphemeral(w, "不明なコマンドです。\n"+helpText, section("不明なコマンドです。\n"+helpText))
	}
}

// faqCommand is /sakebot faq …
func (a *App) faqCommand(w http.ResponseWriter, r *http.Request, cmd slack.SlashCommand, args []string) {
	sub, rest := "", ""
	if len(args) > 0 {
		sub, rest = strings.ToLower(args[0]), strings.Join(args[1:], " ")
	}
	switch sub {
	case "list", "ls":
		a.faqList(w, r, rest)
	case "add", "new":
		a.openFAQModal(w, r, cmd.TriggerID, faqModalInput{})
	case "edit":
		a.faqEdit(w, r, cmd.TriggerID, rest)
	case "delete", "rm":
		a.faqDelete(w, r, rest)
	default:
		replyEphemeral(w, "使い方：`/sakebot faq list [語句]`、`/sakebot faq add`、`/sakebot faq edit ID`、`/sakebot faq delete ID`")
	}
}
