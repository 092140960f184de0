package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"time"
)

// errTargetsMissed is returned under --check when a target was missed.
var errTargetsMissed = errors.New("a performance target was missed (see above)")

// target is a bot under load.
type target struct {
	name    string
	webhook string       // URL of its LINE webhook
	pid     int          // its process, when a child (or given): peak RSS and CPU
	pprof   string       // its pprof address, when it serves one
	pg      *pgSampler   // the CPU of its database's backends, if known
	stop    func() error // ends it
}

// runLoad starts the fake LINE API and the targets, runs the measured
// runs (each mode on every target in turn, so that a noisy neighbour
// hurts both alike) and prints the table.
func runLoad(ctx context.Context, o options, stdout io.Writer, log *slog.Logger) (err error) {
	tr := newTracker()
	fake, err := startFakeAPI(o.fakeAddr, o.token, tr, log)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, fake.close()) }()
	log.Info("fake LINE API is up", "url", fake.url)
	var targets []target
	defer func() {
		for _, t := range targets {
			err = errors.Join(err, t.stop())
		}
	}()
	for _, name := range o.targets {
		t, err := startTarget(ctx, o, name, fake.url, log)
		if err != nil {
			return err
		}
		targets = append(targets, t)
	}
	l := newLoader(o, tr)
	for _, t := range targets {
		if err := warmUp(ctx, l, t, o.warmup); err != nil {
			return err
		}
	}
	results := closedLoops(ctx, l, o, targets, log)
	if o.rate > 0 {
		for _, t := range targets {
			results = append(results, measure(ctx, l, o, t, fmt.Sprintf("rate %.0f/s", o.rate), false, log, func() ([]*question, int) {
				return l.openLoop(ctx, t.webhook, o.rate, o.duration)
			}))
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	met := printTable(stdout, results, o.rate)
	if dup, stray := tr.counts(); dup+stray > 0 {
		fmt.Fprintf(stdout, "answers that matched no open question: %d duplicate, %d stray\n", dup, stray)
		met = false
	}
	if o.check && !met {
		return errTargetsMissed
	}
	return nil
}

// closedLoops runs the closed-loop sweeps: in each round, every target at
// every concurrency, ascending; at each step the targets take turns in an
// order reversed from the step before, so that a drift of the machine's
// speed favours none of them. The first round's run at the highest
// concurrency is the one profiled.
func closedLoops(ctx context.Context, l *loader, o options, targets []target, log *slog.Logger) []result {
	var results []result
	step := 0
	for round := range o.rounds {
		for i, c := range o.max {
			for _, t := range turnOrder(targets, step) {
				mode := fmt.Sprintf("max c=%d", c)
				if o.rounds > 1 {
					mode += fmt.Sprintf(" #%d", round+1)
				}
				profile := round == 0 && i == len(o.max)-1
				r := measure(ctx, l, o, t, mode, profile, log, func() ([]*question, int) {
					return l.closedLoop(ctx, t.webhook, c, o.duration), 0
				})
				r.round, r.senders = round, c
				results = append(results, r)
			}
			step++
		}
	}
	return results
}

// startTarget starts (or finds) the target called name.
func startTarget(ctx context.Context, o options, name, fakeURL string, log *slog.Logger) (target, error) {
	switch {
	case name == "echo":
		c, err := startEchoChild(ctx, o, fakeURL, "")
		if err != nil {
			return target{}, err
		}
		return target{name: name, webhook: c.url + "/line/webhook", pid: c.cmd.Process.Pid, stop: c.stop}, nil
	case name == "echo-inproc":
		e, err := startEcho(o.secret, o.token, fakeURL, nil, log)
		if err != nil {
			return target{}, err
		}
		return target{name: name, webhook: e.url + "/line/webhook", stop: e.close}, nil
	case name == "echo-pg":
		return startEchoPG(ctx, o, fakeURL, log)
	case o.sakebotURL != "":
		pg := startPGSampler(o.databaseURL)
		return target{name: name, webhook: o.sakebotURL + "/line/webhook", pid: o.sakebotPID, pg: pg,
			stop: func() error { pg.stop(); return nil }}, nil
	}
	pprofAddr := ""
	if o.cpuProfile != "" {
		var err error
		if pprofAddr, err = freeLoopbackAddr(); err != nil {
			return target{}, err
		}
		o.sakebotEnv = append(o.sakebotEnv, "SAKEBOT_PPROF_ADDR="+pprofAddr)
	}
	c, err := startSakebot(ctx, o, fakeURL, log)
	if err != nil {
		return target{}, err
	}
	pg := startPGSampler(c.dbURL)
	return target{name: name, webhook: c.url + "/line/webhook", pid: c.pid(), pprof: pprofAddr, pg: pg,
		stop: func() error { pg.stop(); return c.stop() }}, nil
}

// warmUp sends n unmeasured questions to t (eight at a time) and checks
// that they are answered: a target that cannot answer is not measured.
func warmUp(ctx context.Context, l *loader, t target, n int) error {
	if n == 0 {
		return nil
	}
	qs, _ := l.openLoop(ctx, t.webhook, 200, time.Duration(float64(n)/200*float64(time.Second)))
	l.waitAll(ctx, qs)
	for _, q := range qs {
		if q.status != http.StatusOK {
			return fmt.Errorf("%s: warm-up webhook answered %d", t.name, q.status)
		}
		if at, _ := l.tr.answered(q); at.IsZero() {
			return fmt.Errorf("%s: a warm-up question was not answered within %s", t.name, l.answerTimeout)
		}
	}
	return ctx.Err()
}

// turnOrder is the order in which the targets run at a step of the
// sweeps: as given at even steps, reversed at odd ones, so that a drift of
// the machine's speed over the measurement favours no target.
func turnOrder(targets []target, step int) []target {
	order := slices.Clone(targets)
	if step%2 == 1 {
		slices.Reverse(order)
	}
	return order
}

// measure runs one measured run on t and summarizes it, with the CPU
// spent by the target, PostgreSQL and this process; with profile, the CPU
// profile asked for is fetched during the run.
func measure(ctx context.Context, l *loader, o options, t target, mode string, profile bool, log *slog.Logger,
	load func() ([]*question, int)) result {
	log.Info("measuring", "target", t.name, "run", mode, "duration", o.duration)
	cpu0 := cpuSnapshot(ctx, t)
	var profiled chan error
	if profile && t.pprof != "" && o.cpuProfile != "" {
		profiled = make(chan error, 1)
		go func() { profiled <- fetchProfile(ctx, t.pprof, o.duration, o.cpuProfile) }()
	}
	start := time.Now()
	qs, dropped := load()
	l.waitAll(ctx, qs)
	r := summarize(t.name, mode, start, o.duration, qs, dropped, l.tr, o.answerTimeout)
	r.cpu = cpuSnapshot(ctx, t).since(cpu0)
	if t.pid > 0 {
		r.rss = peakRSS(t.pid)
	}
	if profiled != nil {
		if err := <-profiled; err != nil {
			log.Warn("no CPU profile", "err", err)
		} else {
			log.Info("wrote sakebot's CPU profile", "file", o.cpuProfile)
		}
	}
	return r
}

// cpuSnapshot reads the CPU times a run is charged with.
func cpuSnapshot(ctx context.Context, t target) cpuUse {
	c := cpuUse{tool: selfCPU()}
	if t.pid > 0 {
		c.target, c.measured = procCPU(t.pid), true
	}
	c.postgres = t.pg.total(ctx)
	return c
}

// since is the CPU time spent from before to c.
func (c cpuUse) since(before cpuUse) cpuUse {
	return cpuUse{target: c.target - before.target, postgres: c.postgres - before.postgres, tool: c.tool - before.tool,
		measured: c.measured}
}

// fetchProfile saves a CPU profile of d from the pprof server at addr.
func fetchProfile(ctx context.Context, addr string, d time.Duration, file string) error {
	secs := max(int(d.Seconds()), 1)
	hc := &http.Client{Timeout: d + 30*time.Second}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, secs), nil)
	if err != nil {
		return err
	}
	res, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("pprof answered %s", res.Status)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, res.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// startEchoPG starts the echo bot over a fresh database of its own on
// --pg-server, dropped when it stops.
func startEchoPG(ctx context.Context, o options, fakeURL string, log *slog.Logger) (target, error) {
	dbURL, drop, err := createDatabase(ctx, o.pgServer)
	if err != nil {
		return target{}, err
	}
	c, err := startEchoChild(ctx, o, fakeURL, dbURL)
	if err != nil {
		return target{}, errors.Join(err, drop())
	}
	pg := startPGSampler(dbURL)
	return target{name: "echo-pg", webhook: c.url + "/line/webhook", pid: c.cmd.Process.Pid, pg: pg,
		stop: func() error { pg.stop(); return errors.Join(c.stop(), drop()) }}, nil
}
