package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// tryBook books event id for key at now in the student's transaction.
func tryBook(s *store.Store, id int64, key bot.UserKey, now time.Time) (bot.Booking, bool, error) {
	b := bot.Booking{EventID: id, Key: key, Name: "北見 太郎"}
	var existed bool
	err := s.InTx(context.Background(), key, func(tx bot.Tx) (err error) {
		existed, err = tx.Book(context.Background(), &b, now)
		return err
	})
	return b, existed, err
}

// book books event id for key at now and fails the test unless a new
// booking was made.
func book(t testing.TB, s *store.Store, id int64, key bot.UserKey, now time.Time) bot.Booking {
	t.Helper()
	b, existed, err := tryBook(s, id, key, now)
	if err != nil || existed || b.ID == 0 || b.State != bot.BookingBooked || b.Event.ID != id {
		t.Fatalf("Book(%d, %s) = %+v, existed %v, %v", id, key.UserID, b, existed, err)
	}
	return b
}

// cancel cancels a booking as the student would and fails the test
// unless it was cancelled.
func cancel(t testing.TB, s *store.Store, id int64) {
	t.Helper()
	var done bool
	inTx(t, s, staffKey(0), func(tx bot.Tx) (err error) {
		done, err = tx.CancelBooking(context.Background(), id, "candidate", storetest.Now())
		return err
	})
	if !done {
		t.Fatalf("booking %d was not cancelled", id)
	}
}

// mark marks a booking's attendance as staff would.
func mark(t testing.TB, s *store.Store, id int64, state bot.BookingState) {
	t.Helper()
	inTx(t, s, staffKey(0), func(tx bot.Tx) error {
		return tx.SetAttendance(context.Background(), id, state, "staff:1")
	})
}

// seats reads how many seats of an event are booked.
func seats(t testing.TB, s *store.Store, id int64) int {
	t.Helper()
	e, err := s.EventByID(context.Background(), id)
	must(t, err)
	return e.Booked
}

// TestBookUntilFull: bookings take seats until none is left (ErrFull); a
// double tap books once; a cancelled seat is free again at once and
// rebooking works; the full event is not offered.
func TestBookUntilFull(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		clock := storetest.NewClock(t)
		clock.Set(time.Date(2031, 2, 20, 1, 30, 0, 0, time.UTC)) // far from today
		s := storetest.Open(t, url, clock.Now)
		ctx := context.Background()
		now := clock.Now()
		e := saveEvent(t, s, session(now, "春の説明会", 2))
		c := addCandidate(t, s, lineUser("U-full-a"))
		first := bot.Booking{EventID: e.ID, Key: c.Key, CandidateID: c.ID, Name: "北見 花子"}
		inTx(t, s, c.Key, func(tx bot.Tx) error {
			existed, err := tx.Book(ctx, &first, now)
			if existed {
				t.Error("first booking existed")
			}
			return err
		})
		again, existed, err := tryBook(s, e.ID, c.Key, now)
		must(t, err)
		if !existed || again.ID != first.ID || again.CandidateID != c.ID || again.Name != "北見 花子" {
			t.Errorf("double tap = %+v, existed %v; want booking %d", again, existed, first.ID)
		}
		if n := seats(t, s, e.ID); n != 1 {
			t.Errorf("a double tap took %d seats", n)
		}
		second := book(t, s, e.ID, lineUser("U-full-b"), now)
		_, _, err = tryBook(s, e.ID, lineUser("U-full-c"), now)
		wantErr(t, err, bot.ErrFull)
		inTx(t, s, lineUser("U-full-c"), func(tx bot.Tx) error {
			open, err := tx.BookableEvents(ctx, bot.EventSession, now, 12)
			if len(open) != 0 {
				t.Errorf("a full event is offered: %+v", open)
			}
			return err
		})

		cancel(t, s, second.ID)
		if n := seats(t, s, e.ID); n != 1 {
			t.Errorf("after a cancel %d seats are booked", n)
		}
		inTx(t, s, staffKey(e.ID), func(tx bot.Tx) error {
			done, err := tx.CancelBooking(ctx, second.ID, "candidate", now)
			if done {
				t.Error("a cancelled booking was cancelled again")
			}
			return err
		})
		wantErr(t, eventTx(s, 0, func(tx bot.Tx) error {
			_, err := tx.CancelBooking(ctx, 999999, "candidate", now)
			return err
		}), bot.ErrNotFound)
		rebooked := book(t, s, e.ID, lineUser("U-full-c"), now)
		if rebooked.ID == second.ID || seats(t, s, e.ID) != 2 {
			t.Errorf("rebooked %+v; %d seats booked", rebooked, seats(t, s, e.ID))
		}
		_, _, err = tryBook(s, e.ID, lineUser("U-full-b"), now)
		wantErr(t, err, bot.ErrFull)
		got, err := s.BookingsOf(ctx, e.ID)
		must(t, err)
		var states []bot.BookingState
		for _, b := range got {
			states = append(states, b.State)
		}
		if fmt.Sprint(states) != "[booked cancelled booked]" || got[0].ID != first.ID {
			t.Errorf("bookings of the event = %v", states)
		}
	})
}

