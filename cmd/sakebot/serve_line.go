package main

import (
	"log/slog"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line"
)

// lineConfig is the LINE part of the configuration.
func lineConfig(cfg config, now func() time.Time) line.Config {
	return line.Config{Secret: cfg.LINESecret, PreviousSecret: cfg.LINESecretPrevious, Token: cfg.LINEToken,
		APIBase: cfg.LINEAPIBase, DataAPIBase: cfg.LINEDataBase, Now: now}
}

// wireLINE adds the LINE channel to the server and the worker when its
// credentials are set, and reports whether it did.
func wireLINE(a *app, cfg config, log *slog.Logger, w *wiring) (bool, error) {
	if cfg.LINESecret == "" || cfg.LINEToken == "" {
		return false, nil
	}
	lc := lineConfig(cfg, a.now)
	client, err := line.NewClient(lc)
	if err != nil {
		return false, err
	}
	// The worker stores and answers the events (the fast lane) and wakes itself.
	wh := line.NewWebhook(lc, w.accept, nil, log.With("channel", "line"))
	wh.Duplicates = func(n int) { w.metrics.Duplicates("line", n) }
	w.mounts["POST /line/webhook"] = wh
	w.wcfg.Senders[bot.ChannelLINE] = line.NewSender(client, log.With("channel", "line"))
	w.wcfg.Profiles[bot.ChannelLINE] = client
	w.wcfg.Busy[bot.ChannelLINE] = client
	return true, nil
}
