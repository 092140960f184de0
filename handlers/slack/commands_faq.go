package slack

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/slack-go/slack"
)

// maxListed is how many entries /sakebot faq list shows (one block each).
const maxListed = 40

// The action ids of the FAQ buttons.
const (
	actionFAQEdit       = "faq_edit"        // value: the entry's id
	actionFAQDelete     = "faq_delete"      // value: id:version
	actionFAQKeep       = "faq_delete_keep" // the deletion's やめる
	actionMissAdd       = "miss_add"        // value: the miss id
	actionMissDismiss   = "miss_dismiss"    // value: the miss id
	actionHandoffClose  = "handoff_close"   // value: the handoff id
	actionStatusPrefix  = "status:"         // + status; value: the application id
	actionChoicePrefix  = "choice:"         // + index; value: the choice's postback (conversations in DMs)
	msgFAQMissing       = "そのIDのFAQは見つかりません。`/sakebot faq list` で確認してください。"
	msgFAQChanged       = "ほかの人が先にこのFAQを更新しました。内容を確認してから、もう一度操作してください。"
	msgFAQSaveConflict  = "ほかの人が先にこのFAQを更新しました。いったんキャンセルし、開き直してから編集してください。"
	msgFAQSaveNotFound  = "このFAQは削除されています。キャンセルして、必要なら追加し直してください。"
	msgFAQUsageEdit     = "使い方：`/sakebot faq edit ID`（IDは `/sakebot faq list` で確認できます）"
	msgFAQUsageDelete   = "使い方：`/sakebot faq delete ID`（IDは `/sakebot faq list` で確認できます）"
	msgFAQDeleted       = "FAQ `%s` を削除しました。次の質問から使われません。"
	msgFAQDeleteKept    = "削除をやめました。"
	msgFAQAlreadyGone   = "FAQ `%s` はすでに削除されています。"
	msgMissDismissed    = "この質問を一覧から外しました（また聞かれると一覧に戻ります）。"
	msgNoMisses         = "ボットが答えられなかった質問はありません。"
	msgHandoffCloseFail = "この対応はすでに終了しています。"
)

// faqList is /sakebot faq list [WORD]: the entries (matching WORD in any
// text), each with an edit button.
func (a *App) faqList(ctx context.Context, word string) any {
	faqs, err := a.store.ListFAQs(ctx)
	if err != nil {
		a.log.Error("slack: list faqs", "err", err)
		return ephemeral(msgTryAgain)
	}
	var hits []faq.FAQ
	for _, f := range faqs {
		if matchesWord(f, word) {
			hits = append(hits, f)
		}
	}
	title := fmt.Sprintf("FAQ一覧（%d件）", len(hits))
	if word != "" {
		title = fmt.Sprintf("「%s」を含むFAQ（%d件）", clip(word, 40), len(hits))
	}
	blocks := []slack.Block{header(title)}
	for i, f := range hits {
		if i == maxListed {
			blocks = append(blocks, contextBlock(fmt.Sprintf("ほか%d件。`/sakebot faq list 語句` で絞り込めます。", len(hits)-maxListed)))
			break
		}
		text := "`" + escape(f.ID) + "` ［" + mrkdwnText(f.Category, 50) + "］ *" + mrkdwnText(f.Question, 300) + "*\n" + mrkdwnText(f.Answer, 200)
		if !f.Enabled {
			text += "\n_（無効：回答に使われません）_"
		}
		blocks = append(blocks, slack.NewSectionBlock(md(text), nil, slack.NewAccessory(button(actionFAQEdit, f.ID, "編集"))))
	}
	if len(hits) == 0 {
		blocks = append(blocks, section("該当するFAQはありません。`/sakebot faq add` で追加できます。"))
	}
	return ephemeral(title, blocks...)
}

// matchesWord reports whether an entry mentions word (in any width or kana).
func matchesWord(f faq.FAQ, word string) bool {
	word = strings.TrimSpace(word)
	if word == "" {
		return true
	}
	all := strings.Join(append([]string{f.ID, f.Category, f.Question, f.Answer}, f.Alternatives...), "\n")
	return strings.Contains(strings.ToLower(all), strings.ToLower(word)) ||
		strings.Contains(faq.Normalize(all), faq.Normalize(word))
}

// faqEdit is /sakebot faq edit ID: the modal, filled in.
func (a *App) faqEdit(ctx context.Context, triggerID, id string) any {
	f, refused := a.faqOfCommand(ctx, id, msgFAQUsageEdit)
	if refused != nil {
		return refused
	}
	return a.openFAQModal(ctx, triggerID, inputOf(f))
}

// faqOfCommand reads the entry a command names; when there is none (or no
// id), it returns the command's answer instead: usage or a polite note.
func (a *App) faqOfCommand(ctx context.Context, id, usage string) (faq.FAQ, any) {
	id = strings.TrimSpace(id)
	if id == "" {
		return faq.FAQ{}, ephemeral(usage)
	}
	f, err := a.store.FAQ(ctx, id)
	if errors.Is(err, bot.ErrNotFound) {
		return faq.FAQ{}, ephemeral(msgFAQMissing)
	}
	if err != nil {
		a.log.Error("slack: read faq", "err", err)
		return faq.FAQ{}, ephemeral(msgTryAgain)
	}
	return f, nil
}

// openFAQModal opens the FAQ modal for a slash command and returns the
// command's answer: nothing once it is open, or an error.
func (a *App) openFAQModal(ctx context.Context, triggerID string, in faqModalInput) any {
	if err := a.openModal(ctx, triggerID, in); err != nil {
		return ephemeral(msgModalFailed)
	}
	return nil
}

// openModal opens the FAQ modal with a trigger id (valid for 3 seconds).
func (a *App) openModal(ctx context.Context, triggerID string, in faqModalInput) error {
	view, err := faqModal(in)
	if err != nil {
		a.log.Error("slack: the FAQ modal", "faq", in.Entry.ID, "err", err)
		return err
	}
	if _, err := a.api.OpenViewContext(ctx, triggerID, view); err != nil {
		a.log.Warn("slack: cannot open the FAQ modal", "err", err)
		return err
	}
	return nil
}

// faqDelete is /sakebot faq delete ID: the entry and a confirmation.
func (a *App) faqDelete(ctx context.Context, id string) any {
	f, refused := a.faqOfCommand(ctx, id, msgFAQUsageDelete)
	if refused != nil {
		return refused
	}
	text := "このFAQを削除しますか？（ID `" + escape(f.ID) + "`、第" + itoa(f.Version) + "版）\n*質問*：" +
		mrkdwnText(f.Question, 300) + "\n*回答*：" + mrkdwnText(f.Answer, 1200)
	del := button(actionFAQDelete, fmt.Sprintf("%s:%d", f.ID, f.Version), "削除する").WithStyle(slack.StyleDanger).
		WithConfirm(confirm("FAQの削除", "削除すると、ボットはこの質問に答えなくなります。よろしいですか？", "削除する"))
	return ephemeral("FAQ "+f.ID+" を削除しますか？", section(text),
		slack.NewActionBlock("faq_delete", del, button(actionFAQKeep, f.ID, "やめる")))
}
