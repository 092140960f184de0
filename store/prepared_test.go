package store_test

import (
	"context"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// A store opened before the migrations cannot run a batch; once they are
// applied it can, and on PostgreSQL its batches then run prepared
// statements (each of the fast lane's texts is valid PostgreSQL).
func TestAcceptBatchPreparesOnceTheTablesExist(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		ctx := context.Background()
		s, err := store.Open(ctx, url)
		must(t, err)
		t.Cleanup(func() { s.Close() })
		events := []bot.Event{batchEvent("e1", "U1", "研修は？")}
		if _, err := s.AcceptBatch(ctx, events, everyEvent, func(bot.BatchTx, []bot.Event) error { return nil }); err == nil {
			t.Fatal("AcceptBatch before the migrations: no error")
		}
		if n := s.LanePrepared(); n != 0 {
			t.Fatalf("%d statements prepared without tables", n)
		}
		must(t, s.Migrate(ctx))
		_, ready := acceptBatch(t, s, events, func(tx bot.BatchTx, evs []bot.Event) error {
			_, err := tx.ReadBatch(ctx, evs, 0)
			if err != nil {
				return err
			}
			return tx.WriteBatch(ctx, bot.BatchWrite{Asked: []bot.AskedQuestion{{Channel: bot.ChannelLINE, Outcome: "missed"}}})
		})
		if len(ready) != 1 {
			t.Fatalf("handed over %v, want e1", ready)
		}
		want := 0
		if s.Dialect() == store.DialectPostgres {
			want = 5
		}
		if n := s.LanePrepared(); n != want {
			t.Errorf("%d of the fast lane's statements prepared, want %d", n, want)
		}
	})
}

// The fast lane's prepared statements are planned with each batch's values:
// a generic plan made while the tables are small would scan them whole once
// they have grown.
func TestPostgresPlansWithTheValues(t *testing.T) {
	t.Parallel()
	s := storetest.Open(t, storetest.PostgresURL(t))
	for name, want := range map[string]string{"plan_cache_mode": "force_custom_plan"} {
		got, err := s.Setting(name)
		must(t, err)
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}
