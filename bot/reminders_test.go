package bot_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// jstZone is Japan time, for the reminder tests' clock.
var jstZone = time.FixedZone("JST", 9*3600)

// feb2031 is a time in JST on a February 2031 day, far from today: the
// reminder tests never read the wall clock.
func feb2031(day, hour, minute int) time.Time {
	return time.Date(2031, 2, day, hour, minute, 0, 0, jstZone)
}

// withEvents makes h's engine remind with cfg (and notify when notify).
func withEvents(h *harness, cfg bot.EventConfig, notify bool) *harness {
	n := bot.Notify{}
	if notify {
		n = notifyTo
	}
	h.eng = bot.NewEngine(bot.Config{Store: h.store, Now: h.clock.Now, FormExpiry: 14 * 24 * time.Hour, Notify: n, Events: cfg})
	return h
}

// createEvent stores an open info session starting at start (an hour
// long), created at the clock's now.
func createEvent(t *testing.T, s *store.Store, title string, start time.Time, capacity int) bot.Event {
	t.Helper()
	ev := bot.Event{Kind: bot.EventSession, Title: title, StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "北見工業大学 1号館", URL: "https://meet.example.jp/abc", Capacity: capacity, Deadline: start.Add(-time.Minute)}
	err := s.InTx(context.Background(), bot.UserKey{Channel: "events", UserID: "staff"}, func(tx bot.Tx) error {
		return tx.SaveEvent(context.Background(), &ev, "staff:test")
	})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// bookAt books ev for a LINE user at the time at (the store's clock is
// set to it).
func (h *harness) bookAt(ev bot.Event, user, name string, at time.Time) bot.Booking {
	h.t.Helper()
	h.clock.Set(at)
	b := bot.Booking{EventID: ev.ID, Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: user}, Name: name}
	err := h.store.InTx(context.Background(), b.Key, func(tx bot.Tx) error {
		_, err := tx.Book(context.Background(), &b, at)
		return err
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return b
}

// remindAt runs SendReminders at the time at.
func (h *harness) remindAt(at time.Time, q bot.Quota) bot.ReminderRun {
	h.t.Helper()
	h.clock.Set(at)
	run, err := h.eng.SendReminders(context.Background(), q)
	if err != nil {
		h.t.Fatal(err)
	}
	return run
}

// remindersOf keeps the reminders among ds, by the user they are for.
func remindersOf(t *testing.T, ds []bot.Delivery) map[string]bot.Delivery {
	t.Helper()
	out := map[string]bot.Delivery{}
	for _, d := range ds {
		if d.Kind != bot.DeliveryReply {
			continue
		}
		if _, dup := out[d.Key.UserID]; dup {
			t.Fatalf("two reminders for %s", d.Key.UserID)
		}
		out[d.Key.UserID] = d
	}
	return out
}

func TestRemindersTheDayBefore(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withEvents(h, bot.EventConfig{ReminderHour: 12}, false)
		h.clock.Set(feb2031(10, 9, 0))
		ev := createEvent(t, h.store, "会社説明会", feb2031(21, 14, 0), 10)
		early := []bot.Booking{h.bookAt(ev, "Ua", "北見 一郎", feb2031(19, 10, 0)),
			h.bookAt(ev, "Ub", "北見 二郎", feb2031(20, 11, 59))}
		h.bookAt(ev, "Uc", "北見 三郎", feb2031(20, 12, 0)) // made at the reminder's moment: not before it
		cancelled := h.bookAt(ev, "Ud", "北見 四郎", feb2031(19, 10, 0))
		if err := h.store.InTx(context.Background(), cancelled.Key, func(tx bot.Tx) error {
			_, err := tx.CancelBooking(context.Background(), cancelled.ID, "candidate", feb2031(19, 11, 0))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if run := h.remindAt(feb2031(20, 11, 59), nil); run.Due != 0 {
			t.Fatalf("due before ReminderHour: %+v", run)
		}
		if run := h.remindAt(feb2031(20, 12, 0), nil); run.Sent != 2 {
			t.Fatalf("at ReminderHour: %+v", run)
		}
		got := remindersOf(t, h.drain())
		if len(got) != 2 {
			t.Fatalf("reminders: %+v", got)
		}
		for _, b := range early {
			d, ok := got[b.Key.UserID]
			if !ok {
				t.Fatalf("no reminder for %s", b.Key.UserID)
			}
			if d.RetryKey != bot.ReminderDay.RetryKey(b) || len(d.RetryKey) != 36 {
				t.Errorf("retry key %q", d.RetryKey)
			}
			r := d.Replies[0]
			for _, want := range []string{"明日は説明会「会社説明会」", "2月21日(金) 14:00〜15:00", "北見工業大学 1号館", "https://meet.example.jp/abc"} {
				if !strings.Contains(r.Text, want) {
					t.Errorf("reminder %q lacks %q", r.Text, want)
				}
			}
			if len(r.Choices) != 2 || r.Choices[0].Label != "参加します" || r.Choices[1].Label != "キャンセル" ||
				r.Choices[0].Postback != bot.BookingPostback(bot.BookingAttend, b.ID) ||
				r.Choices[1].Postback != bot.BookingPostback(bot.BookingCancel, b.ID) {
				t.Errorf("buttons %+v", r.Choices)
			}
		}
		// Once: again the same minute, later that day, the morning of the event.
		for _, at := range []time.Time{feb2031(20, 12, 0), feb2031(20, 20, 0), feb2031(21, 9, 0)} {
			if run := h.remindAt(at, nil); run.Due != 0 || run.Sent != 0 {
				t.Fatalf("again at %v: %+v", at, run)
			}
		}
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("sent again: %+v", ds)
		}
	})
}

func TestRemindersNeverAfterTheStart(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withEvents(h, bot.EventConfig{ReminderHour: 12}, false)
		h.clock.Set(feb2031(10, 9, 0))
		ev := createEvent(t, h.store, "説明会A", feb2031(21, 14, 0), 10)
		h.bookAt(ev, "Ua", "北見 一郎", feb2031(19, 10, 0))
		ev2 := createEvent(t, h.store, "説明会B", feb2031(21, 15, 0), 10)
		h.bookAt(ev2, "Ub", "北見 二郎", feb2031(19, 10, 0))
		// Down from before noon the day before until the first event's start:
		// its reminder is not sent late; the second event's goes, as 本日.
		if run := h.remindAt(feb2031(21, 14, 0), nil); run.Sent != 1 {
			t.Fatalf("at the start: %+v", run)
		}
		got := remindersOf(t, h.drain())
		if _, ok := got["Ua"]; ok || len(got) != 1 {
			t.Fatalf("reminded after the start: %+v", got)
		}
		if !strings.Contains(got["Ub"].Replies[0].Text, "本日は説明会「説明会B」") {
			t.Fatalf("late reminder: %q", got["Ub"].Replies[0].Text)
		}
		if run := h.remindAt(feb2031(21, 16, 0), nil); run.Due != 0 {
			t.Fatalf("after the starts: %+v", run)
		}
	})
}

