// Package handlers is sakebot's HTTP side: the server that mounts the
// channels (handlers/line, handlers/slack, handlers/admin) next to the
// health endpoints. Handlers stay thin: verify, parse, convert to
// bot.Incoming, hand over, render.
package handlers

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

// Config is what the server mounts.
type Config struct {
	Logger *slog.Logger
	// Ready reports whether the service can do its work (database reachable,
	// migrations applied); /readyz answers 503 while it returns an error.
	Ready func(ctx context.Context) error
	// Mounts are extra routes: pattern (Go 1.22 ServeMux syntax) → handler.
	Mounts map[string]http.Handler
	// Metrics serves GET /metrics, when set.
	Metrics http.Handler
	// Instrument wraps each mounted route (request counts and latency),
	// when set.
	Instrument func(route string, h http.Handler) http.Handler
}

// NewHandler returns the server's routes, all in one place.
func NewHandler(cfg Config) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := cfg.Ready(ctx); err != nil {
			cfg.Logger.WarnContext(ctx, "not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("not ready\n"))
			return
		}
		w.Write([]byte("ready\n"))
	})
	if cfg.Metrics != nil {
		mux.Handle("GET /metrics", cfg.Metrics)
	}
	for pattern, h := range cfg.Mounts {
		if cfg.Instrument != nil {
			h = cfg.Instrument(pattern, h)
		}
		mux.Handle(pattern, h)
	}
	return withRequestID(mux)
}

// NewServer returns an http.Server with timeouts suited to webhooks.
func NewServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}
