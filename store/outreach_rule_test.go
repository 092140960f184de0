package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// nextRule reads the next recipients of rule r whose trigger happened in
// [from, to], of f (nil: anyone), at outreachT0.
func nextRule(t testing.TB, s *store.Store, r bot.Rule, from, to time.Time, f *bot.SegmentFilter, limit int) []string {
	t.Helper()
	var cs []bot.Candidate
	inOutreachTx(t, s, func(tx bot.OutreachTx) (err error) {
		cs, err = tx.NextRuleRecipients(context.Background(), r, from, to, f, outreachT0, limit)
		return err
	})
	return userIDs(cs)
}

// sendRule records that rule r was sent to c (with a delivery), as the
// outreach does.
func sendRule(t testing.TB, s *store.Store, r bot.Rule, c bot.Candidate) {
	t.Helper()
	inOutreachTx(t, s, func(tx bot.OutreachTx) error {
		d := &bot.Delivery{Kind: bot.DeliveryReply, Key: c.Key, Ref: r.ID, RetryKey: r.RetryKey(c.ID),
			Replies: []bot.Reply{r.Message.Reply()}}
		if err := tx.Enqueue(context.Background(), d); err != nil {
			return err
		}
		return tx.AddRuleRecipient(context.Background(), r.ID, c.ID, d.ID, outreachT0)
	})
}

// rule stores an enabled rule with trigger and returns it.
func rule(t testing.TB, s *store.Store, r bot.Rule) bot.Rule {
	t.Helper()
	r.Name, r.Enabled, r.EnabledAt, r.Message = "自動メッセージ "+string(r.Trigger), true, outreachT0.Add(-60*day),
		bot.Announcement{Text: "こんにちは"}
	return saveRule(t, s, r, "create")
}

