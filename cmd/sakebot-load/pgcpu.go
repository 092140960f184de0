package main

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// pgSampler follows the CPU time of the PostgreSQL backends serving one
// database (found by their process title), sampling often enough to keep
// the time of backends that exit during a run (a pool closing idle
// connections). Other databases on the same server are not counted.
type pgSampler struct {
	db   string
	mu   sync.Mutex
	seen map[int]time.Duration // by backend pid: the latest CPU time read
	done chan struct{}
	wg   sync.WaitGroup
}

// startPGSampler samples the backends of the database in databaseURL every
// 100 ms until stop; nil when the URL names no database.
func startPGSampler(databaseURL string) *pgSampler {
	u, err := url.Parse(databaseURL)
	db := strings.TrimPrefix(u.Path, "/")
	if err != nil || db == "" {
		return nil
	}
	s := &pgSampler{db: db, seen: map[int]time.Duration{}, done: make(chan struct{})}
	s.sample()
	s.wg.Go(func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.done:
				return
			case <-t.C:
				s.sample()
			}
		}
	})
	return s
}

// sample reads every backend of the database once.
func (s *pgSampler) sample() {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	needle := []byte(" " + s.db + " ")
	for _, dir := range dirs {
		own, _, comm, ok := statCPU(dir + "/stat")
		if !ok || comm != "postgres" {
			continue
		}
		title, err := os.ReadFile(dir + "/cmdline")
		if err != nil || !bytes.Contains(title, needle) {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(dir))
		s.mu.Lock()
		s.seen[pid] = max(s.seen[pid], own)
		s.mu.Unlock()
	}
}

// total is the CPU time of every backend seen so far, after a fresh sample.
func (s *pgSampler) total(ctx context.Context) time.Duration {
	if s == nil || ctx.Err() != nil {
		return 0
	}
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	var sum time.Duration
	for _, d := range s.seen {
		sum += d
	}
	return sum
}

// stop ends the sampling.
func (s *pgSampler) stop() {
	if s != nil {
		close(s.done)
		s.wg.Wait()
	}
}
