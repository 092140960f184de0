package main

import (
	"sync"
	"time"
)

// clock is the one clock of the store, the engine and the page: it runs
// with real time from where it was set, so the seeding can date what it
// writes in the past.
type clock struct {
	mu    sync.Mutex
	at    time.Time // what the clock read when set
	setAt time.Time // the wall time it was set at (monotonic)
}

// newClock returns a clock running from at.
func newClock(at time.Time) *clock { return &clock{at: at, setAt: time.Now()} }

// Now is the time on the clock.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at.Add(time.Since(c.setAt))
}

// Set puts the clock at t; it runs on from there.
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at, c.setAt = t, time.Now()
}
