package slack

import (
	"context"
	"fmt"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// The scopes of a choice button: the engine's key it answers.
const (
	choiceUser  = "u" // the clicking user's own conversation (a DM)
	choiceGroup = "g" // the channel's (the bot was mentioned there)
)

// maxButtons is how many buttons one actions block holds.
const maxButtons = 25

// reply posts the engine's answer to a student: in their DM (To, or, for
// a conversation the bot starts, from App Home or a mention, and for a
// recruiter's answer, the DM that conversations.open gives), or in a
// channel's thread. A thread ts belongs to To: in a DM opened here there
// is none (a recruiter's answer names the recruiters' thread it came from).
func (s *Sender) reply(ctx context.Context, d bot.Delivery) error {
	scope := choiceUser
	if d.To != "" && d.To == d.Key.UserID { // keyed by the channel: answered in a channel
		scope = choiceGroup
	}
	blocks, text := replyBlocks(d.Replies, scope)
	if len(blocks) == 0 {
		return nil
	}
	to, thread := d.To, d.Thread
	if to == "" {
		dm, err := s.openDM(ctx, d.Key.UserID)
		if err != nil {
			return err
		}
		to, thread = dm, ""
	}
	_, _, err := s.post(ctx, to, thread, message(text, blocks)...)
	return err
}

// openDM returns the id of the bot's DM with user (conversations.open).
func (s *Sender) openDM(ctx context.Context, user string) (string, error) {
	ch, _, _, err := s.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{user}})
	if err != nil {
		return "", classify(err)
	}
	return ch.ID, nil
}

// replyBlocks renders replies as Block Kit: texts as sections, the form's
// summary as fields, slots as sections with a 予約する button and links as
// link buttons (blocks_slots.go), offered answers as buttons.
func replyBlocks(replies []bot.Reply, scope string) ([]slack.Block, string) {
	var blocks []slack.Block
	text := ""
	for _, r := range replies {
		if r.Text != "" {
			blocks = append(blocks, section(mrkdwnText(r.Text, maxSectionText)))
			if text == "" {
				text = r.Text
			}
		}
		choices := r.Choices
		if r.Summary != nil {
			blocks = append(blocks, summaryBlocks(r.Summary)...)
			choices = append(choices, r.Summary.Choices...)
			if text == "" {
				text = r.Summary.Title
			}
		}
		blocks = append(blocks, slotBlocks(r.Slots, scope)...)
		if text == "" && len(r.Slots) > 0 {
			text = "予約できる日程（" + itoa(len(r.Slots)) + "件）"
		}
		if lb := linkBlock(r.Links, len(blocks)); lb != nil {
			blocks = append(blocks, lb)
		}
		if len(choices) > 0 {
			blocks = append(blocks, choiceBlock(choices, scope, len(blocks)))
		}
	}
	return blocks, text
}

// summaryBlocks renders the form's summary: a header and up to ten fields.
func summaryBlocks(s *bot.Summary) []slack.Block {
	fields := make([]string, 0, len(s.Fields))
	for _, f := range s.Fields {
		fields = append(fields, "*"+escape(f.Label)+"*\n"+mrkdwnText(f.Value, maxFieldText-100))
	}
	return []slack.Block{header(s.Title), fieldsSection(fields...)}
}

// choiceBlock renders offered answers as buttons carrying their postback.
func choiceBlock(choices []bot.Choice, scope string, n int) *slack.ActionBlock {
	if len(choices) > maxButtons {
		choices = choices[:maxButtons]
	}
	els := make([]slack.BlockElement, 0, len(choices))
	for i, c := range choices {
		value := c.Postback
		if value == "" || len(value) > maxActionValue {
			value = bot.MenuPostback(c.Text)
		}
		els = append(els, button(fmt.Sprintf("%s%s:%d", actionChoicePrefix, scope, i), value, c.Label))
	}
	return slack.NewActionBlock(fmt.Sprintf("choices_%d", n), els...)
}

// relayNote is a short note in a thread.
func relayNote(text string) []slack.Block { return []slack.Block{contextBlock(text)} }
