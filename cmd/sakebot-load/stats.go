package main

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// result is what one measured run of one target gave.
type result struct {
	target, mode string
	round        int // of the closed-loop runs, from 0
	senders      int // of a closed-loop run: concurrent senders
	sent         int // webhooks sent
	non200       int // webhooks answered otherwise than 200, or not at all
	dropped      int // open loop: questions not sent (too many in flight)
	answered     int // acked questions whose answer reached the fake in time
	unanswered   int // acked questions not answered within the answer timeout
	viaPush      int // answers that came as a push, not a reply
	elapsed      time.Duration
	latencies    []time.Duration // sorted
	rss          int64           // the target's peak RSS so far (0: not measured)
	cpu          cpuUse
}

// cpuUse is the CPU time spent during a run, by whom.
type cpuUse struct {
	target, postgres, tool time.Duration
	measured               bool // target and postgres are known (a child process)
}

// summarize builds the result of a run that started at start and was
// meant to last d; an answer later than timeout counts as none.
func summarize(target, mode string, start time.Time, d time.Duration, qs []*question, dropped int, tr *tracker, timeout time.Duration) result {
	r := result{target: target, mode: mode, sent: len(qs), dropped: dropped}
	end := start.Add(d)
	for _, q := range qs {
		if q.status != http.StatusOK {
			r.non200++
			continue
		}
		at, push := tr.answered(q)
		if at.IsZero() || at.Sub(q.sentAt) > timeout {
			r.unanswered++
			continue
		}
		r.answered++
		if push {
			r.viaPush++
		}
		r.latencies = append(r.latencies, at.Sub(q.sentAt))
		if at.After(end) {
			end = at
		}
	}
	slices.Sort(r.latencies)
	r.elapsed = end.Sub(start)
	return r
}

// closedLoop reports whether r is a closed-loop (max throughput) run.
func (r result) closedLoop() bool { return strings.HasPrefix(r.mode, "max") }

// errors counts every way a question failed.
func (r result) errors() int { return r.non200 + r.dropped + r.unanswered }

// rate is answered questions per second over the run (until the last
// answer, if that came after the run's end).
func (r result) rate() float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return float64(r.answered) / r.elapsed.Seconds()
}

// percentile returns the p-th percentile latency (nearest rank).
func (r result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(float64(len(r.latencies))*p/100+0.5) - 1
	return r.latencies[min(max(i, 0), len(r.latencies)-1)]
}

// printTable writes the results as one table, then the ratios and the
// targets' verdicts; it reports whether every target was met.
func printTable(w io.Writer, results []result, rate float64) bool {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "target\trun\tsent\tanswered\tanswered/s\tp50 ms\tp90 ms\tp99 ms\tmax ms\terrors\t(non-200/dropped/unanswered)\tpush\tCPU ms/q bot+pg+load\tpeak RSS MiB\t")
	for _, r := range results {
		cpu := "-"
		if r.answered > 0 {
			per := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(r.answered) }
			switch {
			case r.cpu.measured:
				cpu = fmt.Sprintf("%.2f+%.2f+%.2f", per(r.cpu.target), per(r.cpu.postgres), per(r.cpu.tool))
			case r.cpu.postgres > 0:
				cpu = fmt.Sprintf("(in load)+%.2f+%.2f", per(r.cpu.postgres), per(r.cpu.tool))
			default:
				cpu = fmt.Sprintf("(in load) %.2f", per(r.cpu.tool))
			}
		}
		rss := "-"
		if r.rss > 0 {
			rss = fmt.Sprintf("%.0f", float64(r.rss)/(1<<20))
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.0f\t%s\t%s\t%s\t%s\t%d\t(%d/%d/%d)\t%d\t%s\t%s\t\n",
			r.target, r.mode, r.sent, r.answered, r.rate(), ms(r.percentile(50)), ms(r.percentile(90)),
			ms(r.percentile(99)), ms(r.percentile(100)), r.errors(), r.non200, r.dropped, r.unanswered, r.viaPush, cpu, rss)
	}
	tw.Flush()
	return printVerdicts(w, results, rate)
}

