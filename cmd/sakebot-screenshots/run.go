package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/store"
)

// password is the staff password of the page being photographed.
const password = "screenshot-password"

// jst is Japan's time zone, in which the page shows dates.
var jst = time.FixedZone("JST", 9*60*60)

// today is the date the pictures are taken on, fixed so that taking them
// again changes only what the page changed.
var today = time.Date(2026, time.November, 24, 14, 0, 0, 0, jst)

// run seeds a temporary database, serves the admin page and the web chat
// over it and photographs them.
func run(ctx context.Context, o options) error {
	if _, err := os.Stat(o.chromium); err != nil {
		return fmt.Errorf("no Chromium at %s (install Debian's chromium package, or use -chromium): %w", o.chromium, err)
	}
	if err := japaneseFont(); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "sakebot-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	clk := newClock(today)
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "sakebot.db"), clk.Now)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		return err
	}
	if _, err := s.SeedFAQs(ctx, faqfile.Default()); err != nil {
		return err
	}
	if _, err := s.SeedConcepts(ctx, faqfile.DefaultConcepts()); err != nil {
		return err
	}
	if err := seed(ctx, s, clk); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	base, stop, err := serve(ctx, s, clk)
	if err != nil {
		return err
	}
	defer stop()
	if err := shoot(ctx, o, base, dir); err != nil {
		return err
	}
	return shootWebChat(ctx, o, base, dir)
}

// japaneseFont fails when fontconfig knows no Japanese font: Chromium
// would draw every Japanese character as a box. Without fc-list it cannot
// tell, and says nothing.
func japaneseFont() error {
	out, err := exec.Command("fc-list", ":lang=ja", "family").Output()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		return nil
	}
	return errors.New("no Japanese font: install one first (Debian: apt-get install fonts-noto-cjk)")
}

// serve serves the admin page and the web chat over s on a free local
// port, wired as `sakebot serve` wires them, with the worker that answers
// the chat running, and returns its address and how to stop it all.
func serve(ctx context.Context, s *store.Store, clk *clock) (string, func(), error) {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	eng := bot.NewEngine(bot.Config{Store: s, Now: clk.Now})
	h, err := admin.New(admin.Config{Password: password, Store: s, Desk: eng, Answerer: eng.Answerer(),
		Logger: log, Now: clk.Now})
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", h)
	work, err := mountWebChat(ctx, mux, s, eng, clk, log)
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintln(os.Stderr, "sakebot-screenshots: serve:", err)
		}
	}()
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() { defer close(done); work(workCtx) }()
	return "http://" + ln.Addr().String(), func() {
		srv.Close()
		stopWork()
		<-done
	}, nil
}
