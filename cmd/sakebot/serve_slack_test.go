package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestWireSlack checks what the Slack variables turn on: the three routes,
// the sender, and the engine's notices to SLACK_NOTIFY_CHANNEL.
func TestWireSlack(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	cfg := config{DatabaseURL: storetest.SQLiteURL(t), SlackToken: "xoxb-1", SlackSecret: "s", SlackChannel: "CREC",
		SlackStaff: []string{"U1"}, SlackAPIURL: "https://slack.com/api/"}
	a, err := openApp(context.Background(), &env{cfg: cfg, stdout: io.Discard}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	w := &wiring{mounts: map[string]http.Handler{}, wcfg: &bot.WorkerConfig{Senders: map[bot.Channel]bot.Sender{}, Profiles: map[bot.Channel]bot.ProfileSource{}, Busy: map[bot.Channel]bot.BusyIndicator{}}, wake: func() {}}
	if on, err := wireSlack(a, config{}, log, w); on || err != nil || len(w.mounts) != 0 {
		t.Fatalf("without credentials: %v %v %v", on, err, w.mounts)
	}
	on, err := wireSlack(a, cfg, log, w)
	if !on || err != nil {
		t.Fatalf("wireSlack: %v %v", on, err)
	}
	for _, p := range []string{"POST /slack/events", "POST /slack/commands", "POST /slack/interactions"} {
		if w.mounts[p] == nil {
			t.Errorf("%s not mounted", p)
		}
	}
	if w.wcfg.Senders[bot.ChannelSlack] == nil {
		t.Error("no Slack sender")
	}
	if n := a.engine.Notify(); !n.On() || n.To != "CREC" || n.Channel != bot.ChannelSlack {
		t.Errorf("notify: %+v", n)
	}
}
