package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// BenchmarkClaimBehindDeepBacklog measures ClaimNextEvent when one user has
// a deep backlog whose head is leased (being processed), and another
// user's event waits behind it: the claim must not read the whole backlog
// (its events wait, see 00012_inbox_waiting.sql). On the 2-core machine of
// 2026-12-05, per claim behind 1,000 / 10,000 events: PostgreSQL 12 / 56 ms
// before the waiting flag, 1.5 / 1.1 ms after; SQLite 1.3 / 13 ms before,
// 0.95 / 0.76 ms after (-benchtime 500x: each claim is one commit).
// go test ./store -run '^$' -bench ClaimBehindDeepBacklog -benchtime 500x
func BenchmarkClaimBehindDeepBacklog(b *testing.B) {
	for _, depth := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("postgres/%d", depth), func(b *testing.B) {
			benchClaim(b, storetest.PostgresURL(b), depth)
		})
		b.Run(fmt.Sprintf("sqlite/%d", depth), func(b *testing.B) {
			benchClaim(b, storetest.SQLiteURL(b), depth)
		})
	}
}

// benchClaim fills the backlog, leases its head, then claims and gives
// back another user's event b.N times.
func benchClaim(b *testing.B, url string, depth int) {
	ctx := context.Background()
	s := storetest.Open(b, url, storetest.Now)
	events := make([]worker.Event, 0, depth)
	for i := range depth {
		events = append(events, batchEvent(fmt.Sprint("deep", i), "Uflood", "x"))
	}
	for i := 0; i < len(events); i += 500 {
		if _, err := s.AcceptEvents(ctx, events[i:min(i+500, len(events))]); err != nil {
			b.Fatal(err)
		}
	}
	if _, ok, err := s.ClaimNextEvent(ctx, time.Hour); !ok || err != nil {
		b.Fatal("no head", err)
	}
	if _, err := s.AcceptEvents(ctx, []worker.Event{batchEvent("other", "Uother", "y")}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		ev, ok, err := s.ClaimNextEvent(ctx, 0) // a zero lease: due again at once
		if err != nil || !ok || ev.ID != "other" {
			b.Fatalf("claimed %q %v %v", ev.ID, ok, err)
		}
	}
}
