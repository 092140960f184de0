package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
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
	err := run(context.Background(), []string{"--targets", "echo,echo-inproc", "--duration", "1s", "--rate", "50", "--max", "4", "--rounds", "2",
		"--warmup", "10", "--users", "20", "--log-level", "warn"}, &out, &errs)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, errs.String())
	}
	table := out.String()
	for _, want := range []string{"answered/s", "max c=4 #1", "max c=4 #2", "rate 50/s", "echo-inproc"} {
		if !strings.Contains(table, want) {
			t.Fatalf("table lacks %q:\n%s", want, table)
		}
	}
	for _, line := range strings.Split(table, "\n") {
		// errors is the fifth column from the end (then the kinds, push, CPU, RSS).
		if f := strings.Fields(line); len(f) > 10 && strings.HasPrefix(f[0], "echo") && f[len(f)-5] != "0" {
			t.Fatalf("errors in %q", line)
		}
	}
}

// The ratio is the median of the rounds' ratios, each round pairing the
// targets' runs of that round; the targets take turns.
func TestRatioIsTheMedianOfRounds(t *testing.T) {
	run := func(target string, round, answered int) result {
		return result{target: target, mode: "max c=64", round: round, answered: answered, elapsed: time.Second}
	}
	results := []result{run("echo", 0, 1000), run("sakebot", 0, 400), run("sakebot", 1, 600), run("echo", 1, 1000),
		run("echo", 2, 500), run("sakebot", 2, 450), {target: "sakebot", mode: "rate 200/s", answered: 9, elapsed: time.Second}}
	rs := maxRatios(results, "sakebot", "echo")
	if fmt.Sprint(rs) != "[0.4 0.6 0.9]" {
		t.Fatalf("ratios %v, want [0.4 0.6 0.9]", rs)
	}
	if m := median(rs); m != 0.6 {
		t.Errorf("median %v, want 0.6", m)
	}
	if m := median([]float64{0.5, 0.3, 0.4, 0.6}); m != 0.45 {
		t.Errorf("median of four %v, want 0.45", m)
	}
	var out bytes.Buffer
	printVerdicts(&out, results, 200)
	if !strings.Contains(out.String(), "sakebot/echo: 0.60, the median of 3 rounds (0.40, 0.60, 0.90) (target ≥ 0.50: met)") {
		t.Errorf("verdicts:\n%s", out.String())
	}
	targets := []target{{name: "echo"}, {name: "sakebot"}}
	if a, b := turnOrder(targets, 0), turnOrder(targets, 1); a[0].name != "echo" || b[0].name != "sakebot" || targets[0].name != "echo" {
		t.Errorf("turn orders %v, %v", a, b)
	}
}

// Max throughput is each target's best run of a round, whatever its
// concurrency: the echo bot may peak with fewer senders than sakebot. The
// ratios at equal concurrency are printed too.
func TestRatioIsOfEachTargetsBestRun(t *testing.T) {
	run := func(target string, round, senders, answered int) result {
		return result{target: target, mode: fmt.Sprintf("max c=%d #%d", senders, round+1), round: round, senders: senders,
			answered: answered, elapsed: time.Second}
	}
	var results []result
	for round := range 3 {
		results = append(results,
			run("echo", round, 64, 7000), run("sakebot", round, 64, 2800),
			run("echo", round, 128, 8000+100*round), run("sakebot", round, 128, 3600),
			run("echo", round, 256, 7000), run("sakebot", round, 256, 4000+400*round))
	}
	rs := maxRatios(results, "sakebot", "echo")
	if fmt.Sprintf("%.3f", rs) != "[0.500 0.543 0.585]" {
		t.Fatalf("ratios %.3f, want each round's 4000+400r / 8000+100r", rs)
	}
	var out bytes.Buffer
	printVerdicts(&out, results, 0)
	for _, want := range []string{
		"sakebot/echo: 0.54, the median of 3 rounds (0.50, 0.54, 0.59) (target ≥ 0.50: met)",
		"best runs: echo 8000/s at c=128, 8100/s at c=128, 8200/s at c=128; sakebot 4000/s at c=256, 4400/s at c=256, 4800/s at c=256",
		"at equal concurrency (median of rounds): c=64 0.40, c=128 0.44, c=256 0.63",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("verdicts lack %q:\n%s", want, out.String())
		}
	}
}

func TestMaxLevels(t *testing.T) {
	for in, want := range map[string]string{"64,128,256,512": "[64 128 256 512]", "256, 64,64": "[64 256]", "0": "[]", "": "[]"} {
		got, err := parseLevels(in)
		if err != nil || fmt.Sprint(got) != want {
			t.Errorf("parseLevels(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"x", "64,-1", "2000"} {
		if _, err := parseOptions([]string{"--max", in}, io.Discard); err == nil {
			t.Errorf("--max %q accepted", in)
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