func TestRemindersOneHourBefore(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withEvents(h, bot.EventConfig{ReminderHour: 12, HourBefore: true}, false)
		h.clock.Set(feb2031(10, 9, 0))
		ev := createEvent(t, h.store, "会社説明会", feb2031(20, 15, 0), 10)
		h.bookAt(ev, "Ua", "北見 一郎", feb2031(19, 10, 0))
		if run := h.remindAt(feb2031(19, 12, 0), nil); run.Sent != 1 {
			t.Fatalf("day before: %+v", run)
		}
		h.drain()
		h.bookAt(ev, "Ub", "北見 二郎", feb2031(20, 13, 59)) // more than an hour before
		h.bookAt(ev, "Uc", "北見 三郎", feb2031(20, 14, 0))  // an hour before: not more
		if run := h.remindAt(feb2031(20, 13, 59), nil); run.Due != 0 {
			t.Fatalf("before the hour: %+v", run)
		}
		if run := h.remindAt(feb2031(20, 14, 0), nil); run.Sent != 2 {
			t.Fatalf("an hour before: %+v", run)
		}
		got := remindersOf(t, h.drain())
		if len(got) != 2 || got["Ua"].Replies == nil || got["Ub"].Replies == nil {
			t.Fatalf("hour reminders: %+v", got)
		}
		if !strings.Contains(got["Ub"].Replies[0].Text, "まもなく説明会「会社説明会」が始まります") {
			t.Fatalf("text %q", got["Ub"].Replies[0].Text)
		}
		if got["Ub"].RetryKey == got["Ua"].RetryKey {
			t.Fatal("one retry key for two bookings")
		}
		if run := h.remindAt(feb2031(20, 14, 30), nil); run.Due != 0 {
			t.Fatalf("again: %+v", run)
		}
	})
}