// TestRuleStatusTrigger: a status rule picks the students whose newest
// application reached the status in the window (the latest time it did,
// bounds included) and still has it; a submitted rule counts from the
// submission; reachability, the segment and the students already sent
// to narrow it; the sent counts follow.
func TestRuleStatusTrigger(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		t0 := outreachT0
		at := func(days float64) time.Time { return t0.Add(time.Duration(days * float64(day))) }
		screening := rule(t, s, bot.Rule{Trigger: bot.TriggerStatus, Status: bot.StatusScreening})
		submitted := rule(t, s, bot.Rule{Trigger: bot.TriggerStatus, Status: bot.StatusSubmitted})
		mk := func(key bot.UserKey, steps ...any) bot.Candidate {
			t.Helper()
			c := student(t, s, clock, key, at(-20))
			var app bot.Application
			for i := 0; i < len(steps); i += 2 {
				when := at(steps[i].(float64))
				if st := steps[i+1].(bot.Status); st == bot.StatusSubmitted {
					app = applyAt(t, s, clock, c, when, "北見工業大学", "2027-03")
				} else {
					setStatusAt(t, s, clock, app, when, st)
				}
			}
			return c
		}
		p1 := mk(lineUser("U-p1"), -10.0, bot.StatusSubmitted, -5.0, bot.StatusScreening)
		mk(lineUser("U-p2"), -10.0, bot.StatusSubmitted, -5.0, bot.StatusScreening, -4.0, bot.StatusOffer)
		mk(lineUser("U-p3"), -10.0, bot.StatusSubmitted, -1.0, bot.StatusScreening)
		mk(lineUser("U-p4"), -10.0, bot.StatusSubmitted)
		p5 := mk(bot.UserKey{Channel: bot.ChannelWeb, UserID: "v-p5"}, -10.0, bot.StatusSubmitted, -8.0, bot.StatusScreening,
			-7.0, bot.StatusInterview, -5.0, bot.StatusScreening)
		mk(lineUser("U-p6"), -10.0, bot.StatusSubmitted, -8.0, bot.StatusScreening, -4.0, bot.StatusInterview,
			-3.5, bot.StatusScreening)
		mk(lineUser("U-p7"), -10.0, bot.StatusSubmitted, -5.0, bot.StatusScreening, -4.5, bot.StatusWithdrawn,
			-4.0, bot.StatusSubmitted)
		p8 := mk(lineUser("U-p8"), -10.0, bot.StatusSubmitted, -3.0, bot.StatusScreening)
		p8.Blocked = true
		inTx(t, s, p8.Key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &p8) })

		if got := nextRule(t, s, screening, at(-6), at(-3), nil, 100); !slices.Equal(got, []string{"U-p1", "U-p6", "v-p5"}) {
			t.Errorf("screening in [-6d, -3d]: %q", got)
		}
		if got := nextRule(t, s, screening, at(-5), at(-5), nil, 100); !slices.Equal(got, []string{"U-p1", "v-p5"}) {
			t.Errorf("screening at -5d exactly: %q", got)
		}
		if got := nextRule(t, s, screening, at(-9), at(-6), nil, 100); len(got) != 0 {
			t.Errorf("screening in [-9d, -6d] (p5 reached it again later): %q", got)
		}
		if got := nextRule(t, s, submitted, at(-11), at(-9), nil, 100); !slices.Equal(got, []string{"U-p4"}) {
			t.Errorf("submitted in [-11d, -9d]: %q", got)
		}
		if got := nextRule(t, s, submitted, at(-4.5), at(-3), nil, 100); !slices.Equal(got, []string{"U-p7"}) {
			t.Errorf("submitted anew in [-4.5d, -3d]: %q", got)
		}
		web := &bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelWeb}}
		if got := nextRule(t, s, screening, at(-6), at(-3), web, 100); !slices.Equal(got, []string{"v-p5"}) {
			t.Errorf("screening of the web segment: %q", got)
		}
		if got := nextRule(t, s, screening, at(-6), at(-3), nil, 1); !slices.Equal(got, []string{"U-p1"}) {
			t.Errorf("limit 1: %q", got)
		}
		sendRule(t, s, screening, p1)
		if got := nextRule(t, s, screening, at(-6), at(-3), nil, 100); !slices.Equal(got, []string{"U-p6", "v-p5"}) {
			t.Errorf("after p1 was sent to: %q", got)
		}
		if got := nextRule(t, s, submitted, at(-11), at(-9), nil, 100); !slices.Equal(got, []string{"U-p4"}) {
			t.Errorf("another rule after p1 was sent to: %q", got)
		}
		err := s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error {
			return tx.AddRuleRecipient(ctx, screening.ID, p1.ID, 1, t0)
		})
		wantErr(t, err, bot.ErrConflict)
		sendRule(t, s, screening, p5)
		counts, err := s.RuleSentCounts(ctx)
		must(t, err)
		if len(counts) != 1 || counts[screening.ID] != 2 {
			t.Errorf("RuleSentCounts = %v", counts)
		}
		if _, err := s.ForgetCandidate(ctx, p5.Key, "candidate"); err != nil {
			t.Fatal(err)
		}
		if counts, err := s.RuleSentCounts(ctx); err != nil || counts[screening.ID] != 1 {
			t.Errorf("after forget: RuleSentCounts = %v, %v", counts, err)
		}
	})
}

// pastEvent stores an event of kind that ended at end.
func pastEvent(t testing.TB, s *store.Store, kind bot.EventKind, end time.Time) bot.Event {
	t.Helper()
	return saveEvent(t, s, bot.Event{Kind: kind, Title: "説明会", StartsAt: end.Add(-time.Hour), EndsAt: end,
		Capacity: 10, Deadline: end.Add(-2 * day)})
}

