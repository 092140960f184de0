package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// staffKey is the lock the Engine takes for staff changes to an event.
func staffKey(id int64) bot.UserKey {
	return bot.UserKey{Channel: "event", UserID: fmt.Sprint(id)}
}

// session is an info session starting a week after now, taking bookings
// until the day before, with capacity seats.
func session(now time.Time, title string, capacity int) bot.Event {
	start := now.Add(7 * 24 * time.Hour).Truncate(time.Hour)
	return bot.Event{Kind: bot.EventSession, Title: title, StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "北見工業大学 講義棟 A101", URL: "https://meet.example.jp/abc", Capacity: capacity,
		Deadline: start.Add(-24 * time.Hour), Note: "筆記用具をお持ちください"}
}

// saveEvent stores e on behalf of "staff:1" and returns it as stored.
func saveEvent(t testing.TB, s *store.Store, e bot.Event) bot.Event {
	t.Helper()
	inTx(t, s, staffKey(e.ID), func(tx bot.Tx) error { return tx.SaveEvent(context.Background(), &e, "staff:1") })
	return e
}

// eventTx runs fn in a staff transaction of event id and returns its error.
func eventTx(s *store.Store, id int64, fn func(tx bot.Tx) error) error {
	return s.InTx(context.Background(), staffKey(id), fn)
}

// TestEventSave: an event is created at version 1 and read back as
// written; an edit at the stored version goes, one at an older version is
// a conflict, and the capacity may not go below the seats booked; state
// changes report whether they changed anything; every change is in the
// audit log with its actor.
func TestEventSave(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		clock := storetest.NewClock(t)
		s := storetest.Open(t, url, clock.Now)
		ctx := context.Background()
		now := clock.Now()
		want := session(now, "会社説明会 <北見>", 3)
		e := saveEvent(t, s, want)
		if e.ID == 0 || e.Version != 1 || e.State != bot.EventOpen || e.CreatedBy != "staff:1" || e.Booked != 0 {
			t.Fatalf("created %+v", e)
		}
		got, err := s.EventByID(ctx, e.ID)
		must(t, err)
		sameTime(t, "starts", got.StartsAt, want.StartsAt)
		sameTime(t, "created", got.CreatedAt, now.UTC().Truncate(time.Microsecond))
		if got.Title != want.Title || got.Place != want.Place || got.URL != want.URL || got.Note != want.Note ||
			got.Capacity != 3 || !got.Deadline.Equal(want.Deadline) || !got.EndsAt.Equal(want.EndsAt) ||
			got.Kind != bot.EventSession {
			t.Errorf("read back %+v, want %+v", got, want)
		}

		clock.Advance(time.Minute)
		edit := got
		edit.Title, edit.Capacity = "会社説明会(増席)", 5
		must(t, eventTx(s, e.ID, func(tx bot.Tx) error { return tx.SaveEvent(ctx, &edit, "USATO") }))
		if edit.Version != 2 || edit.Capacity != 5 || edit.CreatedBy != "staff:1" {
			t.Errorf("edited %+v", edit)
		}
		stale := got
		stale.Title = "古い画面から"
		err = eventTx(s, e.ID, func(tx bot.Tx) error { return tx.SaveEvent(ctx, &stale, "staff:2") })
		wantErr(t, err, bot.ErrConflict)
		ghost := got
		ghost.ID = 999999
		wantErr(t, eventTx(s, 0, func(tx bot.Tx) error { return tx.SaveEvent(ctx, &ghost, "staff:2") }), bot.ErrNotFound)

		for i := range 2 {
			book(t, s, e.ID, lineUser(fmt.Sprint("U-save-", i)), clock.Now())
		}
		small := edit
		small.Capacity = 1
		wantErr(t, eventTx(s, e.ID, func(tx bot.Tx) error { return tx.SaveEvent(ctx, &small, "staff:1") }), bot.ErrFull)
		clock.Advance(time.Minute)
		fits := edit
		fits.Capacity = 2
		must(t, eventTx(s, e.ID, func(tx bot.Tx) error { return tx.SaveEvent(ctx, &fits, "staff:1") }))
		if fits.Booked != 2 || fits.Capacity != 2 || fits.SeatsLeft() != 0 {
			t.Errorf("capacity down to the seats booked: %+v", fits)
		}

		clock.Advance(time.Minute)
		var changed, again bool
		must(t, eventTx(s, e.ID, func(tx bot.Tx) (err error) {
			changed, err = tx.SetEventState(ctx, e.ID, bot.EventClosed, "staff:3")
			if err == nil {
				again, err = tx.SetEventState(ctx, e.ID, bot.EventClosed, "staff:3")
			}
			return err
		}))
		if !changed || again {
			t.Errorf("SetEventState changed %v, then %v", changed, again)
		}
		wantErr(t, eventTx(s, 0, func(tx bot.Tx) error {
			_, err := tx.SetEventState(ctx, 999999, bot.EventClosed, "staff:3")
			return err
		}), bot.ErrNotFound)
		closed, err := s.EventByID(ctx, e.ID)
		must(t, err)
		if closed.State != bot.EventClosed || closed.Version != 4 {
			t.Errorf("closed: %+v", closed)
		}

		log, err := s.AuditLog(ctx, bot.AuditFilter{Kind: bot.AuditEvent})
		must(t, err)
		var trail []string
		for _, l := range log {
			if l.Subject != fmt.Sprint(e.ID) {
				t.Errorf("entry about %q", l.Subject)
			}
			trail = append(trail, l.Actor+" "+l.Action+" "+l.Detail)
		}
		wantTrail := []string{"staff:3 state closed", "staff:1 updated 会社説明会(増席)", "USATO updated 会社説明会(増席)",
			"staff:1 created 会社説明会 <北見>"}
		if fmt.Sprint(trail) != fmt.Sprint(wantTrail) {
			t.Errorf("audit log = %q, want %q", trail, wantTrail)
		}
	})
}

