// Command sakebot-load measures how many LINE questions per second sakebot
// answers, and how fast, next to a minimal echo bot built on the same LINE
// SDK, in the same run, so that the figure is a ratio that holds on a noisy
// machine.
//
// It starts a fake LINE Messaging API on 127.0.0.1 that records when each
// reply (or push) arrives, starts the targets (sakebot as a child process
// on a fresh PostgreSQL database; the echo bot as a child process too, this
// program run as `sakebot-load echo-serve`, so that both bots pay for the
// same process boundary), sends signed
// webhooks with FAQ questions from many users, and prints one table:
// answered questions per second, latency percentiles (webhook sent → reply
// accepted by the fake), errors and sakebot's peak RSS. Every address it
// talks to is on the loopback interface, and every loop is bounded in
// count and time.
//
// The echo-inproc target is the echo bot inside this process, for
// reference (about twice as fast as the same bot as its own process on 2
// cores). The echo-pg target is the echo bot recording each event id in
// PostgreSQL before it replies: the floor of any bot that owns an event
// durably before acking it. With --cpuprofile, the sakebot child is given
// SAKEBOT_PPROF_ADDR and its CPU profile is saved during the max run.
//
//	go run ./cmd/sakebot-load                              # --max 64 and --rate 200, 10 s each
//	go run ./cmd/sakebot-load --max 0 --rate 200           # only the open-loop run
//	go run ./cmd/sakebot-load --targets echo,echo-inproc,echo-pg,sakebot
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sakebot-load: "+err.Error())
		os.Exit(1)
	}
}

// run is the whole program; it returns errTargetsMissed under --check when
// a target was missed.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == echoServeCommand {
		return runEchoServe(ctx, args[1:], os.Stdin, stdout, stderr)
	}
	opts, err := parseOptions(args, stderr)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: opts.logLevel}))
	return runLoad(ctx, opts, stdout, log)
}