// TestRuleAttendedTrigger: an attended rule picks the students who
// attended an event (of its kind, when set) that ended in the window;
// booked, no-show and cancelled bookings do not count.
func TestRuleAttendedTrigger(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		t0 := outreachT0
		anyKind := rule(t, s, bot.Rule{Trigger: bot.TriggerAttended})
		sessions := rule(t, s, bot.Rule{Trigger: bot.TriggerAttended, EventKind: bot.EventSession})
		e1 := pastEvent(t, s, bot.EventSession, t0.Add(-3*day))
		e2 := pastEvent(t, s, bot.EventInterview, t0.Add(-3*day))
		e3 := pastEvent(t, s, bot.EventSession, t0.Add(-1*day))
		attend := func(id string, e bot.Event, state bot.BookingState) {
			t.Helper()
			c := student(t, s, clock, lineUser(id), t0.Add(-30*day))
			b := book(t, s, e.ID, c.Key, e.Deadline.Add(-day))
			switch state {
			case bot.BookingCancelled:
				cancel(t, s, b.ID)
			case bot.BookingBooked:
			default:
				mark(t, s, b.ID, state)
			}
		}
		attend("U-q1", e1, bot.BookingAttended)
		attend("U-q2", e1, bot.BookingBooked)
		attend("U-q3", e1, bot.BookingNoShow)
		attend("U-q4", e2, bot.BookingAttended)
		attend("U-q5", e3, bot.BookingAttended)
		attend("U-q6", e1, bot.BookingCancelled)

		if got := nextRule(t, s, anyKind, t0.Add(-4*day), t0.Add(-2*day), nil, 100); !slices.Equal(got, []string{"U-q1", "U-q4"}) {
			t.Errorf("any kind in [-4d, -2d]: %q", got)
		}
		if got := nextRule(t, s, sessions, t0.Add(-4*day), t0.Add(-2*day), nil, 100); !slices.Equal(got, []string{"U-q1"}) {
			t.Errorf("sessions in [-4d, -2d]: %q", got)
		}
		if got := nextRule(t, s, anyKind, t0.Add(-3*day), t0.Add(-3*day), nil, 100); !slices.Equal(got, []string{"U-q1", "U-q4"}) {
			t.Errorf("any kind at -3d exactly: %q", got)
		}
		if got := nextRule(t, s, anyKind, t0.Add(-2*day), t0, nil, 100); !slices.Equal(got, []string{"U-q5"}) {
			t.Errorf("any kind in [-2d, now]: %q", got)
		}
	})
}

// TestRuleFollowTrigger: a follow rule picks the students who became
// candidates in the window and never applied, who may be messaged (not
// blocked, no 配信停止, not the terminal); an unknown trigger is an
// error.
func TestRuleFollowTrigger(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		t0 := outreachT0
		follow := rule(t, s, bot.Rule{Trigger: bot.TriggerFollow})
		f1 := student(t, s, clock, lineUser("U-f1"), t0.Add(-3*day))
		f2 := student(t, s, clock, lineUser("U-f2"), t0.Add(-3*day))
		applyAt(t, s, clock, f2, t0.Add(-2*day), "北見工業大学", "2027-03")
		student(t, s, clock, lineUser("U-f3"), t0.Add(-10*day))
		clock.Set(t0.Add(-3 * day))
		f4 := bot.Candidate{Key: lineUser("U-f4"), Blocked: true}
		inTx(t, s, f4.Key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &f4) })
		student(t, s, clock, bot.UserKey{Channel: bot.ChannelWeb, UserID: "v-f5"}, t0.Add(-3*day))
		student(t, s, clock, bot.UserKey{Channel: bot.ChannelCLI, UserID: "terminal"}, t0.Add(-3*day))
		f7 := student(t, s, clock, lineUser("U-f7"), t0.Add(-3*day))
		inTx(t, s, f7.Key, func(tx bot.Tx) error { _, err := tx.SetBroadcastOff(ctx, f7.Key, true, t0); return err })

		from, to := t0.Add(-4*day), t0.Add(-2*day)
		if got := nextRule(t, s, follow, from, to, nil, 100); !slices.Equal(got, []string{"U-f1", "v-f5"}) {
			t.Errorf("followed in [-4d, -2d]: %q", got)
		}
		web := &bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelWeb}}
		if got := nextRule(t, s, follow, from, to, web, 100); !slices.Equal(got, []string{"v-f5"}) {
			t.Errorf("of the web segment: %q", got)
		}
		sendRule(t, s, follow, f1)
		if got := nextRule(t, s, follow, from, to, nil, 100); !slices.Equal(got, []string{"v-f5"}) {
			t.Errorf("after f1 was sent to: %q", got)
		}
		err := s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error {
			_, err := tx.NextRuleRecipients(ctx, bot.Rule{ID: follow.ID, Trigger: "birthday"}, from, to, nil, t0, 10)
			return err
		})
		if err == nil {
			t.Error("an unknown trigger was accepted")
		}
	})
}
