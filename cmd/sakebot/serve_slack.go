package main

import (
	"log/slog"
	"time"

	"github.com/sakemodel/sakebot/bot"
	slackch "github.com/sakemodel/sakebot/handlers/slack"
)

// slackConfig is the Slack part of the configuration.
func slackConfig(cfg config, now func() time.Time) slackch.Config {
	return slackch.Config{Token: cfg.SlackToken, SigningSecret: cfg.SlackSecret, APIURL: cfg.SlackAPIURL,
		NotifyChannel: cfg.SlackChannel, Staff: cfg.SlackStaff, Now: now}
}

// wireSlack adds the Slack channel to the server and the worker when its
// credentials are set, and reports whether it did: the three Slack routes
// (or the Socket Mode connection),
// the Slack sender and display names (users.info), and, with SLACK_NOTIFY_CHANNEL set, the engine's
// notices of applications and handoffs to that channel.
//
// With SLACK_APP_TOKEN set, Slack's requests arrive over Socket Mode
// instead (no signing secret is needed then, and no route is mounted): a
// runner holds the connection and stops serve if Slack refuses the token.
func wireSlack(a *app, cfg config, log *slog.Logger, w *wiring) (bool, error) {
	if cfg.SlackToken == "" || cfg.SlackSecret == "" && cfg.SlackAppToken == "" {
		return false, nil
	}
	log = log.With("channel", "slack")
	s := slackch.New(slackConfig(cfg, a.now), a.store, a.engine, w.wake, log)
	if cfg.SlackAppToken != "" {
		w.runners = append(w.runners, s.Socket(cfg.SlackAppToken).Run)
		log.Info("Slack: Socket Mode (SLACK_APP_TOKEN is set); the /slack/* request URLs are not mounted")
	} else {
		for pattern, h := range s.Routes() {
			w.mounts[pattern] = h
		}
	}
	w.wcfg.Senders[bot.ChannelSlack] = s.Sender()
	w.wcfg.Profiles[bot.ChannelSlack] = s.Profiles()
	if cfg.SlackChannel == "" {
		log.Info("Slack notices are off: set SLACK_NOTIFY_CHANNEL to the id of the channel for applications and handoffs")
	} else {
		a.engine.SetNotify(bot.Notify{Channel: bot.ChannelSlack, To: cfg.SlackChannel})
	}
	if len(cfg.SlackStaff) == 0 {
		log.Info("nobody may edit FAQs or act on applications from Slack: set SLACK_STAFF_USER_IDS")
	}
	return true, nil
}
