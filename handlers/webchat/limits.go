package webchat

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rates of the send endpoint. A visitor types at most a few messages a
// minute; an address may stand for a whole campus behind one NAT. The
// worker's per-user rate limit applies on top, to every channel.
const (
	visitorRate  = rate.Limit(30.0 / 60) // 30 a minute…
	visitorBurst = 20                    // …after a burst of 20 (a form's choices can be tapped quickly)
	addrRate     = rate.Limit(120.0 / 60)
	addrBurst    = 60
	limiterIdle  = 10 * time.Minute // a limiter unused this long is forgotten
)

// limits holds the token buckets of the send endpoint, per visitor and
// per client address. They live in this process: with several replicas a
// client gets each replica's allowance, which bounds it all the same.
type limits struct {
	mu       sync.Mutex
	visitors map[string]*entry
	addrs    map[string]*entry
	swept    time.Time
}

type entry struct {
	lim  *rate.Limiter
	used time.Time
}

func newLimits() *limits {
	return &limits{visitors: map[string]*entry{}, addrs: map[string]*entry{}}
}

// allow takes a token for the visitor and one for the address, reporting
// false (taking nothing) when either has none left.
func (l *limits) allow(visitor, addr string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	v := l.get(l.visitors, visitor, visitorRate, visitorBurst, now)
	a := l.get(l.addrs, addr, addrRate, addrBurst, now)
	if v.TokensAt(now) < 1 || a.TokensAt(now) < 1 {
		return false
	}
	v.AllowN(now, 1)
	a.AllowN(now, 1)
	return true
}

func (l *limits) get(m map[string]*entry, k string, r rate.Limit, b int, now time.Time) *rate.Limiter {
	e := m[k]
	if e == nil {
		e = &entry{lim: rate.NewLimiter(r, b)}
		m[k] = e
	}
	e.used = now
	return e.lim
}

// sweep forgets idle limiters (a full bucket again), at most once a minute.
func (l *limits) sweep(now time.Time) {
	if now.Sub(l.swept) < time.Minute {
		return
	}
	l.swept = now
	for _, m := range []map[string]*entry{l.visitors, l.addrs} {
		for k, e := range m {
			if now.Sub(e.used) > limiterIdle {
				delete(m, k)
			}
		}
	}
}

// Open streams allowed at once.
const (
	streamsPerVisitor = 8  // tabs of one browser
	streamsPerAddr    = 64 // a campus behind one address
)

// streamCounts counts open streams per visitor and per address.
type streamCounts struct {
	mu       sync.Mutex
	visitors map[string]int
	addrs    map[string]int
}

func newStreamCounts() *streamCounts {
	return &streamCounts{visitors: map[string]int{}, addrs: map[string]int{}}
}

// open counts a new stream, reporting false (counting nothing) when the
// visitor or the address has too many open.
func (s *streamCounts) open(visitor, addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.visitors[visitor] >= streamsPerVisitor || s.addrs[addr] >= streamsPerAddr {
		return false
	}
	s.visitors[visitor]++
	s.addrs[addr]++
	return true
}

// close uncounts a stream opened with open.
func (s *streamCounts) close(visitor, addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.visitors[visitor]--; s.visitors[visitor] <= 0 {
		delete(s.visitors, visitor)
	}
	if s.addrs[addr]--; s.addrs[addr] <= 0 {
		delete(s.addrs, addr)
	}
}
