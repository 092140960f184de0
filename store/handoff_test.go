package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestHandoffLifecycle(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := addCandidate(t, s, lineUser("U-open"))
		app := submit(t, s, c, "北見 太郎")
		at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
		h := bot.Handoff{Key: c.Key, Reason: bot.HandoffAsked, Question: "寮はありますか", Recent: []string{"寮はありますか"},
			Status: bot.HandoffOpen, LastAt: at}
		inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.RecordHandoff(ctx, &h) })
		second := bot.Handoff{Key: c.Key, Status: bot.HandoffOpen}
		wantErr(t, s.InTx(ctx, c.Key, func(tx bot.Tx) error { return tx.RecordHandoff(ctx, &second) }), bot.ErrConflict)

		must(t, s.SetHandoffThread(ctx, h.ID, "CREC", "1700000000.000100"))
		byThread, err := s.HandoffByThread(ctx, "CREC", "1700000000.000100")
		if err != nil || byThread.ID != h.ID || !byThread.LastAt.Equal(at) {
			t.Fatalf("by thread: %+v %v", byThread, err)
		}
		_, err = s.HandoffByThread(ctx, "CREC", "1600000000.000001")
		wantErr(t, err, bot.ErrNotFound)
		view, err := s.HandoffView(ctx, h.ID)
		if err != nil || view.DisplayName != "学生 U-open" || view.ApplicationRef != app.Ref || view.Recent[0] != "寮はありますか" {
			t.Fatalf("view: %+v %v", view, err)
		}

		idle, err := s.IdleHandoffs(ctx, at.Add(time.Hour), 10)
		if err != nil || len(idle) != 1 {
			t.Fatalf("idle: %v %v", idle, err)
		}
		inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.TouchHandoff(ctx, h.ID, at.Add(2*time.Hour)) })
		if idle, _ := s.IdleHandoffs(ctx, at.Add(time.Hour), 10); len(idle) != 0 {
			t.Fatalf("touched handoff still idle: %v", idle)
		}
		inTx(t, s, c.Key, func(tx bot.Tx) error {
			closed, err := tx.CloseHandoff(ctx, h.ID, "USTAFF", at.Add(3*time.Hour))
			if err != nil || !closed {
				return fmt.Errorf("close: %v %w", closed, err)
			}
			again, err := tx.CloseHandoff(ctx, h.ID, "USTAFF", at.Add(4*time.Hour))
			if err != nil || again {
				return fmt.Errorf("closed twice: %v %w", again, err)
			}
			_, err = tx.OpenHandoff(ctx, c.Key)
			wantErr(t, err, bot.ErrNotFound)
			return nil
		})
		got, err := s.Handoff(ctx, h.ID)
		if err != nil || got.Status != bot.HandoffClosed || got.ClosedBy != "USTAFF" || len(got.Recent) != 0 {
			t.Fatalf("closed: %+v %v", got, err)
		}
		sameTime(t, "ClosedAt", got.ClosedAt, at.Add(3*time.Hour))
		_, err = s.Handoff(ctx, 999999)
		wantErr(t, err, bot.ErrNotFound)
	})
}

func TestRecentQuestions(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := addCandidate(t, s, lineUser("U-recent"))
		other := addCandidate(t, s, lineUser("U-other"))
		stranger := lineUser("U-stranger") // not a candidate: nothing is kept
		at := storetest.Now().UTC()
		inTx(t, s, other.Key, func(tx bot.Tx) error {
			return tx.RememberQuestion(ctx, other.Key, "古い質問", at.Add(-25*time.Hour))
		})
		for i, q := range []string{"一", "二", "三", "四"} {
			inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.RememberQuestion(ctx, c.Key, q, at.Add(time.Duration(i)*time.Second)) })
		}
		inTx(t, s, stranger, func(tx bot.Tx) error { return tx.RememberQuestion(ctx, stranger, "誰？", at) })
		take := func(key bot.UserKey) []string {
			var got []string
			inTx(t, s, key, func(tx bot.Tx) error {
				var err error
				got, err = tx.TakeRecentQuestions(ctx, key)
				return err
			})
			return got
		}
		if got := fmt.Sprint(take(c.Key)); got != "[二 三 四]" {
			t.Fatalf("recent = %s, want the last three", got)
		}
		if got := take(c.Key); len(got) != 0 {
			t.Fatalf("taken twice: %v", got)
		}
		if got := take(other.Key); len(got) != 0 {
			t.Fatalf("a day-old question kept: %v", got)
		}
		if got := take(stranger); len(got) != 0 {
			t.Fatalf("kept for a non-candidate: %v", got)
		}
	})
}

