package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	slackch "github.com/sakemodel/sakebot/handlers/slack"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
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
	if w, err := wire(t.Context(), a, config{}, log); err != nil || len(w.mounts) != 2 || w.mounts["/admin/"] == nil ||
		w.mounts["/calendar/"] == nil {
		t.Fatalf("without credentials (only the admin page and the calendar files, always on): %v %v", err, w.mounts)
	}
	out, err := newOutgoing(a, cfg, log)
	if err != nil || !out.slack || out.senders[bot.ChannelSlack] == nil || out.profiles[bot.ChannelSlack] == nil {
		t.Fatalf("outgoing: %+v %v", out, err)
	}
	w, err := wire(t.Context(), a, cfg, log)
	if err != nil {
		t.Fatalf("wire: %v", err)
	}
	for _, p := range []string{"POST /slack/events", "POST /slack/commands", "POST /slack/interactions"} {
		if w.mounts[p] == nil {
			t.Errorf("%s not mounted", p)
		}
	}
	if n := a.engine.Notify(); !n.On() || n.To != "CREC" || n.Channel != bot.ChannelSlack {
		t.Errorf("notify: %+v", n)
	}
}

// TestWireSlackSocketMode checks SLACK_APP_TOKEN: no routes, a runner
// that connects over Socket Mode and stops serve when the token is refused.
func TestWireSlackSocketMode(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	fake := slacktest.NewAPI(t, "xoxb-1", 1) // refuses any other token: invalid_auth
	cfg := config{DatabaseURL: storetest.SQLiteURL(t), SlackToken: "xoxb-1", SlackAppToken: "xapp-1-bad",
		SlackAPIURL: fake.APIURL()}
	a, err := openApp(context.Background(), &env{cfg: cfg, stdout: io.Discard}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	w, err := wire(t.Context(), a, cfg, log)
	if err != nil || len(w.mounts) != 2 || w.mounts["/admin/"] == nil || len(w.runners) != 3 {
		t.Fatalf("wire: %v mounts %v runners %d (the reminders, outreach and Socket Mode)", err, w.mounts, len(w.runners))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := w.runners[len(w.runners)-1](ctx); !errors.Is(err, slackch.ErrSocketAuth) {
		t.Fatalf("runner: %v", err)
	}
}

func TestSlackAppTokenConfig(t *testing.T) {
	get := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if _, err := loadConfig(get(map[string]string{"SLACK_APP_TOKEN": "xoxb-1"})); err == nil || !strings.Contains(err.Error(), "xapp-") {
		t.Fatalf("a bot token as SLACK_APP_TOKEN: %v", err)
	}
	c, err := loadConfig(get(map[string]string{"SLACK_APP_TOKEN": "xapp-1-A-1", "SLACK_BOT_TOKEN": "xoxb-1"}))
	if err != nil || c.SlackAppToken != "xapp-1-A-1" {
		t.Fatalf("%+v %v", c.SlackAppToken, err)
	}
}