// TestListEvents: staff lists filter by kind, state and start, soonest
// first; the counts give each event's bookings by state.
func TestListEvents(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now()
		later := session(now.Add(48*time.Hour), "後の説明会", 10)
		soon := session(now, "先の説明会", 10)
		interview := session(now, "面談枠", 1)
		interview.Kind = bot.EventInterview
		later, soon, interview = saveEvent(t, s, later), saveEvent(t, s, soon), saveEvent(t, s, interview)
		all, err := s.ListEvents(ctx, bot.EventFilter{})
		must(t, err)
		if len(all) != 3 || all[2].ID != later.ID {
			t.Fatalf("all = %+v", all)
		}
		sessions, err := s.ListEvents(ctx, bot.EventFilter{Kind: bot.EventSession})
		must(t, err)
		if len(sessions) != 2 || sessions[0].ID != soon.ID || sessions[1].ID != later.ID {
			t.Errorf("sessions = %+v", sessions)
		}
		from, err := s.ListEvents(ctx, bot.EventFilter{From: later.StartsAt, Limit: 5})
		must(t, err)
		if len(from) != 1 || from[0].ID != later.ID {
			t.Errorf("from = %+v", from)
		}
		before, err := s.ListEvents(ctx, bot.EventFilter{To: later.StartsAt, Limit: 1})
		must(t, err)
		if len(before) != 1 || before[0].StartsAt.After(later.StartsAt) {
			t.Errorf("before = %+v", before)
		}
		must(t, eventTx(s, later.ID, func(tx bot.Tx) error {
			_, err := tx.SetEventState(ctx, later.ID, bot.EventCancelled, "staff:1")
			return err
		}))
		cancelled, err := s.ListEvents(ctx, bot.EventFilter{State: bot.EventCancelled})
		must(t, err)
		if len(cancelled) != 1 || cancelled[0].ID != later.ID {
			t.Errorf("cancelled = %+v", cancelled)
		}

		a := book(t, s, soon.ID, lineUser("U-count-a"), now)
		b := book(t, s, soon.ID, lineUser("U-count-b"), now)
		c := book(t, s, soon.ID, lineUser("U-count-c"), now)
		book(t, s, soon.ID, lineUser("U-count-d"), now)
		cancel(t, s, a.ID)
		mark(t, s, b.ID, bot.BookingAttended)
		mark(t, s, c.ID, bot.BookingNoShow)
		counts, err := s.EventCounts(ctx, time.Time{})
		must(t, err)
		got := map[int64]store.EventCount{}
		for _, c := range counts {
			got[c.Event.ID] = c
		}
		if c := got[soon.ID]; c.Booked != 1 || c.Cancelled != 1 || c.Attended != 1 || c.NoShow != 1 || c.Event.Booked != 2 {
			t.Errorf("counts of the session = %+v", c)
		}
		if c, ok := got[later.ID]; !ok || c.Booked+c.Cancelled+c.Attended+c.NoShow != 0 {
			t.Errorf("counts of the event without bookings = %+v (listed %v)", c, ok)
		}
		if late, err := s.EventCounts(ctx, later.StartsAt); err != nil || len(late) != 1 {
			t.Errorf("counts from the later start = %+v, %v", late, err)
		}
	})
}
