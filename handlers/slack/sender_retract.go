package slack

import (
	"context"
	"errors"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
	"github.com/slack-go/slack"
)

// retract removes a message posted about a candidate whose personal data
// was deleted (a notice, or a handoff's first message) and the bot's
// replies under it (what the candidate said). Replies written by people
// stay: a bot token cannot delete them. A message already gone is fine.
func (s *Sender) retract(ctx context.Context, d bot.Delivery) error {
	replies, err := s.botReplies(ctx, d.To, d.Thread)
	if err != nil {
		return err
	}
	for _, ts := range append(replies, d.Thread) {
		if err := s.pace.wait(ctx, d.To); err != nil {
			return err
		}
		_, _, err := s.api.DeleteMessageContext(ctx, d.To, ts)
		var gone slack.SlackErrorResponse
		if errors.As(err, &gone) && gone.Err == "message_not_found" {
			continue
		}
		if err != nil {
			return classify(err)
		}
	}
	return nil
}

// botReplies returns the ts of the replies under ts posted by the same bot
// as the message itself. When the thread cannot be read (it is gone, or
// the history scope is missing), there are none to delete.
func (s *Sender) botReplies(ctx context.Context, channel, ts string) ([]string, error) {
	var out []string
	params := &slack.GetConversationRepliesParameters{ChannelID: channel, Timestamp: ts, Limit: 200}
	for range 10 {
		msgs, more, cursor, err := s.api.GetConversationRepliesContext(ctx, params)
		var refused *worker.SendError
		if err := classify(err); errors.As(err, &refused) && refused.Permanent {
			return out, nil
		}
		if err != nil {
			return nil, classify(err)
		}
		botID := ""
		for _, m := range msgs {
			switch {
			case m.Timestamp == ts:
				botID = m.BotID
			case botID != "" && m.BotID == botID:
				out = append(out, m.Timestamp)
			}
		}
		if !more || cursor == "" {
			break
		}
		params.Cursor = cursor
	}
	return out, nil
}
