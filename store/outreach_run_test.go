package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestOutreachRunThroughTheStore: the outreach, on the real store (a
// *store.Store is its bot.OutreachStore), sends a broadcast to each
// reachable student once — one outbox delivery each, under the
// broadcast's retry key of the student — and finishes it; an automatic
// message goes to a student who followed after it was switched on; a
// second run queues nothing more.
func TestOutreachRunThroughTheStore(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		t0 := outreachT0
		o := bot.NewOutreach(bot.OutreachConfig{Store: s, Now: clock.Now})
		ids := map[bot.UserKey]int64{}
		for _, key := range []bot.UserKey{lineUser("U-1"), lineUser("U-2"), lineUser("U-3"),
			{Channel: bot.ChannelWeb, UserID: "v-4"}} {
			ids[key] = student(t, s, clock, key, t0.Add(-10*day)).ID
		}
		blocked := bot.Candidate{Key: lineUser("U-blocked"), Blocked: true}
		inTx(t, s, blocked.Key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &blocked) })
		off := addCandidate(t, s, lineUser("U-off"))
		inTx(t, s, off.Key, func(tx bot.Tx) error { _, err := tx.SetBroadcastOff(ctx, off.Key, true, t0); return err })
		addCandidate(t, s, bot.UserKey{Channel: bot.ChannelCLI, UserID: "terminal"})
		clock.Set(t0)

		seg := bot.Segment{Name: "全員"}
		must(t, o.SaveSegment(ctx, &seg, "staff:1"))
		n, err := o.CountSegment(ctx, seg.Filter)
		must(t, err)
		if want := (bot.SegmentCount{Total: 7, Reachable: 4, OnLINE: 3}); n != want {
			t.Errorf("CountSegment = %+v, want %+v", n, want)
		}
		b := bot.Broadcast{Title: "説明会のお知らせ", SegmentID: seg.ID,
			Message: bot.Announcement{Text: "12月に説明会を開きます。", Buttons: []bot.ButtonKind{bot.ButtonBooking}}}
		must(t, o.SaveBroadcast(ctx, &b, "staff:1"))
		must(t, o.SendBroadcast(ctx, bot.SendRequest{ID: b.ID, Version: b.Version, Actor: "staff:1"}, nil))
		r := bot.Rule{Name: "友だち追加のお礼", Trigger: bot.TriggerFollow, Enabled: true, Quiet: bot.DefaultQuietHours,
			Message: bot.Announcement{Text: "ご登録ありがとうございます。"}}
		must(t, o.SaveRule(ctx, &r, "staff:1"))
		clock.Advance(time.Hour)
		newcomer := addCandidate(t, s, lineUser("U-new"))
		clock.Advance(time.Minute)

		run, err := o.Run(ctx, nil)
		must(t, err)
		if run.Queued != 6 || run.Held != 0 || run.HeldBack != 0 {
			t.Errorf("run = %+v, want 6 queued (5 broadcast messages, 1 automatic)", run)
		}
		sent, err := s.BroadcastByID(ctx, b.ID)
		must(t, err)
		if sent.State != bot.BroadcastSent || sent.StartedAt.IsZero() || sent.FinishedAt.IsZero() {
			t.Errorf("broadcast after the run: %+v", sent)
		}
		stats, err := s.BroadcastStats(ctx, b.ID)
		must(t, err)
		if want := (bot.BroadcastStats{Recipients: 5, Pending: 5}); stats != want {
			t.Errorf("BroadcastStats = %+v, want %+v", stats, want)
		}
		counts, err := s.RuleSentCounts(ctx)
		must(t, err)
		if counts[r.ID] != 1 {
			t.Errorf("RuleSentCounts = %v, want the newcomer only", counts)
		}

		ids[newcomer.Key] = newcomer.ID
		run, err = o.Run(ctx, nil)
		must(t, err)
		if run.Queued != 0 {
			t.Errorf("second run queued %d", run.Queued)
		}
		var ds []bot.Delivery
		for {
			claimed, err := s.ClaimDeliveries(ctx, clock.Now(), 100, time.Minute)
			must(t, err)
			if len(claimed) == 0 {
				break
			}
			for _, d := range claimed {
				must(t, s.DeliverySent(ctx, d.ID))
			}
			ds = append(ds, claimed...)
		}
		if len(ds) != 6 {
			t.Fatalf("outbox holds %d deliveries, want 6: %+v", len(ds), ds)
		}
		keys := map[string]bool{}
		broadcastTo := map[bot.UserKey]int{}
		for _, d := range ds {
			id, ok := ids[d.Key]
			if !ok {
				t.Errorf("delivery to %v, who may not be messaged", d.Key)
				continue
			}
			keys[d.RetryKey] = true
			switch {
			case d.Ref == b.ID && d.RetryKey == b.RetryKey(id):
				broadcastTo[d.Key]++
				if len(d.Replies) != 1 || d.Replies[0].Text != b.Message.Reply().Text || len(d.Replies[0].Choices) != 1 {
					t.Errorf("broadcast delivery %+v", d.Replies)
				}
			case d.Key == newcomer.Key && d.Ref == r.ID && d.RetryKey == r.RetryKey(id):
			default:
				t.Errorf("unexpected delivery %+v", d)
			}
		}
		if len(keys) != 6 || len(broadcastTo) != 5 {
			t.Errorf("retry keys %d, broadcast to %v", len(keys), broadcastTo)
		}
		for k, n := range broadcastTo {
			if n != 1 {
				t.Errorf("%v got the broadcast %d times", k, n)
			}
		}
		if _, err := o.CancelBroadcast(ctx, b.ID, "staff:1"); !errors.Is(err, bot.ErrBroadcastStarted) {
			t.Errorf("cancel of a sent broadcast: %v", err)
		}
	})
}
