package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/sakemodel/sakebot/handlers"
)

// shutdownGrace bounds how long serve waits for in-flight requests at exit.
const shutdownGrace = 10 * time.Second

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "serve", "serve\n\nRuns the HTTP server on ADDR: /healthz, /readyz and the channels whose credentials are set.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log, err := newLogger(e.stdout, e.cfg)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, e, log)
	if err != nil {
		return err
	}
	defer a.Close()
	announceChannels(log, e.cfg)
	go a.janitor(ctx, e.cfg.FormExpiry)
	h := handlers.NewHandler(handlers.Config{Logger: log, Ready: a.store.Ready})
	ln, err := net.Listen("tcp", e.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", e.cfg.Addr, err)
	}
	srv := handlers.NewServer(e.cfg.Addr, h, log)
	log.Info("serving", "addr", ln.Addr().String(), "database", a.store.Dialect())
	return serveUntilDone(ctx, srv, ln, log)
}

// serveUntilDone serves until ctx ends, then shuts down gracefully.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, log *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// announceChannels says in one line per channel which are switched off.
func announceChannels(log *slog.Logger, cfg config) {
	if cfg.LINESecret == "" || cfg.LINEToken == "" {
		log.Info("LINE is off: set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN to turn it on")
	}
	if cfg.SlackToken == "" || cfg.SlackSecret == "" {
		log.Info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on")
	}
	if cfg.AdminPassword == "" {
		log.Info("the admin page is off: set ADMIN_PASSWORD to turn it on")
	}
}

// janitor deletes expired unfinished forms every hour until ctx ends.
func (a *app) janitor(ctx context.Context, expiry time.Duration) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		n, err := a.store.ExpireConversations(ctx, time.Now().Add(-expiry))
		if err != nil && ctx.Err() == nil {
			a.log.Warn("expire conversations", "err", err)
		} else if n > 0 {
			a.log.Info("expired unfinished forms", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
