package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/webchat"
	"github.com/sakemodel/sakebot/metrics"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/worker"
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
	stopPprof, err := startPprof(e.cfg.PprofAddr, log)
	if err != nil {
		return err
	}
	defer stopPprof()
	w, err := wire(ctx, a, e.cfg, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", e.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", e.cfg.Addr, err)
	}
	srv := handlers.NewServer(e.cfg.Addr, handlers.NewHandler(handlers.Config{Logger: log, Ready: a.store.Ready, Mounts: w.mounts,
		Metrics: w.metrics.Handler(), Instrument: w.metrics.Instrument}), log)
	log.Info("serving", "addr", ln.Addr().String(), "database", a.store.Dialect())
	if w.webChat {
		log.Info("web chat: open " + chatURL(ln.Addr()) + " in a browser")
	}
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() { defer close(done); w.worker.Run(workCtx) }()
	go a.janitor(workCtx, e.cfg)
	// A receiver that fails for good (Slack refusing SLACK_APP_TOKEN) stops serve with its error.
	serveCtx, stopServe := context.WithCancelCause(ctx)
	defer stopServe(nil)
	for _, run := range w.runners {
		go func() {
			if err := run(workCtx); err != nil {
				stopServe(err)
			}
		}()
	}
	err = serveUntilDone(serveCtx, srv, ln, log)
	if cause := context.Cause(serveCtx); err == nil && ctx.Err() == nil && cause != nil {
		err = cause
	}
	stopWork() // after the server stopped taking events: finish what is in hand
	select {
	case <-done:
	case <-time.After(shutdownGrace):
		log.Warn("worker did not stop in time")
	}
	return err
}

// wiring is what serve runs: the routes, the worker and the receivers
// that are not routes.
type wiring struct {
	mounts  map[string]http.Handler
	worker  *worker.Worker
	metrics *metrics.Metrics
	// runners receive events by other means than the server (Slack's
	// Socket Mode) or run beside it (the web chat's poll); each runs until
	// its context ends, and an error stops serve.
	runners []func(context.Context) error
	webChat bool // the web chat is mounted at /
}

// wire builds everything in dependency order: the channels' outgoing
// halves (senders, profile look-ups), the worker over them, then what
// receives events and hands them to the worker (webhooks, Slack's routes or
// socket, the admin page). Each channel that is off is announced in one
// line.
func wire(ctx context.Context, a *app, cfg config, log *slog.Logger) (*wiring, error) {
	m := metrics.New(snapshot(a.store), log)
	out, err := newOutgoing(a, cfg, log)
	if err != nil {
		return nil, err
	}
	wk := worker.New(worker.Config{Engine: a.engine, Inbox: a.store, Outbox: a.store, Logger: log,
		RateLimit: cfg.RateLimit, RateCounter: a.store, Processors: 16, Batch: a.store, Now: a.now, Observer: m,
		Senders: out.senders, Profiles: out.profiles, Busy: out.busy})
	w := &wiring{mounts: map[string]http.Handler{}, worker: wk, metrics: m}
	w.mounts["/calendar/"] = calendarMount(a, log)
	w.runners = append(w.runners, eventsRunner(a, out.line))   // reminders and the evening list, every minute
	w.runners = append(w.runners, outreachRunner(a, out.line)) // broadcasts and automatic messages
	logNotify(cfg, log)
	if out.line != nil {
		mountLINE(w, a, cfg, log, wk)
	} else {
		log.Info("LINE is off: set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN to turn it on")
	}
	if out.slack {
		mountSlack(w, a, cfg, log, wk)
	} else {
		log.Info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) to turn it on")
	}
	if out.webHub != nil {
		if err := mountWebChat(ctx, w, a, cfg, log, wk, out.webHub); err != nil {
			return nil, err
		}
	} else {
		log.Info("the web chat is off: WEBCHAT_ENABLED is false")
	}
	if h, ok := adminMount(a, cfg, log.With("channel", "admin"), wk, out.line); ok {
		w.mounts["/admin/"] = h
		log.Info("the admin page is at /admin/: staff sign in with their accounts (sakebot staff add creates the first)")
	}
	return w, nil
}

// outgoing is the channels' outgoing halves, which the worker needs.
type outgoing struct {
	senders  map[bot.Channel]worker.Sender
	profiles map[bot.Channel]worker.ProfileSource
	busy     map[bot.Channel]worker.BusyIndicator
	line     *line.Client // nil when LINE is off
	slack    bool         // Slack is on
	webHub   *webchat.Hub // nil when the web chat is off
}

// newOutgoing builds the outgoing half of every channel whose credentials
// are set.
func newOutgoing(a *app, cfg config, log *slog.Logger) (*outgoing, error) {
	out := &outgoing{senders: map[bot.Channel]worker.Sender{}, profiles: map[bot.Channel]worker.ProfileSource{},
		busy: map[bot.Channel]worker.BusyIndicator{}}
	if err := out.addLINE(a, cfg, log); err != nil {
		return nil, err
	}
	out.addSlack(a, cfg, log)
	out.addEmail(a, cfg, log)
	out.addWebChat(a, cfg)
	return out, nil
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

// janitor deletes expired unfinished forms every hour and, once a day,
// personal data past the retention period, until ctx ends.
func (a *app) janitor(ctx context.Context, cfg config) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	var lastPurge time.Time
	for {
		n, err := a.store.ExpireConversations(ctx, a.now().Add(-cfg.FormExpiry))
		if err != nil && ctx.Err() == nil {
			a.log.Warn("expire conversations", "err", err)
		} else if n > 0 {
			a.log.Info("expired unfinished forms", "count", n)
		}
		if n, err := a.engine.CloseIdleHandoffs(ctx); err != nil && ctx.Err() == nil {
			a.log.Warn("close idle handoffs", "err", err)
		} else if n > 0 {
			a.log.Info("closed idle handoffs", "count", n)
		}
		if cfg.RetentionMonths > 0 && a.now().Sub(lastPurge) >= 24*time.Hour {
			n, err := a.store.Purge(ctx, retentionCutoff(a.now(), cfg.RetentionMonths))
			if err != nil && ctx.Err() == nil {
				a.log.Warn("purge", "err", err)
			} else {
				lastPurge = a.now()
				a.log.Info("purged data past the retention period", "rows", n, "months", cfg.RetentionMonths)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// snapshot reads the database figures for /metrics.
func snapshot(s *store.Store) func(context.Context) (metrics.Snapshot, error) {
	return func(ctx context.Context) (metrics.Snapshot, error) {
		g, err := s.Gauges(ctx)
		return metrics.Snapshot{Questions: g.Questions, Applications: g.Applications, Candidates: g.Candidates,
			InboxPending: g.InboxPending, OutboxPending: g.OutboxPending, OutboxFailed: g.OutboxFailed,
			OutboxOldest: g.OutboxOldest, HandoffsOpen: g.HandoffsOpen}, err
	}
}
