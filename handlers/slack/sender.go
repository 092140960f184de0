package slack

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
	"github.com/slack-go/slack"
)

// Sender delivers the outbox to Slack (worker.Sender): notices of new
// applications and their status, handoff threads, and the bot's answers
// to students in DMs and channels. What it posts is rendered from the
// records at send time (the outbox holds no copy of an application).
type Sender struct {
	api     *slack.Client
	records Records
	log     *slog.Logger
	pace    *pacer
}

var _ worker.Sender = (*Sender)(nil)

// NewSender returns a Sender posting with cfg's token.
func NewSender(cfg Config, records Records, log *slog.Logger) *Sender {
	return &Sender{api: newAPI(cfg, 10*time.Second), records: records, log: log,
		pace: newPacer(cfg.interval())}
}

// Send implements worker.Sender.
func (s *Sender) Send(ctx context.Context, d bot.Delivery) error {
	switch d.Kind {
	case bot.DeliveryNotice:
		return s.sendNotice(ctx, d)
	case bot.DeliveryNoticeUpdate:
		return s.updateNotice(ctx, d)
	case bot.DeliveryHandoffOpen:
		return s.openThread(ctx, d)
	case bot.DeliveryHandoffRelay:
		return s.relay(ctx, d)
	case bot.DeliveryHandoffClose:
		return s.closeThread(ctx, d)
	case bot.DeliveryReply:
		return s.reply(ctx, d)
	case bot.DeliveryRetract:
		return s.retract(ctx, d)
	case bot.DeliveryBookingNotice:
		return s.sendBookingNotice(ctx, d)
	case bot.DeliveryStaffMessage:
		return s.sendStaffMessage(ctx, d)
	}
	return worker.Permanent(fmt.Errorf("slack: cannot deliver %q", d.Kind))
}

// post posts a message to channel (in thread, if any), spaced from the
// last one to that channel, and returns where it went.
func (s *Sender) post(ctx context.Context, channel, thread string, opts ...slack.MsgOption) (string, string, error) {
	if err := s.pace.wait(ctx, channel); err != nil {
		return "", "", err
	}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	ch, ts, err := s.api.PostMessageContext(ctx, channel, opts...)
	return ch, ts, classify(err)
}

// update replaces a posted message.
func (s *Sender) update(ctx context.Context, channel, ts string, opts ...slack.MsgOption) error {
	if err := s.pace.wait(ctx, channel); err != nil {
		return err
	}
	_, _, _, err := s.api.UpdateMessageContext(ctx, channel, ts, opts...)
	return classify(err)
}

// message is the options of a Block Kit message with its notification
// text. text is plain text (it may hold what a student typed, such as a
// display name or a message): it is escaped here, the one place every
// message's text goes through, so `<!channel>` or a disguised link arrives
// as written, not as markup. The blocks escape their user text themselves
// (mrkdwnText, plain_text objects).
func message(text string, blocks []slack.Block, extra ...slack.MsgOption) []slack.MsgOption {
	opts := []slack.MsgOption{slack.MsgOptionText(mrkdwnText(text, maxFallbackText), false), slack.MsgOptionBlocks(capBlocks(blocks)...)}
	return append(opts, extra...)
}
