package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/handlers"
	"github.com/sakemodel/sakebot/store"
)

// app is the wired-up core: the store (migrated and seeded) and the engine.
type app struct {
	store    *store.Store
	engine   *bot.Engine
	outreach *bot.Outreach // segments, broadcasts and automatic messages
	log      *slog.Logger
	now      func() time.Time // the one clock
}

// openApp opens the database, applies migrations, seeds the default FAQ
// into a fresh database (and the default concepts into one that never had
// any) and builds the engine.
func openApp(ctx context.Context, e *env, log *slog.Logger) (*app, error) {
	s, err := store.Open(ctx, e.cfg.DatabaseURL, e.now)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate database: %w", err)
	}
	seeded, err := s.SeedFAQs(ctx, faqfile.Default())
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("seed FAQ: %w", err)
	}
	if seeded {
		log.Info("seeded the default FAQ", "entries", len(faqfile.Default()))
	}
	seeded, err = s.SeedConcepts(ctx, faqfile.DefaultConcepts())
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("seed FAQ concepts: %w", err)
	}
	if seeded {
		log.Info("seeded the default FAQ concepts", "concepts", len(faqfile.DefaultConcepts()))
	}
	eng := bot.NewEngine(bot.Config{Store: s, Logger: log, FormExpiry: e.cfg.FormExpiry, Now: e.now, Notify: notifyOf(e.cfg),
		Events: withCalendarLink(e.cfg.eventConfig(), calendarLink(ctx, s, e.cfg, log))})
	out := bot.NewOutreach(bot.OutreachConfig{Store: s, Notify: notifyOf(e.cfg), Now: e.now, Logger: log})
	return &app{store: s, engine: eng, outreach: out, log: log, now: e.now}, nil
}

// Close closes the database.
func (a *app) Close() error { return a.store.Close() }

// notifyOf is where recruiters are told of applications and handoffs: the
// Slack channel SLACK_NOTIFY_CHANNEL when Slack is on; else, with
// SMTP_HOST set, e-mail to the staff who opted in (only new applications
// and handoff requests: see handlers/email). Staff answer handoffs in the
// admin page's 対応中の会話 (serve always mounts the page), so a candidate
// who asks for a person is answered with Slack off too.
func notifyOf(cfg config) bot.Notify {
	n := bot.Notify{Inbox: true}
	switch {
	case slackNotify(cfg):
		n.Channel, n.To = bot.ChannelSlack, cfg.SlackChannel
	case emailNotify(cfg):
		n.Channel, n.To = bot.ChannelEmail, emailTo
	}
	return n
}

// emailTo is Notify.To of e-mail: the recipients are looked up when a
// mail is sent (the staff accounts with NotifyEmail).
const emailTo = "staff"

// newLogger builds the logger from LOG_FORMAT and LOG_LEVEL.
func newLogger(w io.Writer, cfg config) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		return nil, fmt.Errorf("LOG_LEVEL must be debug, info, warn or error, got %q", cfg.LogLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch strings.ToLower(cfg.LogFormat) {
	case "json":
		return slog.New(handlers.LogHandler(slog.NewJSONHandler(w, opts))), nil
	case "text", "":
		return slog.New(handlers.LogHandler(slog.NewTextHandler(w, opts))), nil
	}
	return nil, fmt.Errorf("LOG_FORMAT must be text or json, got %q", cfg.LogFormat)
}

// quietLogger is for the interactive commands: only warnings and errors, on
// the given writer (stderr), so stdout stays clean for the conversation.
func quietLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