// printVerdicts prints the sakebot/echo ratios and checks the targets:
// max throughput at least half the echo bot's, and at the open-loop rate a
// p99 of at most 100 ms with no error.
func printVerdicts(w io.Writer, results []result, rate float64) bool {
	find := func(target, prefix string) (result, bool) {
		for _, r := range results {
			if r.target == target && strings.HasPrefix(r.mode, prefix) {
				return r, true
			}
		}
		return result{}, false
	}
	ok := true
	verdict := func(pass bool) string {
		if !pass {
			ok = false
			return "MISSED"
		}
		return "met"
	}
	fmt.Fprintln(w)
	if rs := maxRatios(results, "sakebot", "echo"); len(rs) > 0 {
		m := median(rs)
		fmt.Fprintf(w, "max throughput ratio sakebot/echo: %.2f%s (target ≥ 0.50: %s)\n", m, roundsNote(rs), verdict(m >= 0.5))
		fmt.Fprintf(w, "  best runs: echo %s; sakebot %s\n", strings.Join(bestLevels(results, "echo"), ", "),
			strings.Join(bestLevels(results, "sakebot"), ", "))
		if lr := levelRatios(results, "sakebot", "echo"); len(lr) > 1 {
			fmt.Fprintf(w, "  at equal concurrency (median of rounds): %s\n", strings.Join(lr, ", "))
		}
	}
	for _, ref := range []struct{ name, what string }{
		{"echo-inproc", "the echo bot inside this process"},
		{"echo-pg", "the echo bot storing each event id in PostgreSQL"},
	} {
		if rs := maxRatios(results, "sakebot", ref.name); len(rs) > 0 {
			fmt.Fprintf(w, "for reference, sakebot/%s (%s): %.2f%s\n", ref.name, ref.what, median(rs), roundsNote(rs))
		}
	}
	if s, ok := find("sakebot", "rate"); ok {
		line := fmt.Sprintf("sakebot at %.0f questions/s: p99 %s ms, %d errors (target p99 ≤ 100 ms, no error: %s)",
			rate, ms(s.percentile(99)), s.errors(), verdict(s.errors() == 0 && s.percentile(99) <= 100*time.Millisecond && s.answered > 0))
		if e, eok := find("echo", "rate"); eok && e.percentile(99) > 0 {
			line += fmt.Sprintf("; echo p99 %s ms", ms(e.percentile(99)))
		}
		fmt.Fprintln(w, line)
	}
	return ok
}

// maxRatios returns, round by round, target a's max throughput over target
// b's: each target's best closed-loop run of the round, whatever its
// concurrency.
func maxRatios(results []result, a, b string) []float64 {
	var out []float64
	for round := 0; ; round++ {
		ra, aok := bestRun(results, a, round)
		rb, bok := bestRun(results, b, round)
		if !aok || !bok {
			return out
		}
		if rb.rate() > 0 {
			out = append(out, ra.rate()/rb.rate())
		}
	}
}

// bestRun finds target's closed-loop run of a round that answered the
// most questions per second.
func bestRun(results []result, target string, round int) (result, bool) {
	var best result
	found := false
	for _, r := range results {
		if r.target == target && r.round == round && r.closedLoop() && (!found || r.rate() > best.rate()) {
			best, found = r, true
		}
	}
	return best, found
}

// levelRatios returns, for each concurrency of the closed-loop runs, the
// median over the rounds of target a's answered/s over target b's at that
// concurrency, as "c=64 0.42" items.
func levelRatios(results []result, a, b string) []string {
	var levels []int
	for _, r := range results {
		if r.closedLoop() && !slices.Contains(levels, r.senders) {
			levels = append(levels, r.senders)
		}
	}
	var out []string
	for _, c := range levels {
		var rs []float64
		for _, ra := range results {
			if ra.target != a || ra.senders != c || !ra.closedLoop() {
				continue
			}
			for _, rb := range results {
				if rb.target == b && rb.senders == c && rb.round == ra.round && rb.closedLoop() && rb.rate() > 0 {
					rs = append(rs, ra.rate()/rb.rate())
				}
			}
		}
		if len(rs) > 0 {
			out = append(out, fmt.Sprintf("c=%d %.2f", c, median(rs)))
		}
	}
	return out
}

// bestLevels describes where target's best runs were, round by round, as
// "8239/s at c=128" items.
func bestLevels(results []result, target string) []string {
	var out []string
	for round := 0; ; round++ {
		r, ok := bestRun(results, target, round)
		if !ok {
			return out
		}
		out = append(out, fmt.Sprintf("%.0f/s at c=%d", r.rate(), r.senders))
	}
}

// median is the middle of xs (the mean of the two middle ones for an even
// count).
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// roundsNote lists the rounds' ratios when there were several.
func roundsNote(rs []float64) string {
	if len(rs) < 2 {
		return ""
	}
	each := make([]string, len(rs))
	for i, r := range rs {
		each[i] = fmt.Sprintf("%.2f", r)
	}
	return fmt.Sprintf(", the median of %d rounds (%s)", len(rs), strings.Join(each, ", "))
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond))
}
