package storetest

import (
	"fmt"
	"os"
	"sync"
	"testing"
	"time"
)

// EnvClockShift moves the tests' clock away from today: a Go duration such
// as 8760h or -8760h. CI runs the time-based tests with a year ahead and a
// year back, so a test that reads the wall clock anywhere (a time bomb)
// fails at once instead of on some later day.
const EnvClockShift = "SAKEBOT_TEST_CLOCK_SHIFT"

// Clock is the one settable clock of a test: pass Clock.Now to the store,
// the engine and the worker, and move it with Advance or Set. A stopped
// clock reads the same until moved; a running one goes on with real time
// from where it was put (for tests whose workers wait for backoffs).
type Clock struct {
	mu      sync.Mutex
	t       time.Time
	running bool
	setAt   time.Time // the wall time (monotonic) when t was set, for a running clock
}

// NewClock returns a stopped clock at Start.
func NewClock(t testing.TB) *Clock {
	t.Helper()
	start, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	return &Clock{t: start}
}

// NewRunningClock returns a clock that starts at Start and runs with real
// time.
func NewRunningClock(t testing.TB) *Clock {
	t.Helper()
	c := NewClock(t)
	c.running, c.setAt = true, time.Now()
	return c
}

// began is when this test binary started, on the monotonic clock.
var began = time.Now()

// Now is a running clock for tests that need no control over time: it
// starts at Start when the test binary starts and runs with real time. It
// panics on a malformed SAKEBOT_TEST_CLOCK_SHIFT.
func Now() time.Time {
	start, err := Start()
	if err != nil {
		panic(err)
	}
	return start.Add(time.Since(began))
}

// shift reads SAKEBOT_TEST_CLOCK_SHIFT.
func shift() (time.Duration, error) {
	v := os.Getenv(EnvClockShift)
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("%s must be a Go duration such as 8760h or -8760h, got %q", EnvClockShift, v)
	}
	return d, nil
}

// base is where test clocks start unless moved: a Monday at 19:00 in Japan.
// Test data (graduation years, say) is written relative to it, so tests
// mean the same on any day they run.
var base = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// Start is where a test clock starts: base, moved by
// SAKEBOT_TEST_CLOCK_SHIFT when it is set.
func Start() (time.Time, error) {
	d, err := shift()
	if err != nil {
		return time.Time{}, err
	}
	return base.Add(d), nil
}

// Now reads the clock.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.running {
		return c.t.Add(time.Since(c.setAt))
	}
	return c.t
}

// Advance moves the clock by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// Set puts the clock at t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t, c.setAt = t, time.Now()
	c.mu.Unlock()
}
