package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

func TestInTxRollsBackOnError(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-rollback")
		err := s.InTx(ctx, key, func(tx bot.Tx) error {
			c := bot.Candidate{Key: key}
			if err := tx.SaveCandidate(ctx, &c); err != nil {
				return err
			}
			a := application(c, "消える")
			if err := tx.CreateApplication(ctx, &a); err != nil {
				return err
			}
			conv := bot.Conversation{Key: key, Mode: bot.ModeForm}
			if err := tx.SaveConversation(ctx, &conv); err != nil {
				return err
			}
			if _, err := tx.RecordMiss(ctx, "消える質問", "消える質問"); err != nil {
				return err
			}
			h := bot.Handoff{Key: key, Reason: "requested"}
			if err := tx.RecordHandoff(ctx, &h); err != nil {
				return err
			}
			return errBoom
		})
		wantErr(t, err, errBoom)

		inTx(t, s, key, func(tx bot.Tx) error {
			_, err := tx.Candidate(ctx, key)
			wantErr(t, err, bot.ErrNotFound)
			_, err = tx.Conversation(ctx, key)
			wantErr(t, err, bot.ErrNotFound)
			return nil
		})
		apps, err := s.ListApplications(ctx, bot.ApplicationFilter{})
		must(t, err)
		misses, err := s.ListMisses(ctx, 0)
		must(t, err)
		if len(apps) != 0 || len(misses) != 0 {
			t.Errorf("after rollback: %d applications, %d misses; want none", len(apps), len(misses))
		}

		c := addCandidate(t, s, key) // the rolled-back reference number is free again
		if a := submit(t, s, c, "残る"); !refPattern.MatchString(a.Ref) || a.Ref[len(a.Ref)-4:] != "0001" {
			t.Errorf("Ref after a rolled-back submission = %q, want …-0001", a.Ref)
		}
	})
}

func TestInTxSerialisesOneKey(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-serial")
		const workers, turns = 2, 50
		var wg sync.WaitGroup
		errs := make(chan error, workers*turns)
		for range workers {
			wg.Go(func() {
				for range turns {
					errs <- s.InTx(ctx, key, func(tx bot.Tx) error {
						c, err := tx.Conversation(ctx, key)
						if errors.Is(err, bot.ErrNotFound) {
							c, err = bot.Conversation{Key: key}, nil
						}
						if err != nil {
							return err
						}
						c.Misses++
						return tx.SaveConversation(ctx, &c)
					})
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		inTx(t, s, key, func(tx bot.Tx) error {
			c, err := tx.Conversation(ctx, key)
			if err == nil && (c.Misses != workers*turns || c.Version != workers*turns) {
				t.Errorf("Misses = %d, Version = %d; want %d each", c.Misses, c.Version, workers*turns)
			}
			return err
		})
	})
}

func TestRecordHandoff(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-handoff")
		h := bot.Handoff{Key: key, Reason: "unanswered", Question: "給料は？"}
		inTx(t, s, key, func(tx bot.Tx) error { return tx.RecordHandoff(ctx, &h) })
		if h.ID == 0 || h.Status != "requested" {
			t.Errorf("handoff = %+v, want an ID and status requested", h)
		}
		recent(t, "CreatedAt", h.CreatedAt)
	})
}
