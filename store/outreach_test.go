package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// outreachT0 is the outreach tests' "now": far from the day they run, a
// Monday at 10:00 JST (outside the default quiet hours).
var outreachT0 = time.Date(2031, 5, 12, 1, 0, 0, 0, time.UTC)

// outreachKey is the lock the outreach tests change things under.
var outreachKey = bot.UserKey{Channel: "outreach", UserID: "test"}

// outreachContract runs fn on a fresh, migrated store of each engine, in
// parallel, on a stopped clock at outreachT0.
func outreachContract(t *testing.T, fn func(t *testing.T, s *store.Store, clock *storetest.Clock)) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		clock := storetest.NewClock(t)
		clock.Set(outreachT0)
		fn(t, storetest.Open(t, url, clock.Now), clock)
	})
}

// inOutreachTx runs fn in s.InOutreachTx and fails the test on an error.
func inOutreachTx(t testing.TB, s *store.Store, fn func(tx bot.OutreachTx) error) {
	t.Helper()
	if err := s.InOutreachTx(context.Background(), outreachKey, fn); err != nil {
		t.Fatalf("InOutreachTx: %v", err)
	}
}

// saveSegment stores seg on behalf of "staff:1" and returns it as stored.
func saveSegment(t testing.TB, s *store.Store, seg bot.Segment) bot.Segment {
	t.Helper()
	inOutreachTx(t, s, func(tx bot.OutreachTx) error { return tx.SaveSegment(context.Background(), &seg, "staff:1") })
	return seg
}

// saveBroadcast stores b with action on behalf of "staff:1" and returns it
// as stored.
func saveBroadcast(t testing.TB, s *store.Store, b bot.Broadcast, action string) bot.Broadcast {
	t.Helper()
	inOutreachTx(t, s, func(tx bot.OutreachTx) error {
		return tx.SaveBroadcast(context.Background(), &b, action, "staff:1")
	})
	return b
}

// saveRule stores r with action on behalf of "staff:1" and returns it as
// stored.
func saveRule(t testing.TB, s *store.Store, r bot.Rule, action string) bot.Rule {
	t.Helper()
	inOutreachTx(t, s, func(tx bot.OutreachTx) error { return tx.SaveRule(context.Background(), &r, action, "staff:1") })
	return r
}

// student stores a candidate of key with the clock set to at (its
// created_at) and returns it.
func student(t testing.TB, s *store.Store, clock *storetest.Clock, key bot.UserKey, at time.Time) bot.Candidate {
	t.Helper()
	clock.Set(at)
	return addCandidate(t, s, key)
}

// applyAt stores an application of c at at (the clock is set to it) with
// the school and graduation given, and returns it.
func applyAt(t testing.TB, s *store.Store, clock *storetest.Clock, c bot.Candidate, at time.Time, school, grad string) bot.Application {
	t.Helper()
	clock.Set(at)
	a := application(c, "北見 太郎")
	a.School, a.Graduation = school, grad
	inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.CreateApplication(context.Background(), &a) })
	return a
}

// setStatusAt moves application a to status to at at (the clock is set
// to it), as staff would.
func setStatusAt(t testing.TB, s *store.Store, clock *storetest.Clock, a bot.Application, at time.Time, to bot.Status) {
	t.Helper()
	clock.Set(at)
	if _, err := s.SetApplicationStatus(context.Background(), a.ID, to, "staff:1"); err != nil {
		t.Fatal(err)
	}
}

// wrote stores a message of key received at at (the inbox keeps it).
func wrote(t testing.TB, s *store.Store, key bot.UserKey, at time.Time) {
	t.Helper()
	ev := worker.Event{ID: fmt.Sprintf("ev-%s-%d", key.UserID, at.UnixNano()),
		Incoming: bot.Incoming{Key: key, Kind: bot.KindMessage, Text: "こんにちは"}, ReceivedAt: at}
	if _, err := s.AcceptEvents(context.Background(), []worker.Event{ev}); err != nil {
		t.Fatal(err)
	}
}

// userIDs lists the candidates' user ids, sorted.
func userIDs(cs []bot.Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Key.UserID
	}
	slices.Sort(out)
	return out
}

// nextBroadcast reads the next recipients of broadcast id for f at now.
func nextBroadcast(t testing.TB, s *store.Store, id int64, f bot.SegmentFilter, now time.Time, limit int) []bot.Candidate {
	t.Helper()
	var cs []bot.Candidate
	inOutreachTx(t, s, func(tx bot.OutreachTx) (err error) {
		cs, err = tx.NextBroadcastRecipients(context.Background(), id, f, now, limit)
		return err
	})
	return cs
}

