package store_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// reminderEvent stores an info session at start with a booking by user
// made at booked; it returns the booking.
func reminderEvent(t *testing.T, s *store.Store, start, booked time.Time, user string) bot.Booking {
	t.Helper()
	ctx := context.Background()
	ev := bot.Event{Kind: bot.EventSession, Title: "説明会", StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "北見", Capacity: 5, Deadline: start.Add(-time.Minute)}
	b := bot.Booking{Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: user}, Name: "北見 太郎"}
	err := s.InTx(ctx, b.Key, func(tx bot.Tx) error {
		if err := tx.SaveEvent(ctx, &ev, "staff"); err != nil {
			return err
		}
		b.EventID = ev.ID
		_, err := tx.Book(ctx, &b, booked)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBookingsToRemindAndMark(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now()
		start := now.Add(48 * time.Hour)
		b := reminderEvent(t, s, start, now, "Uremind")
		find := func(which bot.ReminderKind, from, to, before time.Time) int {
			bs, err := s.BookingsToRemind(ctx, which, from, to, before, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range bs {
				if got.ID != b.ID || got.Event.ID != b.EventID || got.Event.StartsAt.IsZero() {
					t.Fatalf("booking %+v", got)
				}
			}
			return len(bs)
		}
		after := b.CreatedAt.Add(time.Second)
		if n := find(bot.ReminderDay, start, start.Add(time.Minute), after); n != 1 {
			t.Fatalf("found %d", n)
		}
		if n := find(bot.ReminderDay, start.Add(time.Microsecond), start.Add(time.Minute), after); n != 0 {
			t.Fatal("found an event starting before the range")
		}
		if n := find(bot.ReminderDay, start, start.Add(time.Minute), b.CreatedAt); n != 0 {
			t.Fatal("found a booking made at createdBefore")
		}
		mark := func(which bot.ReminderKind) bool {
			var ok bool
			err := s.InTx(ctx, b.Key, func(tx bot.Tx) error {
				var err error
				ok, err = tx.(bot.ReminderTx).MarkReminded(ctx, b.ID, which, now)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if !mark(bot.ReminderDay) || mark(bot.ReminderDay) {
			t.Fatal("marked not exactly once")
		}
		if n := find(bot.ReminderDay, start, start.Add(time.Minute), after); n != 0 {
			t.Fatal("found a reminder sent")
		}
		if n := find(bot.ReminderHour, start, start.Add(time.Minute), after); n != 1 {
			t.Fatal("the hour reminder is not the day's")
		}
		if err := s.InTx(ctx, b.Key, func(tx bot.Tx) error {
			_, err := tx.CancelBooking(ctx, b.ID, "candidate", now)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if find(bot.ReminderHour, start, start.Add(time.Minute), after) != 0 || mark(bot.ReminderHour) {
			t.Fatal("a cancelled booking is reminded")
		}
	})
}

func TestClaimDailyOnceADay(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var wins atomic.Int32
		var wg sync.WaitGroup
		// Each claim holds another key's lock: on PostgreSQL they really race.
		var seq atomic.Int32
		claim := func(name, day string) bool {
			var ok bool
			lock := bot.UserKey{Channel: "test", UserID: fmt.Sprint(seq.Add(1))}
			err := s.InTx(ctx, lock, func(tx bot.Tx) error {
				var err error
				ok, err = tx.(bot.ReminderTx).ClaimDaily(ctx, name, day)
				return err
			})
			if err != nil {
				t.Error(err)
			}
			return ok
		}
		for range 8 {
			wg.Go(func() {
				if claim("digest", "2031-02-20") {
					wins.Add(1)
				}
			})
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Fatalf("%d claims won", wins.Load())
		}
		if claim("digest", "2031-02-19") || !claim("other", "2031-02-20") || !claim("digest", "2031-02-21") {
			t.Fatal("claims by day and name")
		}
	})
}

func TestQuotaWarningKept(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, ok, err := s.QuotaWarning(ctx); ok || err != nil {
			t.Fatalf("a warning before any: %v %v", ok, err)
		}
		at := time.Date(2031, 2, 20, 3, 0, 0, 0, time.UTC)
		for _, w := range []bot.QuotaWarning{{At: at, Needed: 9, Left: 1, HeldBack: 8}, {At: at.Add(time.Minute), Needed: 8, Left: 0, HeldBack: 8}} {
			if err := s.InTx(ctx, bot.UserKey{Channel: "test", UserID: "q"}, func(tx bot.Tx) error {
				return tx.(bot.ReminderTx).RecordQuotaWarning(ctx, w)
			}); err != nil {
				t.Fatal(err)
			}
		}
		w, ok, err := s.QuotaWarning(ctx)
		if err != nil || !ok || w.Needed != 8 || w.Left != 0 || !w.At.Equal(at.Add(time.Minute)) {
			t.Fatalf("latest warning %+v %v %v", w, ok, err)
		}
	})
}