// TestBookNotBookable: a closed or cancelled event, one past its deadline
// or started, takes no booking (ErrNotBookable); an unknown one is
// ErrNotFound; none of them is offered.
func TestBookNotBookable(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		clock := storetest.NewClock(t)
		clock.Set(time.Date(2031, 2, 20, 9, 0, 0, 0, time.UTC))
		s := storetest.Open(t, url, clock.Now)
		ctx := context.Background()
		now := clock.Now()
		open := saveEvent(t, s, session(now, "受付中", 5))
		closed := saveEvent(t, s, session(now, "受付終了", 5))
		called := saveEvent(t, s, session(now, "中止", 5))
		for id, state := range map[int64]bot.EventState{closed.ID: bot.EventClosed, called.ID: bot.EventCancelled} {
			must(t, eventTx(s, id, func(tx bot.Tx) error {
				_, err := tx.SetEventState(ctx, id, state, "staff:1")
				return err
			}))
		}
		key := lineUser("U-late")
		for _, id := range []int64{closed.ID, called.ID} {
			_, _, err := tryBook(s, id, key, now)
			wantErr(t, err, bot.ErrNotBookable)
		}
		_, _, err := tryBook(s, open.ID, key, open.Deadline)
		wantErr(t, err, bot.ErrNotBookable)
		_, _, err = tryBook(s, open.ID, key, open.StartsAt.Add(time.Minute))
		wantErr(t, err, bot.ErrNotBookable)
		_, _, err = tryBook(s, 999999, key, now)
		wantErr(t, err, bot.ErrNotFound)
		if n := seats(t, s, open.ID); n != 0 {
			t.Errorf("refused bookings took %d seats", n)
		}
		inTx(t, s, key, func(tx bot.Tx) error {
			offered, err := tx.BookableEvents(ctx, bot.EventSession, now, 12)
			if len(offered) != 1 || offered[0].ID != open.ID {
				t.Errorf("offered at now: %+v", offered)
			}
			late, err2 := tx.BookableEvents(ctx, bot.EventSession, open.Deadline, 12)
			if len(late) != 0 {
				t.Errorf("offered after the deadline: %+v", late)
			}
			interviews, err3 := tx.BookableEvents(ctx, bot.EventInterview, now, 12)
			if len(interviews) != 0 {
				t.Errorf("interviews offered: %+v", interviews)
			}
			return errors.Join(err, err2, err3)
		})
		b := book(t, s, open.ID, key, now)
		sameTime(t, "booked at", b.CreatedAt, now)
	})
}