// queue enqueues a broadcast's message to c and records c as its
// recipient, as the outreach does, and returns the delivery's id.
func queue(t testing.TB, s *store.Store, b bot.Broadcast, c bot.Candidate, at time.Time) int64 {
	t.Helper()
	var id int64
	inOutreachTx(t, s, func(tx bot.OutreachTx) error {
		d := &bot.Delivery{Kind: bot.DeliveryReply, Key: c.Key, Ref: b.ID, RetryKey: b.RetryKey(c.ID),
			Replies: []bot.Reply{b.Message.Reply()}}
		if err := tx.Enqueue(context.Background(), d); err != nil {
			return err
		}
		id = d.ID
		return tx.AddBroadcastRecipient(context.Background(), b.ID, c.ID, d.ID, at)
	})
	return id
}

// TestOutreachSave: segments, broadcasts and rules are created at version
// 1 by their actor and read back as written; an edit at the stored
// version bumps it, a stale one is bot.ErrConflict and one of a missing
// row bot.ErrNotFound; the lists are newest first; every save is in the
// audit log (配信) under kind:id.
func TestOutreachSave(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		f := bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelLINE}, Sources: []int64{3, 4}, School: "北見",
			GradYear: 2032, Statuses: []bot.Status{bot.StatusScreening}, Applied: bot.PresenceYes,
			Booked: bot.PresenceNo, Attended: bot.PresenceYes, EventKind: bot.EventSession, ActiveDays: 7, InactiveDays: 2}
		seg := saveSegment(t, s, bot.Segment{Name: "北見工大 2032卒", Filter: f})
		if seg.ID == 0 || seg.Version != 1 || seg.CreatedBy != "staff:1" || !seg.CreatedAt.Equal(outreachT0) ||
			!seg.UpdatedAt.Equal(outreachT0) {
			t.Fatalf("created %+v", seg)
		}
		got, err := s.SegmentByID(ctx, seg.ID)
		must(t, err)
		if fmt.Sprint(got) != fmt.Sprint(seg) {
			t.Errorf("SegmentByID = %+v\nwant %+v", got, seg)
		}
		clock.Advance(time.Minute)
		stale := seg
		seg.Name, seg.Filter = "全員", bot.SegmentFilter{}
		seg = saveSegment(t, s, seg)
		if seg.Version != 2 || !seg.UpdatedAt.Equal(outreachT0.Add(time.Minute)) {
			t.Errorf("edited %+v", seg)
		}
		err = s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error { return tx.SaveSegment(ctx, &stale, "staff:2") })
		wantErr(t, err, bot.ErrConflict)
		missing := bot.Segment{ID: 999999, Name: "x", Version: 1}
		err = s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error { return tx.SaveSegment(ctx, &missing, "staff:2") })
		wantErr(t, err, bot.ErrNotFound)
		inOutreachTx(t, s, func(tx bot.OutreachTx) error {
			got, err := tx.Segment(ctx, seg.ID)
			if err == nil && (got.Name != "全員" || fmt.Sprint(got.Filter) != fmt.Sprint(bot.SegmentFilter{}) || got.Version != 2 ||
				!got.CreatedAt.Equal(outreachT0)) {
				t.Errorf("Segment = %+v", got)
			}
			if _, err := tx.Segment(ctx, 999999); !errors.Is(err, bot.ErrNotFound) {
				t.Errorf("missing Segment: %v", err)
			}
			return err
		})
		other := saveSegment(t, s, bot.Segment{Name: "LINEの学生", Filter: bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelLINE}}})
		segs, err := s.ListSegments(ctx)
		must(t, err)
		if len(segs) != 2 || segs[0].ID != other.ID || segs[1].ID != seg.ID {
			t.Errorf("ListSegments = %+v", segs)
		}

		b := saveBroadcast(t, s, bot.Broadcast{Title: "説明会のお知らせ", SegmentID: seg.ID,
			Message: bot.Announcement{Text: "12月の説明会です。", Buttons: []bot.ButtonKind{bot.ButtonBooking, bot.ButtonApply}}}, "create")
		if b.ID == 0 || b.Version != 1 || b.State != bot.BroadcastDraft || b.CreatedBy != "staff:1" {
			t.Fatalf("created %+v", b)
		}
		clock.Advance(time.Minute)
		b.State, b.SendAt, b.QuotaAllowedBy = bot.BroadcastScheduled, outreachT0.Add(time.Hour), "staff:9"
		b = saveBroadcast(t, s, b, "schedule")
		clock.Advance(time.Minute)
		b.State, b.StartedAt, b.FinishedAt = bot.BroadcastSent, outreachT0.Add(2*time.Hour), outreachT0.Add(3*time.Hour)
		b = saveBroadcast(t, s, b, "finish")
		gotB, err := s.BroadcastByID(ctx, b.ID)
		must(t, err)
		if fmt.Sprint(gotB) != fmt.Sprint(b) || gotB.Version != 3 {
			t.Errorf("BroadcastByID = %+v\nwant %+v", gotB, b)
		}
		staleB := b
		staleB.Version = 2
		err = s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error {
			return tx.SaveBroadcast(ctx, &staleB, "edit", "staff:2")
		})
		wantErr(t, err, bot.ErrConflict)
		missingB := bot.Broadcast{ID: 999999, Title: "x", SegmentID: seg.ID, Version: 1}
		err = s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error {
			return tx.SaveBroadcast(ctx, &missingB, "edit", "staff:2")
		})
		wantErr(t, err, bot.ErrNotFound)
		if _, err := s.BroadcastByID(ctx, 999999); !errors.Is(err, bot.ErrNotFound) {
			t.Errorf("missing BroadcastByID: %v", err)
		}
		b2 := saveBroadcast(t, s, bot.Broadcast{Title: "二通目", SegmentID: other.ID, Message: bot.Announcement{Text: "本文"}}, "create")
		list, err := s.ListBroadcasts(ctx, 0)
		must(t, err)
		if len(list) != 2 || list[0].ID != b2.ID || list[1].ID != b.ID || list[0].Message.Buttons != nil {
			t.Errorf("ListBroadcasts = %+v", list)
		}
		if list, err := s.ListBroadcasts(ctx, 1); err != nil || len(list) != 1 || list[0].ID != b2.ID {
			t.Errorf("ListBroadcasts(1) = %+v, %v", list, err)
		}

		r := saveRule(t, s, bot.Rule{Name: "書類選考のご案内", Trigger: bot.TriggerStatus, Status: bot.StatusScreening, Days: 3,
			SegmentID: seg.ID, Message: bot.Announcement{Text: "選考中です。", Buttons: []bot.ButtonKind{bot.ButtonPerson}},
			Enabled: true, EnabledAt: outreachT0, Quiet: bot.DefaultQuietHours}, "create")
		if r.ID == 0 || r.Version != 1 || r.CreatedBy != "staff:1" {
			t.Fatalf("created %+v", r)
		}
		gotR, err := s.RuleByID(ctx, r.ID)
		must(t, err)
		if fmt.Sprint(gotR) != fmt.Sprint(r) {
			t.Errorf("RuleByID = %+v\nwant %+v", gotR, r)
		}
		r.Enabled, r.SegmentID = false, 0
		r = saveRule(t, s, r, "disable")
		inOutreachTx(t, s, func(tx bot.OutreachTx) error {
			got, err := tx.Rule(ctx, r.ID)
			if err == nil && (got.Enabled || got.SegmentID != 0 || got.Version != 2 || !got.EnabledAt.Equal(outreachT0) ||
				got.Quiet != bot.DefaultQuietHours) {
				t.Errorf("Rule = %+v", got)
			}
			if _, err := tx.Rule(ctx, 999999); !errors.Is(err, bot.ErrNotFound) {
				t.Errorf("missing Rule: %v", err)
			}
			return err
		})
		staleR := r
		staleR.Version = 1
		err = s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error { return tx.SaveRule(ctx, &staleR, "edit", "staff:2") })
		wantErr(t, err, bot.ErrConflict)
		missingR := bot.Rule{ID: 999999, Name: "x", Trigger: bot.TriggerFollow, Version: 1}
		err = s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error { return tx.SaveRule(ctx, &missingR, "edit", "staff:2") })
		wantErr(t, err, bot.ErrNotFound)
		on := saveRule(t, s, bot.Rule{Name: "フォロー", Trigger: bot.TriggerFollow, Days: 1, Enabled: true,
			EnabledAt: outreachT0, Message: bot.Announcement{Text: "ようこそ"}}, "create")
		enabled, err := s.EnabledRules(ctx)
		must(t, err)
		if len(enabled) != 1 || enabled[0].ID != on.ID {
			t.Errorf("EnabledRules = %+v", enabled)
		}
		rules, err := s.ListRules(ctx)
		must(t, err)
		if len(rules) != 2 || rules[0].ID != on.ID || rules[1].ID != r.ID {
			t.Errorf("ListRules = %+v", rules)
		}

		log, err := s.AuditLog(ctx, bot.AuditFilter{Kind: "outreach", Subject: fmt.Sprintf("broadcast:%d", b.ID)})
		must(t, err)
		var actions []string
		for _, e := range log {
			actions = append(actions, e.Actor+" "+e.Action+" "+e.Detail)
		}
		want := []string{"staff:1 finish 「説明会のお知らせ」",
			"staff:1 schedule 「説明会のお知らせ」 送信日時 2031-05-12 11:00（LINEの送信数の上限を超える送信を許可）",
			"staff:1 create 「説明会のお知らせ」"}
		if !slices.Equal(actions, want) {
			t.Errorf("audit log = %q\nwant %q", actions, want)
		}
		all, err := s.AuditLog(ctx, bot.AuditFilter{Kind: "outreach"})
		must(t, err)
		if len(all) != 10 {
			t.Errorf("outreach audit entries = %d, want 10: %+v", len(all), all)
		}
	})
}
