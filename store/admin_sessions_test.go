package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestAdminSessions(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		expires := storetest.Now().Add(12 * time.Hour).UTC().Truncate(time.Microsecond)
		must(t, s.CreateAdminSession(ctx, "hash-1", "csrf-1", 0, expires))
		wantErr(t, s.CreateAdminSession(ctx, "hash-1", "csrf-x", 0, expires), bot.ErrConflict)

		csrf, _, at, err := s.AdminSession(ctx, "hash-1")
		must(t, err)
		if csrf != "csrf-1" {
			t.Errorf("csrf = %q, want csrf-1", csrf)
		}
		sameTime(t, "expires", at, expires)
		_, _, _, err = s.AdminSession(ctx, "hash-2")
		wantErr(t, err, bot.ErrNotFound)

		must(t, s.DeleteAdminSession(ctx, "hash-1"))
		_, _, _, err = s.AdminSession(ctx, "hash-1")
		wantErr(t, err, bot.ErrNotFound)
		must(t, s.DeleteAdminSession(ctx, "hash-1")) // twice is fine
	})
}

func TestAdminSessionsPrune(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now()
		must(t, s.CreateAdminSession(ctx, "old", "c", 0, now.Add(-time.Minute)))
		must(t, s.CreateAdminSession(ctx, "live", "c", 0, now.Add(time.Hour)))
		_, err := s.RecordAdminLoginFailure(ctx, "stale", now.Add(-2*time.Hour), now.Add(-3*time.Hour))
		must(t, err)
		_, err = s.RecordAdminLoginFailure(ctx, "fresh", now, now.Add(-time.Hour))
		must(t, err)

		must(t, s.PruneAdminSessions(ctx, now, now.Add(-time.Hour)))
		_, _, _, err = s.AdminSession(ctx, "old")
		wantErr(t, err, bot.ErrNotFound)
		_, _, _, err = s.AdminSession(ctx, "live")
		must(t, err)
		if n, _, err := s.AdminLoginFailures(ctx, "stale"); err != nil || n != 0 {
			t.Errorf("stale failures = %d, %v; want pruned", n, err)
		}
		if n, _, err := s.AdminLoginFailures(ctx, "fresh"); err != nil || n != 1 {
			t.Errorf("fresh failures = %d, %v; want 1 kept", n, err)
		}
	})
}

func TestAdminLoginFailures(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n, last, err := s.AdminLoginFailures(ctx, "client-a")
		must(t, err)
		if n != 0 || !last.IsZero() {
			t.Errorf("no failures yet: got %d at %v", n, last)
		}
		base := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
		window := 15 * time.Minute
		for i := 1; i <= 3; i++ {
			at := base.Add(time.Duration(i) * time.Minute)
			got, err := s.RecordAdminLoginFailure(ctx, "client-a", at, at.Add(-window))
			must(t, err)
			if got != i {
				t.Errorf("failure %d counted as %d", i, got)
			}
		}
		n, last, err = s.AdminLoginFailures(ctx, "client-a")
		must(t, err)
		if n != 3 {
			t.Errorf("failures = %d, want 3", n)
		}
		sameTime(t, "last failure", last, base.Add(3*time.Minute))

		// Another client counts on its own.
		got, err := s.RecordAdminLoginFailure(ctx, "client-b", base, base.Add(-window))
		must(t, err)
		if got != 1 {
			t.Errorf("client-b = %d, want 1", got)
		}

		// After a quiet window the count starts again.
		later := base.Add(time.Hour)
		got, err = s.RecordAdminLoginFailure(ctx, "client-a", later, later.Add(-window))
		must(t, err)
		if got != 1 {
			t.Errorf("after the window = %d, want 1", got)
		}

		must(t, s.ClearAdminLoginFailures(ctx, "client-a"))
		if n, _, err := s.AdminLoginFailures(ctx, "client-a"); err != nil || n != 0 {
			t.Errorf("after clearing = %d, %v", n, err)
		}
		if n, _, err := s.AdminLoginFailures(ctx, "client-b"); err != nil || n != 1 {
			t.Errorf("client-b after clearing a = %d, %v", n, err)
		}
	})
}
