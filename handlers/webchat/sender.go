package webchat

import (
	"context"
	"fmt"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// BotLines keeps the bot's replies in a visitor's conversation log.
type BotLines interface {
	// AddWebBotLine records the replies of outbox delivery deliveryID;
	// a retried delivery is recorded once.
	AddWebBotLine(ctx context.Context, visitor string, deliveryID int64, replies []bot.Reply) (int64, error)
}

// Sender delivers the outbox's replies to web chat visitors: it writes
// them into the conversation's log, from which the visitor's open pages
// (woken through the Hub) and any page opened later read them.
type Sender struct {
	lines BotLines
	hub   *Hub
}

// NewSender returns the web chat's Sender.
func NewSender(lines BotLines, hub *Hub) *Sender { return &Sender{lines: lines, hub: hub} }

// Send records d's replies once (a retry after a crash finds the line and
// adds nothing) and wakes the visitor's streams.
func (s *Sender) Send(ctx context.Context, d bot.Delivery) error {
	if d.Kind != bot.DeliveryReply {
		return worker.Permanent(fmt.Errorf("web chat: cannot deliver %s", d.Kind))
	}
	if d.ID == 0 {
		return worker.Permanent(fmt.Errorf("web chat: delivery without id"))
	}
	if _, err := s.lines.AddWebBotLine(ctx, d.Key.UserID, d.ID, d.Replies); err != nil {
		return err
	}
	s.hub.Notify(d.Key.UserID)
	return nil
}
