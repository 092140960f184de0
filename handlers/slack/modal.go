package slack

import (
	"encoding/json"
	"github.com/sakemodel/sakebot/faq"
	"slices"
	"strings"

	"github.com/slack-go/slack"
)

// faqModalID is the callback_id of the FAQ modal.
const faqModalID = "faq_modal"

// The input blocks of the FAQ modal, named as faq.Validate names the
// fields; validation errors are keyed by them.
const (
	blockQuestion     = faq.FieldQuestion
	blockAlternatives = faq.FieldAlternatives
	blockAnswer       = faq.FieldAnswer
	blockCategory     = faq.FieldCategory
	inputAction       = "value"
	maxAlternatives   = 3000 // characters of the alternatives box
)

// modalBlocks lists the input blocks, which an error must be keyed by.
var modalBlocks = []string{blockQuestion, blockAlternatives, blockAnswer, blockCategory}

// faqModalInput is what the FAQ modal starts with: empty for a new entry,
// the entry for an edit, an unanswered question for an entry made from it.
type faqModalInput struct {
	ID           string
	Version      int
	MissID       int64
	Question     string
	Alternatives string // one per line
	Answer       string
	Category     string
}

// modalMeta travels in the modal's private_metadata: which entry, at
// which version, or which unanswered question it is made from.
type modalMeta struct {
	ID      string `json:"id,omitempty"`
	Version int    `json:"v,omitempty"`
	MissID  int64  `json:"miss,omitempty"`
}

// inputOf fills the modal from an entry.
func inputOf(f faq.FAQ) faqModalInput {
	return faqModalInput{ID: f.ID, Version: f.Version, Question: f.Question,
		Alternatives: strings.Join(f.Alternatives, "\n"), Answer: f.Answer, Category: f.Category}
}

// faqModal is the modal that adds or edits an entry.
func faqModal(in faqModalInput) slack.ModalViewRequest {
	title := "FAQを追加"
	var blocks []slack.Block
	if in.ID != "" {
		title = "FAQを編集"
		blocks = append(blocks, contextBlock("ID `"+escape(in.ID)+"`（第"+itoa(in.Version)+"版）を編集します。保存すると、次の質問からすぐに使われます。"))
	} else {
		blocks = append(blocks, contextBlock("保存すると、次の質問からすぐに使われます。"))
	}
	blocks = append(blocks,
		textInput(blockQuestion, "質問", "例：研修はどこで受けますか？", "", in.Question, faq.MaxQuestionLength, false, false),
		textInput(blockAlternatives, "別の言い方（1行に1つ）", "例：研修の場所は？", "学生が聞きそうな言い方を1行に1つずつ書くと、答えられる質問が増えます。",
			in.Alternatives, maxAlternatives, true, true),
		textInput(blockAnswer, "回答", "です・ます調で、1〜4文程度", "", in.Answer, faq.MaxAnswerLength, true, false),
		textInput(blockCategory, "カテゴリ", "例：研修", "", in.Category, faq.MaxCategoryLength, false, false),
	)
	meta, _ := json.Marshal(modalMeta{ID: in.ID, Version: in.Version, MissID: in.MissID})
	return slack.ModalViewRequest{Type: slack.VTModal, CallbackID: faqModalID, PrivateMetadata: string(meta),
		Title: pt(title, maxModalTitle), Submit: pt("保存", maxModalTitle), Close: pt("キャンセル", maxModalTitle),
		Blocks: slack.Blocks{BlockSet: blocks}}
}

// textInput is an input block with a plain text box; the initial value is
// clipped to the box's limit, which Slack enforces on views.open.
func textInput(blockID, label, placeholder, hint, initial string, max int, multiline, optional bool) *slack.InputBlock {
	el := slack.NewPlainTextInputBlockElement(pt(placeholder, 150), inputAction).WithMaxLength(max).WithMultiline(multiline)
	if initial != "" {
		el = el.WithInitialValue(clip(initial, max))
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

// submittedFAQ reads the modal's boxes and checks them with faq.Validate;
// errs, keyed by block id, says what to fix (in Japanese, the first problem
// of each box), as the admin page does.
func submittedFAQ(state *slack.ViewState) (f faq.FAQ, errs map[string]string) {
	value := func(block string) string {
		if state == nil {
			return ""
		}
		return strings.TrimSpace(state.Values[block][inputAction].Value)
	}
	f = faq.FAQ{Question: value(blockQuestion), Answer: value(blockAnswer), Category: value(blockCategory),
		Alternatives: splitLines(value(blockAlternatives)), Enabled: true}
	errs = map[string]string{}
	for _, p := range faq.Validate(f) {
		block := p.Field
		if !slices.Contains(modalBlocks, block) {
			block = blockQuestion // not in the modal (it has none such): shown at the top
		}
		if _, said := errs[block]; !said {
			errs[block] = p.Message
		}
	}
	return f, errs
}

// splitLines returns the non-blank lines of s, trimmed.
func splitLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}
