package main

import (
	"log/slog"
	"time"

	"github.com/sakemodel/sakebot/bot"
	slackch "github.com/sakemodel/sakebot/handlers/slack"
	"github.com/sakemodel/sakebot/worker"
)

// slackConfig is the Slack part of the configuration.
func slackConfig(cfg config, now func() time.Time) slackch.Config {
	return slackch.Config{Token: cfg.SlackToken, SigningSecret: cfg.SlackSecret, APIURL: cfg.SlackAPIURL,
		NotifyChannel: cfg.SlackChannel, Staff: cfg.SlackStaff, Now: now}
}

// slackOn reports whether Slack's credentials are set (the configuration
// refuses a half-configured Slack).
func slackOn(cfg config) bool {
	return cfg.SlackToken != "" && (cfg.SlackSecret != "" || cfg.SlackAppToken != "")
}

// addSlack adds Slack's sender and display names (users.info) when its
// credentials are set. The engine's notices of applications and handoffs
// go to SLACK_NOTIFY_CHANNEL (see notifyOf).
func (out *outgoing) addSlack(a *app, cfg config, log *slog.Logger) {
	if !slackOn(cfg) {
		return
	}
	log = log.With("channel", "slack")
	sc := slackConfig(cfg, a.now)
	out.slack = true
	out.senders[bot.ChannelSlack] = slackch.NewSender(sc, a.store, log)
	out.profiles[bot.ChannelSlack] = slackch.NewProfiles(sc)
	if cfg.SlackChannel == "" {
		log.Info("Slack notices are off: set SLACK_NOTIFY_CHANNEL to the id of the channel for applications and handoffs")
	}
	if len(cfg.SlackStaff) == 0 {
		log.Info("nobody may edit FAQs or act on applications from Slack: set SLACK_STAFF_USER_IDS")
	}
}

// mountSlack mounts Slack's three routes, whose events go to the worker.
// With SLACK_APP_TOKEN set, Slack's requests arrive over Socket Mode
// instead (no signing secret is needed then, and no route is mounted): a
// runner holds the connection and stops serve if Slack refuses the token.
func mountSlack(w *wiring, a *app, cfg config, log *slog.Logger, wk *worker.Worker) {
	log = log.With("channel", "slack")
	s := slackch.New(slackConfig(cfg, a.now), a.store, a.engine, wk.Wake, log)
	if cfg.SlackAppToken != "" {
		w.runners = append(w.runners, s.Socket(cfg.SlackAppToken).Run)
		log.Info("Slack: Socket Mode (SLACK_APP_TOKEN is set); the /slack/* request URLs are not mounted")
		return
	}
	for pattern, h := range s.Routes() {
		w.mounts[pattern] = h
	}
}
