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

// TestBroadcastRecipients: the next recipients leave out those the
// broadcast was queued to (only theirs: another broadcast goes to
// everyone); recording a recipient twice is an error; the stats follow
// the deliveries (pending, sent, failed; a cancelled one in none) and the
// replies after a message was sent; cancelling drops the broadcast's
// waiting deliveries only; forgetting a student takes their recipient
// rows with them.
func TestBroadcastRecipients(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		t0 := outreachT0
		seg := saveSegment(t, s, bot.Segment{Name: "全員"})
		b := saveBroadcast(t, s, bot.Broadcast{Title: "お知らせ", SegmentID: seg.ID,
			Message: bot.Announcement{Text: "説明会があります。"}}, "create")
		other := saveBroadcast(t, s, bot.Broadcast{Title: "別のお知らせ", SegmentID: seg.ID,
			Message: bot.Announcement{Text: "面談があります。"}}, "create")
		c1 := addCandidate(t, s, lineUser("U-1"))
		c2 := addCandidate(t, s, lineUser("U-2"))
		c3 := addCandidate(t, s, bot.UserKey{Channel: bot.ChannelWeb, UserID: "v-3"})

		if got := userIDs(nextBroadcast(t, s, b.ID, bot.SegmentFilter{}, t0, 2)); !slices.Equal(got, []string{"U-1", "U-2"}) {
			t.Fatalf("first batch %q", got)
		}
		d1 := queue(t, s, b, c1, t0)
		d2 := queue(t, s, b, c2, t0)
		if got := userIDs(nextBroadcast(t, s, b.ID, bot.SegmentFilter{}, t0, 100)); !slices.Equal(got, []string{"v-3"}) {
			t.Errorf("after two were queued: %q", got)
		}
		if got := nextBroadcast(t, s, other.ID, bot.SegmentFilter{}, t0, 100); len(got) != 3 {
			t.Errorf("another broadcast's recipients: %q", userIDs(got))
		}
		err := s.InOutreachTx(ctx, outreachKey, func(tx bot.OutreachTx) error {
			return tx.AddBroadcastRecipient(ctx, b.ID, c1.ID, d1, t0)
		})
		wantErr(t, err, bot.ErrConflict)

		stats := func(id int64, want bot.BroadcastStats) {
			t.Helper()
			got, err := s.BroadcastStats(ctx, id)
			must(t, err)
			if got != want {
				t.Errorf("BroadcastStats(%d) = %+v, want %+v", id, got, want)
			}
		}
		stats(b.ID, bot.BroadcastStats{Recipients: 2, Pending: 2})
		stats(999999, bot.BroadcastStats{})

		clock.Set(t0.Add(time.Minute))
		must(t, s.DeliverySent(ctx, d1))
		wrote(t, s, c1.Key, t0.Add(2*time.Minute))
		wrote(t, s, c1.Key, t0.Add(3*time.Minute))
		wrote(t, s, c2.Key, t0.Add(-time.Minute)) // before the broadcast: no reply
		stats(b.ID, bot.BroadcastStats{Recipients: 2, Pending: 1, Sent: 1, Replies: 1})

		queue(t, s, other, c3, t0)
		cancelled := func(want int) {
			t.Helper()
			inOutreachTx(t, s, func(tx bot.OutreachTx) error {
				n, err := tx.CancelBroadcastDeliveries(ctx, b.ID)
				if n != want {
					t.Errorf("CancelBroadcastDeliveries = %d, want %d", n, want)
				}
				return err
			})
		}
		cancelled(1)
		cancelled(0)
		stats(b.ID, bot.BroadcastStats{Recipients: 2, Sent: 1, Replies: 1})
		stats(other.ID, bot.BroadcastStats{Recipients: 1, Pending: 1})
		must(t, s.DeliveryFailed(ctx, d2, "late"))
		stats(b.ID, bot.BroadcastStats{Recipients: 2, Sent: 1, Replies: 1}) // a cancelled delivery stays cancelled

		d3 := queue(t, s, b, c3, t0.Add(4*time.Minute))
		must(t, s.DeliveryFailed(ctx, d3, "blocked"))
		stats(b.ID, bot.BroadcastStats{Recipients: 3, Sent: 1, Failed: 1, Replies: 1})

		blocked := c1
		blocked.Blocked = true
		inTx(t, s, c1.Key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &blocked) })
		stats(b.ID, bot.BroadcastStats{Recipients: 3, Sent: 1, Failed: 1})

		if _, err := s.ForgetCandidate(ctx, c1.Key, "candidate"); err != nil {
			t.Fatal(err)
		}
		stats(b.ID, bot.BroadcastStats{Recipients: 2, Failed: 1})
		if _, err := s.ForgetCandidate(ctx, c3.Key, "candidate"); err != nil {
			t.Fatal(err)
		}
		stats(b.ID, bot.BroadcastStats{Recipients: 1})
		stats(other.ID, bot.BroadcastStats{})
	})
}

// TestDueBroadcasts: the broadcasts due are those scheduled at or before
// now and those sending, oldest send time first; drafts, later ones and
// finished ones are not.
func TestDueBroadcasts(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		t0 := outreachT0
		seg := saveSegment(t, s, bot.Segment{Name: "全員"})
		mk := func(state bot.BroadcastState, at time.Time) bot.Broadcast {
			t.Helper()
			b := saveBroadcast(t, s, bot.Broadcast{Title: string(state), SegmentID: seg.ID,
				Message: bot.Announcement{Text: "本文"}}, "create")
			if state != bot.BroadcastDraft {
				b.State, b.SendAt = state, at
				b = saveBroadcast(t, s, b, "schedule")
			}
			return b
		}
		mk(bot.BroadcastDraft, time.Time{})
		mk(bot.BroadcastScheduled, t0.Add(time.Second))
		due := mk(bot.BroadcastScheduled, t0.Add(-time.Hour))
		now := mk(bot.BroadcastScheduled, t0)
		sending := mk(bot.BroadcastSending, t0.Add(-2*time.Hour))
		mk(bot.BroadcastSent, t0.Add(-3*time.Hour))
		mk(bot.BroadcastHeld, t0.Add(-4*time.Hour))
		mk(bot.BroadcastCancelled, t0.Add(-5*time.Hour))
		got, err := s.DueBroadcasts(ctx, t0)
		must(t, err)
		var ids []int64
		for _, b := range got {
			ids = append(ids, b.ID)
		}
		if want := []int64{sending.ID, due.ID, now.ID}; !slices.Equal(ids, want) {
			t.Errorf("DueBroadcasts = %v, want %v", ids, want)
		}
		if len(got) == 3 && (!got[2].SendAt.Equal(t0) || got[2].State != bot.BroadcastScheduled || got[2].Title != "scheduled") {
			t.Errorf("due broadcast read as %+v", got[2])
		}
	})
}