// TestBookRace: 40 students, each in their own transaction on one of
// several stores over the same database (replicas), book the last 5
// seats at once: exactly 5 get one, 35 hear ErrFull, and the event is
// exactly full.
func TestBookRace(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		clock := storetest.NewClock(t)
		replicas := []*store.Store{storetest.Open(t, url, clock.Now), storetest.Open(t, url, clock.Now),
			storetest.Open(t, url, clock.Now)}
		s := replicas[0]
		now := clock.Now()
		e := saveEvent(t, s, session(now, "最後の5席", 8))
		for i := range 3 {
			book(t, s, e.ID, lineUser(fmt.Sprint("U-early-", i)), now)
		}
		const students = 40
		start := make(chan struct{})
		errs := make([]error, students)
		var wg sync.WaitGroup
		for i := range students {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, _, errs[i] = tryBook(replicas[i%len(replicas)], e.ID, lineUser(fmt.Sprint("U-race-", i)), now)
			}()
		}
		close(start)
		wg.Wait()
		var booked, full int
		for i, err := range errs {
			switch {
			case err == nil:
				booked++
			case errors.Is(err, bot.ErrFull):
				full++
			default:
				t.Errorf("student %d: %v", i, err)
			}
		}
		if booked != 5 || full != 35 {
			t.Errorf("%d booked, %d full; want 5 and 35", booked, full)
		}
		got, err := s.EventByID(context.Background(), e.ID)
		must(t, err)
		if got.Booked != got.Capacity {
			t.Errorf("booked %d of %d", got.Booked, got.Capacity)
		}
		all, err := s.BookingsOf(context.Background(), e.ID)
		must(t, err)
		if len(all) != 8 {
			t.Errorf("%d bookings stored, want 8", len(all))
		}
	})
}

// TestAttendance: staff mark bookings attended or no-show; a no-show
// frees the seat and marking it again takes it back; a cancelled booking
// cannot be marked; every mark is in the audit log.
func TestAttendance(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now()
		e := saveEvent(t, s, session(now, "出欠", 2))
		a := book(t, s, e.ID, lineUser("U-att-a"), now)
		b := book(t, s, e.ID, lineUser("U-att-b"), now)
		mark(t, s, a.ID, bot.BookingAttended)
		mark(t, s, a.ID, bot.BookingAttended)
		mark(t, s, b.ID, bot.BookingNoShow)
		if n := seats(t, s, e.ID); n != 1 {
			t.Errorf("after a no-show %d seats are booked", n)
		}
		mark(t, s, b.ID, bot.BookingAttended)
		if n := seats(t, s, e.ID); n != 2 {
			t.Errorf("after the no-show came %d seats are booked", n)
		}
		mark(t, s, b.ID, bot.BookingNoShow)
		c := book(t, s, e.ID, lineUser("U-att-c"), now)
		wantErr(t, eventTx(s, e.ID, func(tx bot.Tx) error {
			return tx.SetAttendance(ctx, b.ID, bot.BookingAttended, "staff:1")
		}), bot.ErrFull)
		cancel(t, s, c.ID)
		wantErr(t, eventTx(s, e.ID, func(tx bot.Tx) error {
			return tx.SetAttendance(ctx, c.ID, bot.BookingAttended, "staff:1")
		}), bot.ErrConflict)
		if err := eventTx(s, e.ID, func(tx bot.Tx) error {
			return tx.SetAttendance(ctx, a.ID, bot.BookingCancelled, "staff:1")
		}); err == nil {
			t.Error("SetAttendance cancelled a booking")
		}
		got, err := s.BookingByID(ctx, a.ID)
		must(t, err)
		if got.State != bot.BookingAttended || got.Event.ID != e.ID || got.Key != lineUser("U-att-a") {
			t.Errorf("booking a = %+v", got)
		}
		log, err := s.AuditLog(ctx, bot.AuditFilter{Kind: bot.AuditEvent, Subject: fmt.Sprint(e.ID)})
		must(t, err)
		var trail []string
		for _, l := range log {
			trail = append(trail, l.Actor+" "+l.Action+" "+l.Detail)
		}
		want := fmt.Sprint([]string{
			fmt.Sprintf("candidate cancel booking %d", c.ID),
			fmt.Sprintf("staff:1 attendance booking %d: noshow", b.ID),
			fmt.Sprintf("staff:1 attendance booking %d: attended", b.ID),
			fmt.Sprintf("staff:1 attendance booking %d: noshow", b.ID),
			fmt.Sprintf("staff:1 attendance booking %d: attended", a.ID),
			"staff:1 created 出欠",
		})
		if fmt.Sprint(trail) != want {
			t.Errorf("audit log = %q\nwant %q", trail, want)
		}
	})
}

