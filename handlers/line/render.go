package line

import (
	"encoding/json"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"
	"github.com/sakemodel/sakebot/bot"
)

// LINE's limits on what one request may carry.
const (
	maxMessages      = 5    // messages in one reply or push
	maxTextUnits     = 5000 // UTF-16 code units in one text message
	maxQuickReplies  = 13
	maxLabelRunes    = 20
	maxPostbackBytes = 300
	maxDisplayRunes  = 300
)

// render turns the engine's replies into at most five LINE messages: text
// (split at 5,000 UTF-16 units), the summary as a Flex bubble, slots as
// Flex carousels (flex_slots.go) and links as a bubble of URI buttons; the
// last reply's choices become quick replies on the last message.
func render(replies []bot.Reply) []messaging_api.MessageInterface {
	var texts []string
	var out []messaging_api.MessageInterface
	var choices []bot.Choice
	flush := func() {
		for _, t := range mergeTexts(texts, maxMessages-len(out)) {
			out = append(out, &messaging_api.TextMessage{Text: t})
		}
		texts = nil
	}
	for _, r := range replies {
		if r.Summary != nil {
			flush()
			out = append(out, summaryFlex(r.Summary))
			continue
		}
		if r.Text != "" {
			texts = append(texts, splitText(r.Text, maxTextUnits)...)
		}
		if len(r.Slots) > 0 || len(r.Links) > 0 {
			flush()
			out = append(out, richParts(r)...)
		}
		if len(r.Choices) > 0 {
			choices = r.Choices
		}
	}
	flush()
	if len(out) > maxMessages {
		out = out[:maxMessages]
	}
	if qr := quickReply(choices); qr != nil && len(out) > 0 {
		setQuickReply(out[len(out)-1], qr)
	}
	return out
}

// mergeTexts joins neighbouring texts when there are more than room
// messages, so nothing is dropped for LINE's five-message limit.
func mergeTexts(texts []string, room int) []string {
	for room > 0 && len(texts) > room {
		i := len(texts) - 2
		joined := texts[i] + "\n\n" + texts[i+1]
		if utf16Len(joined) > maxTextUnits {
			break
		}
		texts = append(texts[:i], joined)
	}
	return texts
}

// splitText cuts s into pieces of at most max UTF-16 units, preferring to
// cut at a line break.
func splitText(s string, max int) []string {
	var out []string
	for utf16Len(s) > max {
		cut := cutAt(s, max)
		if nl := strings.LastIndex(s[:cut], "\n"); nl > cut/2 {
			cut = nl + 1
		}
		out = append(out, strings.TrimRight(s[:cut], "\n"))
		s = s[cut:]
	}
	return append(out, s)
}

// cutAt is the byte index of the longest prefix of s within max UTF-16 units.
func cutAt(s string, max int) int {
	units := 0
	for i, r := range s {
		units += len(utf16.Encode([]rune{r}))
		if units > max {
			return i
		}
	}
	return len(s)
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// quickReply renders choices as quick reply buttons (at most 13).
func quickReply(choices []bot.Choice) *messaging_api.QuickReply {
	if len(choices) == 0 {
		return nil
	}
	if len(choices) > maxQuickReplies {
		choices = choices[:maxQuickReplies]
	}
	items := make([]messaging_api.QuickReplyItem, 0, len(choices))
	for _, c := range choices {
		items = append(items, messaging_api.QuickReplyItem{Type: "action", Action: action(c)})
	}
	return &messaging_api.QuickReply{Items: items}
}

// action is the button of a choice: a postback that shows what was tapped,
// or a plain message when the postback data would not fit.
func action(c bot.Choice) messaging_api.ActionInterface {
	label := clip(c.Label, maxLabelRunes)
	display := clip(c.Text, maxDisplayRunes)
	if display == "" {
		display = label
	}
	if c.Postback == "" || len(c.Postback) > maxPostbackBytes {
		return &messaging_api.MessageAction{Label: label, Text: display}
	}
	return &messaging_api.PostbackAction{Label: label, Data: c.Postback, DisplayText: display}
}

// clip shortens s to n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func setQuickReply(m messaging_api.MessageInterface, qr *messaging_api.QuickReply) {
	switch m := m.(type) {
	case *messaging_api.TextMessage:
		m.QuickReply = qr
	case *rawMessage:
		m.quickReply = qr
	}
}

// rawMessage is a message sent as JSON built here rather than with the
// SDK's Flex structs, which drop "flex": 0 and mangle unknown components
// (SDK issues #505 and #657).
type rawMessage struct {
	fields     map[string]any
	quickReply *messaging_api.QuickReply
}

// GetType implements messaging_api.MessageInterface.
func (m *rawMessage) GetType() string { return m.fields["type"].(string) }

// MarshalJSON writes the message with its quick reply, if any.
func (m *rawMessage) MarshalJSON() ([]byte, error) {
	f := m.fields
	if m.quickReply != nil {
		f = map[string]any{}
		for k, v := range m.fields {
			f[k] = v
		}
		f["quickReply"] = m.quickReply
	}
	return json.Marshal(f)
}
