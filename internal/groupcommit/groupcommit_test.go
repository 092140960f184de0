package groupcommit

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGroupCommitBatchesConcurrentCalls(t *testing.T) {
	var running, most, batches, biggest atomic.Int32
	g := New(2, 8, func(in []int) []int {
		n := running.Add(1)
		defer running.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		for b := biggest.Load(); int32(len(in)) > b && !biggest.CompareAndSwap(b, int32(len(in))); b = biggest.Load() {
		}
		batches.Add(1)
		time.Sleep(2 * time.Millisecond) // a transaction
		out := make([]int, len(in))
		for i, v := range in {
			out[i] = v * v
		}
		return out
	})
	const calls = 200
	var wg sync.WaitGroup
	for i := range calls {
		wg.Go(func() {
			if got := g.Do(i); got != i*i {
				t.Errorf("do(%d) = %d", i, got)
			}
		})
	}
	wg.Wait()
	switch {
	case most.Load() > 2:
		t.Errorf("%d batches ran at once, want at most 2", most.Load())
	case biggest.Load() > 8:
		t.Errorf("a batch of %d, want at most 8", biggest.Load())
	case batches.Load() >= calls:
		t.Errorf("%d batches for %d concurrent calls: nothing was grouped", batches.Load(), calls)
	}
	t.Logf("%d calls in %d batches", calls, batches.Load())
}

func TestGroupCommitReleasesCallersWhenABatchPanics(t *testing.T) {
	var calls atomic.Int32
	g := New(1, 4, func(in []int) []error {
		if calls.Add(1) == 1 {
			panic("boom")
		}
		return make([]error, len(in))
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { _ = recover() }()
		g.Do(1)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a panicking batch left its caller waiting")
	}
	// The slot was given back: the next batch runs.
	next := make(chan error)
	go func() { next <- g.Do(2) }()
	select {
	case err := <-next:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the slot of the panicking batch was not given back")
	}
}