// TestUpcomingBookings: a student's active bookings of events not ended,
// soonest first, with their events; confirming keeps the first answer;
// the staff feed lists every active booking from a time.
func TestUpcomingBookings(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now()
		key := lineUser("U-upcoming")
		later := saveEvent(t, s, session(now.Add(72*time.Hour), "後", 5))
		soon := saveEvent(t, s, session(now, "先", 5))
		gone := saveEvent(t, s, session(now, "取消", 5))
		bLater := book(t, s, later.ID, key, now)
		bSoon := book(t, s, soon.ID, key, now)
		cancel(t, s, book(t, s, gone.ID, key, now).ID)
		other := book(t, s, soon.ID, lineUser("U-other"), now)
		inTx(t, s, key, func(tx bot.Tx) error {
			got, err := tx.UpcomingBookings(ctx, key, now)
			if len(got) != 2 || got[0].ID != bSoon.ID || got[1].ID != bLater.ID || got[0].Event.Title != "先" {
				t.Errorf("upcoming = %+v", got)
			}
			after, err2 := tx.UpcomingBookings(ctx, key, soon.EndsAt)
			if len(after) != 1 || after[0].ID != bLater.ID {
				t.Errorf("upcoming after the first ended = %+v", after)
			}
			err3 := tx.ConfirmBooking(ctx, bSoon.ID, now)
			err4 := tx.ConfirmBooking(ctx, bSoon.ID, now.Add(time.Hour))
			return errors.Join(err, err2, err3, err4)
		})
		wantErr(t, eventTx(s, 0, func(tx bot.Tx) error { return tx.ConfirmBooking(ctx, 999999, now) }), bot.ErrNotFound)
		confirmed, err := s.BookingByID(ctx, bSoon.ID)
		must(t, err)
		if !confirmed.Confirmed {
			t.Error("confirmation not kept")
		}
		feed, err := s.UpcomingBookingsAll(ctx, soon.StartsAt, 10)
		must(t, err)
		var ids []int64
		for _, b := range feed {
			ids = append(ids, b.ID)
		}
		if fmt.Sprint(ids) != fmt.Sprint([]int64{bSoon.ID, other.ID, bLater.ID}) {
			t.Errorf("feed = %v", ids)
		}
		one, err := s.UpcomingBookingsAll(ctx, later.StartsAt, 10)
		must(t, err)
		if len(one) != 1 || one[0].ID != bLater.ID || one[0].Event.ID != later.ID {
			t.Errorf("feed from the later event = %+v", one)
		}
		_, err = s.BookingByID(ctx, 999999)
		wantErr(t, err, bot.ErrNotFound)
	})
}

