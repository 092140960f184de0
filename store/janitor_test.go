package store_test

import (
	"context"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

func TestForgetCandidate(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		gone, kept := lineUser("U-forget"), lineUser("U-keep")
		for _, key := range []bot.UserKey{gone, kept} {
			c := addCandidate(t, s, key)
			a := submit(t, s, c, "名前 "+key.UserID)
			_, err := s.SetApplicationStatus(ctx, a.ID, bot.StatusDeclined, "admin")
			must(t, err)
			submit(t, s, c, "二回目 "+key.UserID)
			inTx(t, s, key, func(tx bot.Tx) error {
				conv := bot.Conversation{Key: key, Mode: bot.ModeForm, Answers: map[bot.Field]string{bot.FieldEmail: "a@b.jp"}}
				h := bot.Handoff{Key: key, Reason: "requested"}
				return errorsJoin(tx.SaveConversation(ctx, &conv), tx.RecordHandoff(ctx, &h),
					recordMiss(ctx, tx, "質問 "+key.UserID))
			})
		}
		before, err := s.ListApplications(ctx, bot.ApplicationFilter{})
		must(t, err)

		forgot, err := s.ForgetCandidate(ctx, gone, "test")
		must(t, err)
		if !forgot {
			t.Error("ForgetCandidate reported nothing deleted")
		}
		inTx(t, s, gone, func(tx bot.Tx) error {
			_, err := tx.Candidate(ctx, gone)
			wantErr(t, err, bot.ErrNotFound)
			_, err = tx.Conversation(ctx, gone)
			wantErr(t, err, bot.ErrNotFound)
			return nil
		})
		after, err := s.ListApplications(ctx, bot.ApplicationFilter{})
		must(t, err)
		for _, a := range before {
			_, err := s.ApplicationEvents(ctx, a.ID)
			if a.Key == gone {
				wantErr(t, err, bot.ErrNotFound)
			} else {
				must(t, err)
			}
		}
		if len(after) != 2 || after[0].Key != kept || after[1].Key != kept {
			t.Errorf("after forgetting: %+v, want the other candidate's two", after)
		}
		inTx(t, s, kept, func(tx bot.Tx) error {
			_, err := tx.Conversation(ctx, kept)
			return err
		})
		misses, err := s.ListMisses(ctx, 0)
		must(t, err)
		if len(misses) != 2 {
			t.Errorf("misses after forgetting = %d, want 2 (anonymous, kept)", len(misses))
		}

		forgot, err = s.ForgetCandidate(ctx, gone, "test")
		must(t, err)
		if forgot {
			t.Error("forgetting twice reported something deleted")
		}

		// A user who only asked for a person: the handoff is personal data too.
		asker := bot.UserKey{Channel: bot.ChannelSlack, UserID: "U-asker"}
		inTx(t, s, asker, func(tx bot.Tx) error {
			return tx.RecordHandoff(ctx, &bot.Handoff{Key: asker, Reason: "requested"})
		})
		for i, want := range []bool{true, false} {
			forgot, err := s.ForgetCandidate(ctx, asker, "test")
			must(t, err)
			if forgot != want {
				t.Errorf("forgetting a handoff-only user, try %d: %v, want %v", i+1, forgot, want)
			}
		}
	})
}
