package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// openHandoff records an open handoff of key at the store's clock.
func openHandoff(t *testing.T, s *store.Store, key bot.UserKey) bot.Handoff {
	t.Helper()
	h := bot.Handoff{Key: key, Reason: bot.HandoffAsked, Question: "寮はありますか", Status: bot.HandoffOpen}
	inTx(t, s, key, func(tx bot.Tx) error { return tx.RecordHandoff(context.Background(), &h) })
	return h
}

// say keeps a line of handoff h's conversation at at.
func say(t *testing.T, s *store.Store, h bot.Handoff, from bot.HandoffFrom, staff, text string, at time.Time) {
	t.Helper()
	inTx(t, s, h.Key, func(tx bot.Tx) error {
		m := bot.HandoffMessage{HandoffID: h.ID, From: from, Staff: staff, Text: text, At: at}
		err := tx.AddHandoffMessage(context.Background(), &m)
		if err == nil && m.ID == 0 {
			t.Error("AddHandoffMessage set no ID")
		}
		return err
	})
}

// TestHandoffConversation: the lines of a handoff come back oldest first,
// as written, and only the handoff's own.
func TestHandoffConversation(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now().UTC().Truncate(time.Microsecond)
		h := openHandoff(t, s, lineUser("U-conv"))
		other := openHandoff(t, s, lineUser("U-other"))
		say(t, s, h, bot.FromCandidate, "", "面談の日程を<b>相談</b>したいです\n来週で", now)
		say(t, s, other, bot.FromCandidate, "", "別の人", now)
		say(t, s, h, bot.FromStaff, "staff:3", "木曜日はいかがですか", now.Add(time.Minute))
		say(t, s, h, bot.FromBot, "U123", "担当者が対応を終了しました。", now.Add(2*time.Minute))
		got, err := s.HandoffMessages(ctx, h.ID)
		must(t, err)
		if len(got) != 3 {
			t.Fatalf("%d lines: %+v", len(got), got)
		}
		want := []bot.HandoffMessage{
			{HandoffID: h.ID, From: bot.FromCandidate, Text: "面談の日程を<b>相談</b>したいです\n来週で", At: now},
			{HandoffID: h.ID, From: bot.FromStaff, Staff: "staff:3", Text: "木曜日はいかがですか", At: now.Add(time.Minute)},
			{HandoffID: h.ID, From: bot.FromBot, Staff: "U123", Text: "担当者が対応を終了しました。", At: now.Add(2 * time.Minute)},
		}
		for i, w := range want {
			g := got[i]
			sameTime(t, "at", g.At, w.At)
			g.ID, g.At, w.At = 0, time.Time{}, time.Time{}
			if g != w {
				t.Errorf("line %d = %+v, want %+v", i, g, w)
			}
		}
		if none, err := s.HandoffMessages(ctx, 999999); err != nil || len(none) != 0 {
			t.Errorf("unknown handoff: %v %v", none, err)
		}
	})
}

// TestWaitingHandoffs: the open handoffs, newest first, with the
// candidate's name and application, the candidate's lines after the last
// staff reply, and when staff last replied.
func TestWaitingHandoffs(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now().UTC().Truncate(time.Microsecond)
		named := lineUser("U-named")
		c := addCandidate(t, s, named)
		app := submit(t, s, c, "北見 花子")
		first := openHandoff(t, s, named)
		second := openHandoff(t, s, bot.UserKey{Channel: bot.ChannelWeb, UserID: "v-anon"})
		closed := openHandoff(t, s, lineUser("U-closed"))
		inTx(t, s, closed.Key, func(tx bot.Tx) error {
			_, err := tx.CloseHandoff(ctx, closed.ID, "admin", now)
			return err
		})
		say(t, s, first, bot.FromCandidate, "", "一つ目", now.Add(time.Minute))
		say(t, s, first, bot.FromStaff, "admin", "返信", now.Add(2*time.Minute))
		say(t, s, first, bot.FromCandidate, "", "二つ目", now.Add(3*time.Minute))
		say(t, s, first, bot.FromCandidate, "", "三つ目", now.Add(4*time.Minute))

		got, err := s.WaitingHandoffs(ctx, 10)
		must(t, err)
		if len(got) != 2 || got[0].ID != second.ID || got[1].ID != first.ID {
			t.Fatalf("waiting: %+v", got)
		}
		anon, named2 := got[0], got[1]
		if anon.Unread != 0 || !anon.RepliedAt.IsZero() || anon.DisplayName != "" || anon.ApplicationID != 0 {
			t.Errorf("anonymous: %+v", anon)
		}
		sameTime(t, "anonymous waits since", anon.WaitingSince(), anon.CreatedAt)
		if named2.Unread != 2 || named2.DisplayName != c.DisplayName || named2.ApplicationRef != app.Ref ||
			named2.ApplicationID != app.ID || named2.Question != "寮はありますか" {
			t.Errorf("named: %+v", named2)
		}
		sameTime(t, "replied", named2.RepliedAt, now.Add(2*time.Minute))
		sameTime(t, "waits since", named2.WaitingSince(), now.Add(3*time.Minute))
		if n, err := s.OpenHandoffCount(ctx); err != nil || n != 2 {
			t.Errorf("open count = %d, %v", n, err)
		}
		if top, err := s.WaitingHandoffs(ctx, 1); err != nil || len(top) != 1 || top[0].ID != second.ID {
			t.Errorf("limit 1: %+v %v", top, err)
		}
		v, err := s.HandoffView(ctx, first.ID)
		must(t, err)
		if v.ApplicationID != app.ID || v.ApplicationRef != app.Ref {
			t.Errorf("view: %+v", v)
		}
	})
}

// TestHandoffConversationIsPersonalData: it goes with the candidate's
// data (forget) and with the retention period (purge).
func TestHandoffConversationIsPersonalData(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := storetest.Now().UTC().Truncate(time.Microsecond)
		gone, kept := lineUser("U-gone"), lineUser("U-kept")
		addCandidate(t, s, gone)
		addCandidate(t, s, kept)
		hg, hk := openHandoff(t, s, gone), openHandoff(t, s, kept)
		say(t, s, hg, bot.FromCandidate, "", "電話は09012345678です", now)
		say(t, s, hk, bot.FromCandidate, "", "残る", now)
		_, err := s.ForgetCandidate(ctx, gone, "test")
		must(t, err)
		if ms, err := s.HandoffMessages(ctx, hg.ID); err != nil || len(ms) != 0 {
			t.Errorf("after forget: %+v %v", ms, err)
		}
		if ms, err := s.HandoffMessages(ctx, hk.ID); err != nil || len(ms) != 1 {
			t.Errorf("another candidate's lines: %+v %v", ms, err)
		}
		n, err := s.Purge(ctx, now.Add(time.Hour))
		must(t, err)
		if ms, err := s.HandoffMessages(ctx, hk.ID); err != nil || len(ms) != 0 || n < 3 {
			t.Errorf("after purge (%d rows): %+v %v", n, ms, err)
		}
	})
}
