package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

func TestCandidateUpsert(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-cand")
		inTx(t, s, key, func(tx bot.Tx) error {
			_, err := tx.Candidate(ctx, key)
			wantErr(t, err, bot.ErrNotFound)
			return nil
		})
		c := bot.Candidate{Key: key, DisplayName: "たろう"}
		inTx(t, s, key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &c) })
		if c.ID == 0 {
			t.Fatal("SaveCandidate did not set ID")
		}
		recent(t, "CreatedAt", c.CreatedAt)

		consent := time.Date(2026, 4, 1, 9, 30, 15, 123456789, time.FixedZone("JST", 9*3600))
		again := bot.Candidate{Key: key, DisplayName: "太郎", Blocked: true, ConsentAt: consent}
		inTx(t, s, key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &again) })
		if again.ID != c.ID || !again.CreatedAt.Equal(c.CreatedAt) {
			t.Errorf("second save = %+v, want the same ID %d and CreatedAt", again, c.ID)
		}

		var got bot.Candidate
		inTx(t, s, key, func(tx bot.Tx) (err error) { got, err = tx.Candidate(ctx, key); return err })
		if got.ID != c.ID || got.DisplayName != "太郎" || !got.Blocked || got.Key != key {
			t.Errorf("Candidate = %+v", got)
		}
		sameTime(t, "ConsentAt", got.ConsentAt, consent.Truncate(time.Microsecond))
		sameTime(t, "CreatedAt", got.CreatedAt, c.CreatedAt)
		sameTime(t, "UpdatedAt", got.UpdatedAt, again.UpdatedAt)

		got.ConsentAt, got.Blocked = time.Time{}, false
		inTx(t, s, key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &got) })
		inTx(t, s, key, func(tx bot.Tx) error {
			back, err := tx.Candidate(ctx, key)
			if err == nil && (!back.ConsentAt.IsZero() || back.Blocked) {
				t.Errorf("after clearing consent: %+v", back)
			}
			return err
		})
	})
}