// TestForgetBookings: forgetting a student deletes their bookings (and
// the audit lines about them), frees their seats at once, and leaves the
// others' alone; purge deletes the bookings of events long ended.
func TestForgetBookings(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now()
		gone, stays := lineUser("U-forget"), lineUser("U-stays")
		c := addCandidate(t, s, gone)
		app := submit(t, s, c, "北見 花子")
		e := saveEvent(t, s, session(now, "説明会", 2))
		interview := session(now, "面談", 1)
		interview.Kind = bot.EventInterview
		iv := saveEvent(t, s, interview)
		b := bot.Booking{EventID: iv.ID, Key: gone, CandidateID: c.ID, ApplicationID: app.ID, Name: app.Name}
		inTx(t, s, gone, func(tx bot.Tx) error {
			_, err := tx.Book(ctx, &b, now)
			if err == nil {
				err = tx.AddApplicationEvent(ctx, bot.ApplicationEvent{ApplicationID: app.ID, Actor: "candidate",
					Action: "interview", To: "booked"})
			}
			return err
		})
		mine := book(t, s, e.ID, gone, now)
		mark(t, s, mine.ID, bot.BookingAttended)
		theirs := book(t, s, e.ID, stays, now)
		history, err := s.ApplicationEvents(ctx, app.ID)
		must(t, err)
		if last := history[len(history)-1]; last.Action != "interview" || last.Actor != "candidate" || last.At.IsZero() {
			t.Errorf("application history ends with %+v", last)
		}

		forgot, err := s.ForgetCandidate(ctx, gone, "admin")
		must(t, err)
		if !forgot {
			t.Fatal("nothing forgotten")
		}
		for _, id := range []int64{b.ID, mine.ID} {
			_, err := s.BookingByID(ctx, id)
			wantErr(t, err, bot.ErrNotFound)
		}
		if n := seats(t, s, e.ID); n != 1 {
			t.Errorf("session: %d seats booked after forget, want 1", n)
		}
		if n := seats(t, s, iv.ID); n != 0 {
			t.Errorf("interview: %d seats booked after forget", n)
		}
		if _, err := s.BookingByID(ctx, theirs.ID); err != nil {
			t.Errorf("the other student's booking: %v", err)
		}
		log, err := s.AuditLog(ctx, bot.AuditFilter{Kind: bot.AuditEvent})
		must(t, err)
		for _, l := range log {
			if l.Action == "attendance" {
				t.Errorf("the forgotten student's audit line stays: %+v", l)
			}
		}
		book(t, s, iv.ID, stays, now)

		n, err := s.Purge(ctx, e.EndsAt.Add(time.Minute))
		must(t, err)
		if n < 2 {
			t.Errorf("purge deleted %d rows", n)
		}
		if left, err := s.BookingsOf(ctx, e.ID); err != nil || len(left) != 0 {
			t.Errorf("bookings of an ended event after purge: %+v, %v", left, err)
		}
	})
}

// TestBookBackstop: even when one student's taps run under different
// locks at once (so that none sees the other's booking first), they hold
// one seat: the partial unique index refuses the second booking
// (ErrConflict) and its seat goes back with its transaction.
func TestBookBackstop(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		now := storetest.Now()
		e := saveEvent(t, s, session(now, "連打", 10))
		key := lineUser("U-tap")
		const taps = 10
		start := make(chan struct{})
		errs, existed := make([]error, taps), make([]bool, taps)
		var wg sync.WaitGroup
		for i := range taps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				b := bot.Booking{EventID: e.ID, Key: key}
				errs[i] = s.InTx(context.Background(), bot.UserKey{Channel: "tap", UserID: fmt.Sprint(i)},
					func(tx bot.Tx) (err error) {
						existed[i], err = tx.Book(context.Background(), &b, now)
						return err
					})
			}()
		}
		close(start)
		wg.Wait()
		var made int
		for i, err := range errs {
			switch {
			case err == nil && !existed[i]:
				made++
			case err == nil, errors.Is(err, bot.ErrConflict):
			default:
				t.Errorf("tap %d: %v", i, err)
			}
		}
		if made != 1 || seats(t, s, e.ID) != 1 {
			t.Errorf("%d bookings made, %d seats booked; want 1 and 1", made, seats(t, s, e.ID))
		}
	})
}
