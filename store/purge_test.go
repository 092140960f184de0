package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestPurgeKeepsRecentDataAndLogsWithoutData(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-purge")
		c := addCandidate(t, s, key)
		submit(t, s, c, "北見 太郎")
		inTx(t, s, key, func(tx bot.Tx) error {
			conv := bot.Conversation{Key: key, Mode: bot.ModeForm, Answers: map[bot.Field]string{bot.FieldEmail: "a@b.jp"}}
			id, err := tx.RecordMiss(ctx, "電話は09012345678です", "電話は09012345678です")
			return errorsJoin(err, tx.SaveConversation(ctx, &conv), tx.RecordMissPick(ctx, id, "dorm"))
		})
		// A cutoff in the past: everything is recent and stays.
		n, err := s.Purge(ctx, storetest.Now().Add(-time.Hour))
		must(t, err)
		if n != 0 {
			t.Fatalf("purged %d recent rows", n)
		}
		// A cutoff in the future: everything is too old.
		n, err = s.Purge(ctx, storetest.Now().Add(time.Hour))
		must(t, err)
		if n < 4 { // application, conversation, candidate, miss
			t.Fatalf("purged only %d rows", n)
		}
		apps, err := s.ListApplications(ctx, bot.ApplicationFilter{})
		must(t, err)
		misses, err := s.ListMisses(ctx, 0)
		must(t, err)
		if len(apps) != 0 || len(misses) != 0 {
			t.Fatalf("left after purge: %d applications, %d misses", len(apps), len(misses))
		}
		if picks, err := s.MissPickRows(ctx); err != nil || picks != 0 {
			t.Fatalf("left after purge: %d picks (%v); want them gone with their miss", picks, err)
		}
		inTx(t, s, key, func(tx bot.Tx) error {
			_, err := tx.Candidate(ctx, key)
			wantErr(t, err, bot.ErrNotFound)
			return nil
		})
		log, err := s.Deletions(ctx, 10)
		must(t, err)
		if len(log) != 2 || log[0].Action != "purge" || log[0].RowCount != n || log[0].Subject != "" {
			t.Fatalf("deletion log: %+v", log)
		}
	})
}

func TestForgetIsLoggedByHashOnly(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-forget-log")
		submit(t, s, addCandidate(t, s, key), "北見 花子")
		if _, err := s.ForgetCandidate(ctx, key, "admin"); err != nil {
			t.Fatal(err)
		}
		log, err := s.Deletions(ctx, 10)
		must(t, err)
		if len(log) != 1 || log[0].Action != "forget" || log[0].Actor != "admin" || len(log[0].Subject) != 16 {
			t.Fatalf("deletion log: %+v", log)
		}
		if log[0].Subject == key.UserID {
			t.Fatal("the log names the user")
		}
	})
}
