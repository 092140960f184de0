package slack

import (
	"strings"
	"unicode/utf16"

	"github.com/slack-go/slack"
)

// Block Kit's limits, which slack-go does not check: a message or view
// over them is refused as invalid_blocks.
const (
	maxBlocks        = 50   // blocks in a message, a modal or an ephemeral response
	maxSectionText   = 3000 // characters of a section's text
	maxFieldText     = 2000 // characters of one section field
	maxFields        = 10   // fields of one section
	maxHeaderText    = 150  // characters of a header
	maxButtonText    = 75   // characters on a button
	maxContextItems  = 10   // elements of a context block
	maxFallbackText  = 3000 // the message's notification text (Slack allows more; keep it short)
	maxModalTitle    = 24   // characters of a modal's title
	maxActionValue   = 2000 // characters of a button's value
	maxMotivationLen = 2500 // the motivation shown in a notice, leaving room in its section
)

// escape makes user-typed text safe in mrkdwn: &, < and > are control
// characters there (<!channel>, <@U…>, links), so a candidate cannot ping
// a channel or disguise a link.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// units is the length of s the stricter way Slack may count it: in UTF-16
// code units, where an emoji outside the Basic Multilingual Plane counts
// two. Every limit here is measured so, so a text of many emoji still fits.
func units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// prefix is the longest prefix of s of at most n units.
func prefix(s string, n int) string {
	u := 0
	for i, r := range s {
		if u += utf16.RuneLen(r); u > n {
			return s[:i]
		}
	}
	return s
}

// clip shortens s to at most n units, marking a cut with "…".
func clip(s string, n int) string {
	if units(s) <= n {
		return s
	}
	return prefix(s, n-1) + "…"
}

// mrkdwnText escapes user text for mrkdwn and clips it to n units
// without cutting an escape in half.
func mrkdwnText(s string, n int) string {
	e := escape(s)
	if units(e) <= n {
		return e
	}
	cut := prefix(e, n-1)
	if i := strings.LastIndexByte(cut, '&'); i >= 0 && !strings.Contains(cut[i:], ";") {
		cut = cut[:i]
	}
	return cut + "…"
}

// md is a mrkdwn text object (already escaped, within limits).
func md(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, clip(s, maxSectionText), false, false)
}

// pt is a plain text object clipped to n characters.
func pt(s string, n int) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, clip(nonEmpty(s), n), false, false)
}

// nonEmpty keeps Slack happy: text objects must not be empty.
func nonEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// section is a mrkdwn section with the text clipped to the limit.
func section(text string) *slack.SectionBlock {
	return slack.NewSectionBlock(md(text), nil, nil)
}

// fieldsSection is a section of up to ten mrkdwn fields.
func fieldsSection(fields ...string) *slack.SectionBlock {
	if len(fields) > maxFields {
		fields = fields[:maxFields]
	}
	objs := make([]*slack.TextBlockObject, 0, len(fields))
	for _, f := range fields {
		objs = append(objs, slack.NewTextBlockObject(slack.MarkdownType, clip(nonEmpty(f), maxFieldText), false, false))
	}
	return slack.NewSectionBlock(nil, objs, nil)
}

// header is a header block.
func header(text string) *slack.HeaderBlock {
	return slack.NewHeaderBlock(pt(text, maxHeaderText))
}

// contextBlock is a context block of mrkdwn texts.
func contextBlock(texts ...string) *slack.ContextBlock {
	if len(texts) > maxContextItems {
		texts = texts[:maxContextItems]
	}
	els := make([]slack.MixedElement, 0, len(texts))
	for _, t := range texts {
		els = append(els, md(nonEmpty(t)))
	}
	return slack.NewContextBlock("", els...)
}

// button is a button carrying value for actionID.
func button(actionID, value, text string) *slack.ButtonBlockElement {
	return slack.NewButtonBlockElement(actionID, clip(value, maxActionValue), pt(text, maxButtonText))
}

// confirm is the "are you sure?" dialog of a button.
func confirm(title, text, yes string) *slack.ConfirmationBlockObject {
	return slack.NewConfirmationBlockObject(pt(title, 100), pt(text, 300), pt(yes, 30), pt("やめる", 30))
}

// capBlocks keeps a message within the block limit: when there are too
// many, the last ones give way to a note that something was left out.
func capBlocks(blocks []slack.Block) []slack.Block {
	if len(blocks) <= maxBlocks {
		return blocks
	}
	out := append([]slack.Block{}, blocks[:maxBlocks-1]...)
	return append(out, contextBlock("（表示しきれない項目は省略しました）"))
}

// fallback is the plain notification text of a message.
func fallback(s string) string { return clip(s, maxFallbackText) }

// longText is mrkdwnText for a long answer: when it must be cut, the cut
// says where to read the rest.
func longText(s string, n int) string {
	const more = "（続きは管理画面でご覧ください）"
	if e := escape(s); units(e) <= n {
		return e
	}
	return mrkdwnText(s, n-units(more)) + more
}
