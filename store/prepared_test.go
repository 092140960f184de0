package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// A store opened before the migrations cannot run a batch; once they are
// applied it can, and on PostgreSQL its batches then run prepared
// statements (each of the fast lane's texts is valid PostgreSQL).
func TestAcceptBatchPreparesOnceTheTablesExist(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		ctx := context.Background()
		s, err := store.Open(ctx, url, storetest.Now)
		must(t, err)
		t.Cleanup(func() { s.Close() })
		events := []worker.Event{batchEvent("e1", "U1", "研修は？")}
		if _, err := runBatch(ctx, s, events, everyEvent, func(worker.BatchTx, []worker.Event) error { return nil }); err == nil {
			t.Fatal("AcceptBatch before the migrations: no error")
		}
		if n := s.LanePrepared(); n != 0 {
			t.Fatalf("%d statements prepared without tables", n)
		}
		must(t, s.Migrate(ctx))
		_, ready := acceptBatch(t, s, events, func(tx worker.BatchTx, evs []worker.Event) error {
			_, err := tx.ReadBatch(ctx, evs, 0)
			if err != nil {
				return err
			}
			return tx.WriteBatch(ctx, worker.BatchWrite{Asked: []worker.AskedQuestion{{Channel: bot.ChannelLINE, Outcome: "missed"}}})
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
	s := storetest.Open(t, storetest.PostgresURL(t), storetest.Now)
	for name, want := range map[string]string{"plan_cache_mode": "force_custom_plan"} {
		got, err := s.Setting(name)
		must(t, err)
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// Whatever students write reaches the inbox intact, however it travels
// (PostgreSQL: inside array literals): quotes, backslashes, braces,
// commas, the word NULL, blanks, newlines, an empty text, Japanese.
func TestAcceptBatchKeepsAnyText(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		texts := []string{`"quoted"`, `back\slash\\`, `{braces},{}`, `a,b`, `NULL`, "  blanks  ", "two\nlines\ttab",
			"", `研修は「4か月」ですか？`, `\"{NULL}\"`}
		// U0 has an event pending, so every later event of U0 is stored
		// pending too, with its text in the payload.
		_, err := s.AcceptEvents(ctx, []worker.Event{batchEvent("first", `U0`, "前の質問")})
		must(t, err)
		var events []worker.Event
		for i, text := range texts {
			events = append(events, batchEvent(fmt.Sprintf(`e"%d\{,}`, i), `U0`, text))
		}
		res, _ := acceptBatch(t, s, events, nil)
		if res.Pending != len(texts) {
			t.Fatalf("Pending = %d, want %d", res.Pending, len(texts))
		}
		var got []worker.Event
		for {
			ok, err := processNext(ctx, s, func(ev worker.Event) error {
				got = append(got, ev)
				return nil
			})
			must(t, err)
			if !ok {
				break
			}
		}
		if len(got) != len(texts)+1 {
			t.Fatalf("the worker got %d events, want %d", len(got), len(texts)+1)
		}
		for i, ev := range got[1:] {
			if ev.ID != events[i].ID || ev.Incoming.Text != texts[i] || ev.Incoming.Key != events[i].Incoming.Key {
				t.Errorf("event %d came back as %q %q %v, want %q %q", i, ev.ID, ev.Incoming.Text, ev.Incoming.Key, events[i].ID, texts[i])
			}
		}
	})
}
