package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestEchoRun loads the echo bot (its own process, and inside this one)
// briefly in both modes: every question is answered and the table says so.
func TestEchoRun(t *testing.T) {
	var out, errs bytes.Buffer
	err := run(context.Background(), []string{"--targets", "echo,echo-inproc", "--duration", "1s", "--rate", "50", "--max", "4",
		"--warmup", "10", "--users", "20", "--log-level", "warn"}, &out, &errs)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, errs.String())
	}
	table := out.String()
	for _, want := range []string{"answered/s", "max c=4", "rate 50/s", "echo-inproc"} {
		if !strings.Contains(table, want) {
			t.Fatalf("table lacks %q:\n%s", want, table)
		}
	}
	for _, line := range strings.Split(table, "\n") {
		if f := strings.Fields(line); len(f) > 10 && strings.HasPrefix(f[0], "echo") && f[10] != "0" {
			t.Fatalf("errors in %q", line)
		}
	}
}

// TestTrackerIsLikeLINE: a reply token is taken once, a push retry key
// once, and a push answers the user's oldest open question.
func TestTrackerIsLikeLINE(t *testing.T) {
	tr := newTracker()
	q1 := &question{user: "U1", token: "t1", sentAt: time.Now()}
	q2 := &question{user: "U1", token: "t2", sentAt: time.Now()}
	tr.add(q1)
	tr.add(q2)
	if got := tr.push("U1", "k1", time.Now()); got != http.StatusOK {
		t.Fatalf("push: %d", got)
	}
	if at, push := tr.answered(q1); at.IsZero() || !push {
		t.Fatal("the push did not answer the oldest question")
	}
	if got := tr.push("U1", "k1", time.Now()); got != http.StatusConflict {
		t.Fatalf("a push with a used retry key: %d, want 409", got)
	}
	if got := tr.reply("t2", time.Now()); got != http.StatusOK {
		t.Fatalf("reply: %d", got)
	}
	if got := tr.reply("t2", time.Now()); got != http.StatusBadRequest {
		t.Fatalf("a used reply token: %d, want 400", got)
	}
	if dup, stray := tr.counts(); dup != 0 || stray != 1 {
		t.Fatalf("duplicates %d, strays %d", dup, stray)
	}
}

func TestOnlyLoopback(t *testing.T) {
	for _, bad := range [][]string{{"--fake-addr", "10.0.0.1:80"}, {"--sakebot-url", "http://example.com"},
		{"--pg-server", "postgres://u@192.168.1.1/db"}, {"--duration", "1h"}} {
		if _, err := parseOptions(bad, &bytes.Buffer{}); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	if _, err := parseOptions([]string{"--sakebot-url", "http://127.0.0.1:8080", "--fake-addr", "[::1]:0"}, &bytes.Buffer{}); err != nil {
		t.Error(err)
	}
}

// TestMain lets the test binary be the echo bot's child process too, as
// the real binary is (the "echo" target runs os.Executable()).
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == echoServeCommand {
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
		err := runEchoServe(ctx, os.Args[2:], os.Stdin, os.Stdout, os.Stderr)
		stop()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}
