// Package groupcommit gathers the work of concurrent callers into batches,
// so that many requests share one database transaction (group commit).
// It is generic and knows nothing of sakebot.
package groupcommit

import "sync"

// Group gathers the work of concurrent callers into batches, so that
// many webhook requests share one database transaction. There is no
// background goroutine: a caller whose work is queued takes a free slot and
// runs a batch itself, whoever's work is in it, until its own is done. Under
// light load a batch holds one caller's work and runs at once; under heavy
// load work queues while the slots are busy and the next batch takes it all.
type Group[T, R any] struct {
	max   int                 // items per batch at most
	run   func(items []T) []R // results by position
	slots chan struct{}       // batches running at most at once
	mu    sync.Mutex
	queue []*call[T, R]
}

type call[T, R any] struct {
	in    T
	out   R
	taken bool // in a batch (guarded by Group.mu)
	done  chan struct{}
}

// New returns a Group running up to slots batches of up
// to max items at once.
func New[T, R any](slots, max int, run func([]T) []R) *Group[T, R] {
	return &Group[T, R]{max: max, run: run, slots: make(chan struct{}, slots)}
}

// Do queues in and returns its result once a batch holding it has run.
func (g *Group[T, R]) Do(in T) R {
	c := &call[T, R]{in: in, done: make(chan struct{})}
	g.mu.Lock()
	g.queue = append(g.queue, c)
	g.mu.Unlock()
	for {
		select {
		case <-c.done:
			return c.out
		case g.slots <- struct{}{}:
			g.lead()
			if g.isTaken(c) { // by this batch or one still running
				<-c.done
				return c.out
			}
		}
	}
}

// lead runs a batch of what is queued in the slot the caller holds, and
// gives the slot back (even when the batch panics).
func (g *Group[T, R]) lead() {
	defer func() { <-g.slots }()
	if batch := g.take(); len(batch) > 0 {
		g.runBatch(batch)
	}
}

// Waiting is how many calls are queued, not yet in a batch.
func (g *Group[T, R]) Waiting() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}

// isTaken reports whether c is in a batch.
func (g *Group[T, R]) isTaken(c *call[T, R]) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return c.taken
}

// take removes up to max calls from the queue.
func (g *Group[T, R]) take() []*call[T, R] {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := min(len(g.queue), g.max)
	batch := g.queue[:n:n]
	g.queue = g.queue[n:]
	for _, c := range batch {
		c.taken = true
	}
	return batch
}

// runBatch runs one batch and hands every call its result. Should run
// panic, every call gets the zero result (the panic goes on), so that no
// caller waits for ever.
func (g *Group[T, R]) runBatch(batch []*call[T, R]) {
	finished := false
	defer func() {
		if !finished {
			for _, c := range batch {
				close(c.done)
			}
		}
	}()
	in := make([]T, len(batch))
	for i, c := range batch {
		in[i] = c.in
	}
	out := g.run(in)
	for i, c := range batch {
		c.out = out[i]
	}
	finished = true
	for _, c := range batch {
		close(c.done)
	}
}
