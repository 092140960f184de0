package slack

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/sakemodel/sakebot/faq"
	"github.com/slack-go/slack"
)

// faqModalID is the callback_id of the FAQ modal.
const faqModalID = "faq_modal"

// The input blocks of the FAQ modal, named as faq.Validate names the
// fields; validation errors are keyed by them. The alternatives may take
// several boxes: alternatives, alternatives_2, … (see altBlock).
const (
	blockQuestion     = faq.FieldQuestion
	blockAlternatives = faq.FieldAlternatives
	blockAnswer       = faq.FieldAnswer
	blockCategory     = faq.FieldCategory
	inputAction       = "value"
)

// Slack's limits on a modal, which slack-go does not check: views.open
// refuses a view over them. Texts are measured in UTF-16 units (see units),
// the stricter way.
const (
	maxInputText = 3000 // a plain_text_input's initial_value and max_length
	maxMetadata  = 3000 // a view's private_metadata
)

// msgFieldTooLong replaces a box whose stored text is too long to show
// whole: a clipped text would be saved clipped, so the field is not
// offered and saving keeps it as stored.
const msgFieldTooLong = "この項目は長いため、管理画面で編集してください（ここで保存しても、いまの内容のまま変わりません）。"

// msgOfferPersonKept notes, in the modal of an entry whose answer comes
// with a 「担当者と話す」 button, that the modal keeps it: it is set on the
// admin page.
const msgOfferPersonKept = "この回答には「担当者と話す」ボタンが添えられます。この設定は管理画面で変更できます。ここで保存しても変わりません。"

// faqModalInput is what the FAQ modal starts with: empty for a new entry,
// the entry for an edit, an unanswered question for an entry made from it.
type faqModalInput struct {
	Entry  faq.FAQ // the entry edited (Entry.ID set), or what a new one starts with
	MissID int64   // the unanswered question a new entry is made from
}

// inputOf fills the modal from an entry.
func inputOf(f faq.FAQ) faqModalInput { return faqModalInput{Entry: f} }

// faqModal is the modal that adds or edits an entry. Every box shows its
// text whole or is not there: a field of an entry too long for Slack is a
// note instead, and saving keeps it (modalMeta.Keep). It fails only when
// the view would break one of Slack's limits.
func faqModal(in faqModalInput) (slack.ModalViewRequest, error) {
	f := in.Entry
	m := &modalForm{meta: modalMeta{ID: f.ID, Version: f.Version, MissID: in.MissID}, editing: f.ID != ""}
	title := "FAQを追加"
	intro := "保存すると、次の質問からすぐに使われます。"
	if m.editing {
		title = "FAQを編集"
		intro = "ID `" + escape(f.ID) + "`（第" + itoa(f.Version) + "版）を編集します。" + intro
	}
	m.blocks = append(m.blocks, contextBlock(intro))
	m.text(blockQuestion, "質問", "例：研修はどこで受けますか？", f.Question, faq.MaxQuestionLength, false)
	m.alternatives(f.Alternatives)
	m.text(blockAnswer, "回答", "です・ます調で、1〜4文程度", f.Answer, faq.MaxAnswerLength, true)
	m.text(blockCategory, "カテゴリ", "例：研修", f.Category, faq.MaxCategoryLength, false)
	if m.editing && len(f.Keywords) > 0 {
		m.blocks = append(m.blocks, contextBlock(fmt.Sprintf(
			"キーワード（%d件）は管理画面で編集できます。ここで保存しても変わりません。", len(f.Keywords))))
	}
	if m.editing && f.OfferPerson {
		m.blocks = append(m.blocks, contextBlock(msgOfferPersonKept))
	}
	meta, _ := json.Marshal(m.meta)
	if len(meta) > maxMetadata || len(m.blocks) > maxBlocks {
		return slack.ModalViewRequest{}, errors.New("slack: the FAQ modal is over Slack's limits")
	}
	view := slack.ModalViewRequest{Type: slack.VTModal, CallbackID: faqModalID, PrivateMetadata: string(meta),
		Title: pt(title, maxModalTitle), Close: pt("キャンセル", maxModalTitle), Blocks: slack.Blocks{BlockSet: m.blocks}}
	if m.inputs > 0 {
		view.Submit = pt("保存", maxModalTitle)
	} else {
		view.Close = pt("閉じる", maxModalTitle) // nothing to edit here: only notes
	}
	return view, nil
}

// modalForm gathers the blocks of the FAQ modal and what its
// private_metadata records about them.
type modalForm struct {
	blocks  []slack.Block
	meta    modalMeta
	editing bool
	inputs  int // input blocks so far
}

// input adds an input block.
func (m *modalForm) input(b *slack.InputBlock) {
	m.blocks = append(m.blocks, b)
	m.inputs++
}

// text adds the box of a text field of at most limit characters. A value
// that does not fit a box is not offered: an entry's keeps its stored
// value, a new entry's box starts empty, each with a note saying so.
func (m *modalForm) text(field, label, placeholder, value string, limit int, multiline bool) {
	switch {
	case units(value) <= maxInputText:
		m.input(textInput(field, label, placeholder, "", value, boxLength(limit, value), multiline, false))
	case m.editing:
		m.keep(field, label)
	default:
		m.blocks = append(m.blocks, contextBlock(fmt.Sprintf("%sが長いため、入力欄には入れていません。%d文字以内で入力してください。", label, limit)))
		m.input(textInput(field, label, placeholder, "", "", limit, multiline, false))
	}
}

// keep shows a field as a note instead of a box and records that saving
// keeps its stored value.
func (m *modalForm) keep(field, label string) {
	m.meta.Keep = append(m.meta.Keep, field)
	m.blocks = append(m.blocks, contextBlock("*"+label+"*："+msgFieldTooLong))
}

// boxLength is the max_length of a box for a field of at most limit
// characters that starts with value: the limit, or the value's length when
// a stored value is already longer (shown whole, faq.Validate then asks to
// shorten it), never more than Slack allows.
func boxLength(limit int, value string) int {
	return min(maxInputText, max(limit, units(value)))
}

// textInput is an input block with a plain text box. The initial value
// must be within max and maxInputText: Slack refuses a longer one, and a
// clipped one would be saved clipped.
func textInput(blockID, label, placeholder, hint, initial string, max int, multiline, optional bool) *slack.InputBlock {
	el := slack.NewPlainTextInputBlockElement(pt(placeholder, 150), inputAction).WithMaxLength(max).WithMultiline(multiline)
	if initial != "" {
		el = el.WithInitialValue(initial)
	}
	var h *slack.TextBlockObject
	if hint != "" {
		h = pt(hint, 2000)
	}
	b := slack.NewInputBlock(blockID, pt(label, 2000), h, el)
	b.Optional = optional
	return b
}

// doneModal replaces the modal once the entry is saved.
func doneModal(f faq.FAQ, created bool) *slack.ModalViewRequest {
	what := "更新しました"
	if created {
		what = "追加しました"
	}
	text := "*" + what + "*（ID `" + escape(f.ID) + "`、第" + itoa(f.Version) + "版）\n" +
		"*質問*：" + mrkdwnText(f.Question, 300) + "\n*回答*：" + mrkdwnText(f.Answer, 1200)
	return &slack.ModalViewRequest{Type: slack.VTModal, Title: pt("FAQ", maxModalTitle), Close: pt("閉じる", maxModalTitle),
		Blocks: slack.Blocks{BlockSet: []slack.Block{section(text)}}}
}