// TestRemindersTwoReplicas runs SendReminders from two engines, each over
// its own connection pool to the same PostgreSQL database, many times at
// once: every booking gets one reminder.
func TestRemindersTwoReplicas(t *testing.T) {
	url := storetest.PostgresURL(t)
	clock := storetest.NewClock(t)
	clock.Set(feb2031(10, 9, 0))
	var engines []*bot.Engine
	var first *store.Store
	for range 2 {
		s, err := store.Open(context.Background(), url, clock.Now)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = s
		}
		engines = append(engines, bot.NewEngine(bot.Config{Store: s, Now: clock.Now, Events: bot.EventConfig{ReminderHour: 12}}))
	}
	h := &harness{t: t, store: first, clock: clock}
	const students = 30
	ev := createEvent(t, first, "会社説明会", feb2031(21, 14, 0), students)
	for i := range students {
		h.bookAt(ev, fmt.Sprintf("U%03d", i), "学生", feb2031(19, 10, 0))
	}
	clock.Set(feb2031(20, 12, 0))
	var wg sync.WaitGroup
	var mu sync.Mutex
	sent := 0
	for i := range 6 {
		wg.Go(func() {
			run, err := engines[i%2].SendReminders(context.Background(), nil)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			sent += run.Sent
			mu.Unlock()
		})
	}
	wg.Wait()
	got := remindersOf(t, h.drain())
	if sent != students || len(got) != students {
		t.Fatalf("queued %d, delivered to %d students; want %d each", sent, len(got), students)
	}
}

// quotaLeft is a Quota that reports a fixed number left.
type quotaLeft int64

func (q quotaLeft) QuotaLeft(context.Context) (int64, bool, error) { return int64(q), true, nil }

func TestRemindersHeldBackByQuota(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withEvents(h, bot.EventConfig{ReminderHour: 12}, true)
		h.clock.Set(feb2031(10, 9, 0))
		later := createEvent(t, h.store, "午後の説明会", feb2031(21, 16, 0), 10)
		sooner := createEvent(t, h.store, "午前の説明会", feb2031(21, 10, 0), 10)
		h.bookAt(later, "Ulate1", "北見 一郎", feb2031(19, 10, 0))
		h.bookAt(later, "Ulate2", "北見 二郎", feb2031(19, 10, 0))
		h.bookAt(sooner, "Usoon1", "北見 三郎", feb2031(19, 10, 0))
		h.bookAt(sooner, "Usoon2", "北見 四郎", feb2031(19, 10, 0))
		run := h.remindAt(feb2031(20, 12, 0), quotaLeft(3))
		if run.Due != 4 || run.Sent != 3 || run.HeldBack != 1 {
			t.Fatalf("run %+v", run)
		}
		ds := h.drain()
		got := remindersOf(t, ds)
		if len(got) != 3 || got["Usoon1"].Replies == nil || got["Usoon2"].Replies == nil {
			t.Fatalf("the soonest first: %+v", got)
		}
		warnings := staffMessages(ds)
		if len(warnings) != 1 || !strings.Contains(warnings[0], "リマインド4件に対して残りは3通") ||
			!strings.Contains(warnings[0], "1件を送れていません") {
			t.Fatalf("warnings %q", warnings)
		}
		w, ok, err := h.store.QuotaWarning(context.Background())
		if err != nil || !ok || w.Needed != 4 || w.Left != 3 || w.HeldBack != 1 || !w.At.Equal(feb2031(20, 12, 0)) {
			t.Fatalf("recorded warning %+v %v %v", w, ok, err)
		}
		// The quota is used up: the rest waits, and staff are not told twice the same day.
		if run := h.remindAt(feb2031(20, 12, 1), quotaLeft(0)); run.Sent != 0 || run.HeldBack != 1 {
			t.Fatalf("run %+v", run)
		}
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("sent %+v", ds)
		}
		// The next morning, with quota again, it goes (before its event), and staff hear once that day.
		if run := h.remindAt(feb2031(21, 9, 0), quotaLeft(5)); run.Sent != 1 || run.HeldBack != 0 {
			t.Fatalf("run %+v", run)
		}
		if got := remindersOf(t, h.drain()); len(got) != 1 || got["Ulate2"].Replies == nil && got["Ulate1"].Replies == nil {
			t.Fatalf("late one %+v", got)
		}
	})
}

// staffMessages returns the texts of the staff messages among ds.
func staffMessages(ds []bot.Delivery) []string {
	var out []string
	for _, d := range ds {
		if d.Kind == bot.DeliveryStaffMessage {
			out = append(out, d.Replies[0].Text)
		}
	}
	return out
}
