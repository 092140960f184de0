package main

import (
	"log/slog"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/worker"
)

// lineConfig is the LINE part of the configuration.
func lineConfig(cfg config, now func() time.Time) line.Config {
	return line.Config{Secret: cfg.LINESecret, PreviousSecret: cfg.LINESecretPrevious, Token: cfg.LINEToken,
		APIBase: cfg.LINEAPIBase, DataAPIBase: cfg.LINEDataBase, PushRate: cfg.LINEPushRate, Now: now}
}

// addLINE adds LINE's sender, profile look-ups and loading animation when
// its credentials are set.
func (out *outgoing) addLINE(a *app, cfg config, log *slog.Logger) error {
	if cfg.LINESecret == "" || cfg.LINEToken == "" {
		return nil
	}
	client, err := line.NewClient(lineConfig(cfg, a.now))
	if err != nil {
		return err
	}
	out.line = client
	out.senders[bot.ChannelLINE] = line.NewSender(client, log.With("channel", "line"))
	out.profiles[bot.ChannelLINE] = client
	out.busy[bot.ChannelLINE] = client
	return nil
}

// mountLINE mounts the webhook, which hands its events to the worker's fast
// lane (the worker stores and answers them, and wakes itself).
func mountLINE(w *wiring, a *app, cfg config, log *slog.Logger, wk *worker.Worker) {
	wh := line.NewWebhook(lineConfig(cfg, a.now), wk, nil, log.With("channel", "line"))
	wh.Duplicates = func(n int) { w.metrics.Duplicates("line", n) }
	w.mounts["POST /line/webhook"] = wh
}
