package slack

import (
	"fmt"
	"net/url"

	"github.com/sakemodel/sakebot/bot"
	"github.com/slack-go/slack"
)

// Limits of the slots and links in one message (Block Kit allows 50
// blocks; a reply keeps room for its text and choices).
const (
	maxSlotBlocks = 20   // slots shown, one section each
	maxSlotText   = 200  // characters of a slot's title or place
	maxURL        = 3000 // characters of a link button's url
)

// actionLinkPrefix starts the action id of a link button: Slack opens the
// address and still tells the app of the click, which does nothing.
const actionLinkPrefix = "link:"

// slotBlocks renders slots as one section each, its 予約する button
// carrying the choice's postback (handled as any choice, in scope).
func slotBlocks(slots []bot.Slot, scope string) []slack.Block {
	if len(slots) > maxSlotBlocks {
		slots = slots[:maxSlotBlocks]
	}
	blocks := make([]slack.Block, 0, len(slots))
	for i, s := range slots {
		place := s.Place
		if place == "" {
			place = "オンライン"
		}
		text := "*" + escape(s.Kind) + "*　" + mrkdwnText(s.Title, maxSlotText) + "\n" +
			"日時：" + escape(s.When) + "\n" +
			"場所：" + mrkdwnText(place, maxSlotText) + "\n" + seatsLeft(s.SeatsLeft)
		c := s.Choice
		if c.Label == "" {
			c.Label = "予約する"
		}
		value := c.Postback
		if value == "" || len(value) > maxActionValue {
			value = bot.SlotPostback(s.EventID)
		}
		b := button(fmt.Sprintf("%s%s:slot%d", actionChoicePrefix, scope, i), value, c.Label).WithStyle(slack.StylePrimary)
		blocks = append(blocks, slack.NewSectionBlock(md(text), nil, slack.NewAccessory(b)))
	}
	return blocks
}

// seatsLeft is what a slot says of its seats.
func seatsLeft(n int) string {
	if n <= 0 {
		return "満席"
	}
	return "残り " + itoa(n) + " 席"
}

// linkBlock renders links as link buttons; addresses that are not
// http(s) are left out (nil when none is left).
func linkBlock(links []bot.Link, n int) *slack.ActionBlock {
	els := make([]slack.BlockElement, 0, len(links))
	for i, l := range links {
		u, err := url.Parse(l.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(l.URL) > maxURL || len(els) == maxButtons {
			continue
		}
		els = append(els, button(fmt.Sprintf("%s%d", actionLinkPrefix, i), "", l.Label).WithURL(l.URL))
	}
	if len(els) == 0 {
		return nil
	}
	return slack.NewActionBlock(fmt.Sprintf("links_%d", n), els...)
}
