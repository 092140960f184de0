package main

import (
	"log/slog"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/email"
)

// addEmail adds the e-mail sender when recruiters are mailed (SMTP_HOST
// set, Slack notices off; see notifyOf).
func (out *outgoing) addEmail(a *app, cfg config, log *slog.Logger) {
	if !emailNotify(cfg) {
		return
	}
	out.senders[bot.ChannelEmail] = email.NewSender(emailConfig(cfg, a), a.store, log.With("channel", "email"))
}

// logNotify says in one line where recruiters are told of new
// applications and handoff requests.
func logNotify(cfg config, log *slog.Logger) {
	switch {
	case slackNotify(cfg):
		log.Info("recruiters are notified in Slack", "slack_channel", cfg.SlackChannel)
	case emailNotify(cfg):
		log.Info("recruiters are notified by e-mail: staff accounts with mail notifications on", "smtp_host", cfg.SMTP.Host)
	default:
		log.Info("recruiters are not notified: set SLACK_NOTIFY_CHANNEL, or SMTP_HOST and SMTP_FROM to mail staff; handoffs wait in the admin page's inbox")
	}
}
