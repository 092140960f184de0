package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestConversationRoundTrip(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		key := lineUser("U-conv")
		inTx(t, s, key, func(tx bot.Tx) error {
			_, err := tx.Conversation(ctx, key)
			wantErr(t, err, bot.ErrNotFound)
			return nil
		})

		c := bot.Conversation{
			Key: key, Mode: bot.ModeForm, Step: bot.FieldEmail, Resume: bot.ModeConfirm, Misses: 2,
			Answers: map[bot.Field]string{bot.FieldName: "北見 太郎", bot.FieldKana: "キタミ タロウ"},
		}
		inTx(t, s, key, func(tx bot.Tx) error { return tx.SaveConversation(ctx, &c) })
		if c.Version != 1 {
			t.Errorf("Version after the first save = %d, want 1", c.Version)
		}
		recent(t, "UpdatedAt", c.UpdatedAt)

		var got bot.Conversation
		inTx(t, s, key, func(tx bot.Tx) (err error) { got, err = tx.Conversation(ctx, key); return err })
		if !reflect.DeepEqual(got, c) {
			t.Errorf("Conversation = %+v\nwant %+v", got, c)
		}
		sameTime(t, "UpdatedAt", got.UpdatedAt, c.UpdatedAt)

		got.Mode, got.Answers = bot.ModeIdle, nil
		inTx(t, s, key, func(tx bot.Tx) error { return tx.SaveConversation(ctx, &got) })
		if got.Version != 2 {
			t.Errorf("Version after the second save = %d, want 2", got.Version)
		}
		inTx(t, s, key, func(tx bot.Tx) error {
			again, err := tx.Conversation(ctx, key)
			if err == nil && (again.Answers == nil || len(again.Answers) != 0 || again.Mode != bot.ModeIdle) {
				t.Errorf("after clearing, Conversation = %+v, want idle with an empty map", again)
			}
			return err
		})

		fresh := bot.Conversation{Key: key} // saved over a stored one: the version still moves on
		inTx(t, s, key, func(tx bot.Tx) error { return tx.SaveConversation(ctx, &fresh) })
		if fresh.Version != 3 {
			t.Errorf("Version of a fresh value saved over version 2 = %d, want 3", fresh.Version)
		}

		inTx(t, s, key, func(tx bot.Tx) error { return tx.DeleteConversation(ctx, key) })
		inTx(t, s, key, func(tx bot.Tx) error { return tx.DeleteConversation(ctx, key) }) // no-op
		inTx(t, s, key, func(tx bot.Tx) error {
			_, err := tx.Conversation(ctx, key)
			wantErr(t, err, bot.ErrNotFound)
			return nil
		})
	})
}

func TestConversationsAreSeparatePerKey(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		line := lineUser("same-id")
		slack := bot.UserKey{Channel: bot.ChannelSlack, UserID: "same-id"}
		for i, key := range []bot.UserKey{line, slack} {
			c := bot.Conversation{Key: key, Misses: i + 1}
			inTx(t, s, key, func(tx bot.Tx) error { return tx.SaveConversation(ctx, &c) })
		}
		inTx(t, s, slack, func(tx bot.Tx) error {
			c, err := tx.Conversation(ctx, slack)
			if err == nil && c.Misses != 2 {
				t.Errorf("Slack conversation = %+v, want its own", c)
			}
			return err
		})
	})
}

func TestExpireConversations(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, k := range []struct {
			id   string
			mode bot.Mode
		}{{"idle", bot.ModeIdle}, {"form", bot.ModeForm}, {"confirm", bot.ModeConfirm}} {
			c := bot.Conversation{Key: lineUser(k.id), Mode: k.mode, Answers: map[bot.Field]string{bot.FieldName: "x"}}
			inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.SaveConversation(ctx, &c) })
		}
		n, err := s.ExpireConversations(ctx, storetest.Now().Add(-time.Hour))
		must(t, err)
		if n != 0 {
			t.Errorf("expired %d recent conversations, want 0", n)
		}
		n, err = s.ExpireConversations(ctx, storetest.Now().Add(time.Second))
		must(t, err)
		if n != 2 {
			t.Errorf("expired %d, want 2 (the unfinished ones)", n)
		}
		for id, want := range map[string]error{"idle": nil, "form": bot.ErrNotFound, "confirm": bot.ErrNotFound} {
			inTx(t, s, lineUser(id), func(tx bot.Tx) error {
				_, err := tx.Conversation(ctx, lineUser(id))
				if want == nil {
					must(t, err)
				} else {
					wantErr(t, err, want)
				}
				return nil
			})
		}
	})
}
