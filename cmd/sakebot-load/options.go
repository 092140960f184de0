package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"
)

// options are the command's flags.
type options struct {
	targets       []string      // "echo", "sakebot", in the order they run
	rate          float64       // open-loop questions per second; 0 skips
	max           []int         // closed-loop runs: their concurrent senders, ascending; empty skips
	rounds        int           // closed-loop sweeps per target, alternating the targets' order
	duration      time.Duration // of each measured run
	warmup        int           // unmeasured questions sent to each target first
	users         int           // distinct LINE users
	answerTimeout time.Duration // a question unanswered after this is an error
	maxInFlight   int           // open loop: webhooks in flight at most (beyond: dropped, an error)
	sakebotBin    string        // a built sakebot; empty: go build
	sakebotURL    string        // a running sakebot to drive instead of starting one
	sakebotPID    int           // its process id, for the peak RSS
	databaseURL   string        // sakebot's DATABASE_URL; empty: a fresh database on pgServer
	pgServer      string        // where the fresh database is created (and dropped)
	sakebotEnv    []string      // extra KEY=VALUE for the sakebot child
	sakebotLog    string        // where the child's log goes; empty: a temporary file
	fakeAddr      string        // the fake LINE API's address
	secret        string        // LINE channel secret
	token         string        // LINE channel access token
	cpuProfile    string        // fetch a sakebot CPU profile during its max run (needs SAKEBOT_PPROF_ADDR wired)
	check         bool          // exit non-zero when a target is missed
	logLevel      slog.Level
}

// Loopback-only defaults.
const (
	defaultPGServer = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	defaultSecret   = "load-test-channel-secret"
	defaultToken    = "load-test-access-token"
)

// parseOptions reads the flags; flag.ErrHelp after --help.
func parseOptions(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("sakebot-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	targets := fs.String("targets", "echo,sakebot", "comma-separated targets to load, in order: echo (the SDK echo bot, a process of its own as sakebot is), echo-inproc (the same inside this process), echo-pg (the echo process recording each event id in PostgreSQL before replying), sakebot")
	fs.Float64Var(&o.rate, "rate", 200, "open-loop run: questions per second (0 skips it)")
	maxList := fs.String("max", "64,128,256,512", "closed-loop max-throughput runs: their concurrent senders (each waiting for its answer), comma-separated; a target's max throughput is its best run (0 skips them)")
	fs.IntVar(&o.rounds, "rounds", 3, "closed-loop sweeps per target; the targets take turns (reversing their order every run) and the ratio is the median of the rounds' ratios of best runs, so that a machine whose speed drifts during the measurement favours neither")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "length of each measured run (at most 5m)")
	fs.IntVar(&o.warmup, "warmup", 200, "unmeasured questions sent to each target before measuring")
	fs.IntVar(&o.users, "users", 20000, "distinct LINE users asking (enough that none nears sakebot's per-user rate limit)")
	fs.DurationVar(&o.answerTimeout, "answer-timeout", 10*time.Second, "a question not answered within this is counted unanswered")
	fs.IntVar(&o.maxInFlight, "max-in-flight", 2000, "open loop: webhooks in flight at most; beyond it a question is dropped (an error)")
	fs.StringVar(&o.sakebotBin, "sakebot-bin", "", "sakebot binary to start (default: go build ./cmd/sakebot into a temporary directory)")
	fs.StringVar(&o.sakebotURL, "sakebot-url", "", "drive an already running sakebot at this loopback base URL instead of starting one (its LINE_API_BASE_URL must be --fake-addr)")
	fs.IntVar(&o.sakebotPID, "sakebot-pid", 0, "with --sakebot-url: its process id, for the peak RSS")
	fs.StringVar(&o.databaseURL, "database-url", "", "DATABASE_URL for the sakebot child (default: a fresh database created on --pg-server and dropped at the end)")
	fs.StringVar(&o.pgServer, "pg-server", defaultPGServer, "PostgreSQL server on which the fresh database is created")
	env := fs.String("sakebot-env", "", "extra environment for the sakebot child, comma-separated KEY=VALUE")
	fs.StringVar(&o.sakebotLog, "sakebot-log", "", "file for the sakebot child's log (default: a temporary file, removed unless the child fails)")
	fs.StringVar(&o.fakeAddr, "fake-addr", "127.0.0.1:0", "listen address of the fake LINE API (loopback)")
	fs.StringVar(&o.secret, "secret", defaultSecret, "LINE channel secret the webhooks are signed with")
	fs.StringVar(&o.token, "token", defaultToken, "LINE channel access token")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of sakebot during its max run to this file (the child must serve pprof on SAKEBOT_PPROF_ADDR)")
	fs.BoolVar(&o.check, "check", false, "exit non-zero when a target (ratio ≥ 0.5, p99 ≤ 100 ms at the rate, no error) is missed")
	level := fs.String("log-level", "info", "debug, info, warn or error")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: sakebot-load [FLAGS]\n\nLoads sakebot and an echo bot built on the same LINE SDK with signed webhooks\nagainst a fake LINE API, and prints answered questions/s and latencies.\n\nFlags:")
		fs.PrintDefaults()
	}
	err := fs.Parse(args)
	if err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err = o.logLevel.UnmarshalText([]byte(*level)); err != nil {
		return o, fmt.Errorf("--log-level: %w", err)
	}
	for _, t := range strings.Split(*targets, ",") {
		switch t = strings.TrimSpace(t); t {
		case "echo", "echo-inproc", "echo-pg", "sakebot":
			o.targets = append(o.targets, t)
		case "":
		default:
			return o, fmt.Errorf("--targets: unknown target %q (echo, echo-inproc, echo-pg, sakebot)", t)
		}
	}
	if o.max, err = parseLevels(*maxList); err != nil {
		return o, fmt.Errorf("--max: %w", err)
	}
	for _, kv := range strings.Split(*env, ",") {
		if kv = strings.TrimSpace(kv); kv != "" {
			if !strings.Contains(kv, "=") {
				return o, fmt.Errorf("--sakebot-env: %q is not KEY=VALUE", kv)
			}
			o.sakebotEnv = append(o.sakebotEnv, kv)
		}
	}
	return o, o.validate()
}