func TestChangeApplicationStatusInTx(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := addCandidate(t, s, lineUser("U-status"))
		app := submit(t, s, c, "北見 太郎")
		inTx(t, s, c.Key, func(tx bot.Tx) error {
			got, changed, err := tx.ChangeApplicationStatus(ctx, app.ID, bot.StatusScreening, "USTAFF")
			if err != nil || !changed || got.Status != bot.StatusScreening {
				return fmt.Errorf("change: %+v %v %w", got, changed, err)
			}
			_, changed, err = tx.ChangeApplicationStatus(ctx, app.ID, bot.StatusScreening, "USTAFF")
			if err != nil || changed {
				return fmt.Errorf("same again: %v %w", changed, err)
			}
			return nil
		})
		err := s.InTx(ctx, c.Key, func(tx bot.Tx) error {
			_, _, err := tx.ChangeApplicationStatus(ctx, 424242, bot.StatusOffer, "USTAFF")
			return err
		})
		wantErr(t, err, bot.ErrNotFound)
		// A declined application cannot come back beside a new active one.
		inTx(t, s, c.Key, func(tx bot.Tx) error {
			_, _, err := tx.ChangeApplicationStatus(ctx, app.ID, bot.StatusDeclined, "USTAFF")
			return err
		})
		submit(t, s, c, "北見 太郎")
		err = s.InTx(ctx, c.Key, func(tx bot.Tx) error {
			_, _, err := tx.ChangeApplicationStatus(ctx, app.ID, bot.StatusScreening, "USTAFF")
			return err
		})
		wantErr(t, err, bot.ErrActiveApplication)
		events, err := s.ApplicationEvents(ctx, app.ID)
		if err != nil || len(events) != 3 || events[1].Actor != "USTAFF" {
			t.Fatalf("events: %+v %v", events, err)
		}
	})
}

func TestAuditedFAQEdits(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		rev0, _ := s.FAQRevision(ctx)
		f := &faq.FAQ{Question: "寮はありますか？", Answer: "ありません。", Category: "生活", Enabled: true, UpdatedBy: "UALICE"}
		must(t, s.CreateFAQ(ctx, f))
		if f.ID == "" || f.Version != 1 {
			t.Fatalf("created: %+v", f)
		}
		f.Answer, f.UpdatedBy = "会社の寮はありません。", "UBOB"
		must(t, s.UpdateFAQ(ctx, f))
		stale := *f
		stale.Version = 1
		wantErr(t, s.UpdateFAQ(ctx, &stale), bot.ErrConflict)
		wantErr(t, s.DeleteFAQ(ctx, f.ID, 1, "UCAROL"), bot.ErrConflict)
		must(t, s.DeleteFAQ(ctx, f.ID, 2, "UCAROL"))
		wantErr(t, s.DeleteFAQ(ctx, f.ID, 2, "UCAROL"), bot.ErrNotFound)
		if rev, _ := s.FAQRevision(ctx); rev != rev0+3 {
			t.Errorf("revision %d, want %d", rev, rev0+3)
		}
		events, err := s.FAQEvents(ctx, f.ID)
		if err != nil || len(events) != 3 {
			t.Fatalf("events: %+v %v", events, err)
		}
		want := []struct{ actor, action string }{{"UALICE", store.FAQCreated}, {"UBOB", store.FAQUpdated}, {"UCAROL", store.FAQDeleted}}
		for i, w := range want {
			if events[i].Actor != w.actor || events[i].Action != w.action || events[i].Question != "寮はありますか？" {
				t.Errorf("event %d = %+v, want %v", i, events[i], w)
			}
			recent(t, "At", events[i].At)
		}
	})
}