// validate keeps every run bounded and on loopback.
func (o options) validate() error {
	switch {
	case len(o.targets) == 0:
		return errors.New("--targets: nothing to load")
	case o.rate < 0 || o.rate > 20000:
		return errors.New("--rate must be between 0 and 20000")
	case len(o.max) > 0 && (o.max[0] < 1 || o.max[len(o.max)-1] > 1000):
		return errors.New("--max: concurrent senders must be between 1 and 1000")
	case o.rounds < 1 || o.rounds > 20:
		return errors.New("--rounds must be between 1 and 20")
	case o.rate == 0 && len(o.max) == 0:
		return errors.New("--rate and --max are both 0: nothing to run")
	case o.duration <= 0 || o.duration > 5*time.Minute:
		return errors.New("--duration must be more than 0 and at most 5m")
	case o.warmup < 0 || o.warmup > 10000:
		return errors.New("--warmup must be between 0 and 10000")
	case o.users < 1 || o.users > 1000000:
		return errors.New("--users must be between 1 and 1000000")
	case o.answerTimeout <= 0 || o.answerTimeout > 2*time.Minute:
		return errors.New("--answer-timeout must be more than 0 and at most 2m")
	case o.maxInFlight < 1:
		return errors.New("--max-in-flight must be at least 1")
	case o.sakebotPID != 0 && o.sakebotURL == "":
		return errors.New("--sakebot-pid goes with --sakebot-url")
	}
	if err := requireLoopbackAddr(o.fakeAddr); err != nil {
		return fmt.Errorf("--fake-addr: %w", err)
	}
	if o.sakebotURL != "" {
		if err := requireLoopbackURL(o.sakebotURL); err != nil {
			return fmt.Errorf("--sakebot-url: %w", err)
		}
	}
	for _, u := range []string{o.databaseURL, o.pgServer} {
		if u != "" {
			if err := requireLoopbackURL(u); err != nil {
				return fmt.Errorf("database: %w", err)
			}
		}
	}
	return nil
}

// parseLevels reads a comma-separated list of concurrencies, sorted and
// without repeats; "0" (alone) is none.
func parseLevels(list string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(list, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number of senders", f)
		}
		if n != 0 {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}
