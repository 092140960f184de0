package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// TestMain stops the throwaway PostgreSQL cluster, if the tests started one.
func TestMain(m *testing.M) { storetest.Main(m) }

// contract runs fn on a fresh, migrated store of each engine, in parallel.
func contract(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		fn(t, storetest.Open(t, url, storetest.Now))
	})
}

// processNext does what the worker does with the next pending event:
// claims it, then processes it with fn (which sees only the event), and
// reports whether there was one.
func processNext(ctx context.Context, s *store.Store, fn func(worker.Event) error) (bool, error) {
	ev, ok, err := s.ClaimNextEvent(ctx, time.Minute)
	if !ok || err != nil {
		return ok, err
	}
	return true, s.ProcessEvent(ctx, ev, func(bot.Tx) error { return fn(ev) })
}

// runBatch does what the worker's fast lane does with a batch: stores the
// events in one transaction, hands the ready ones (if any) to fn in it,
// and commits when fn succeeds (nothing is stored when it fails).
func runBatch(ctx context.Context, s *store.Store, events []worker.Event, eager func(worker.Event) bool,
	fn func(worker.BatchTx, []worker.Event) error) (worker.BatchResult, error) {
	tx, err := s.BeginBatch(ctx)
	if err != nil {
		return worker.BatchResult{}, err
	}
	defer tx.Rollback()
	res, ready, err := tx.Accept(ctx, events, eager)
	if err != nil {
		return worker.BatchResult{}, err
	}
	if len(ready) > 0 {
		if err := fn(tx, ready); err != nil {
			return worker.BatchResult{}, err
		}
	}
	return res, tx.Commit()
}

// lineUser is a LINE user key.
func lineUser(id string) bot.UserKey {
	return bot.UserKey{Channel: bot.ChannelLINE, UserID: id}
}

// inTx runs fn in s.InTx and fails the test on an error.
func inTx(t testing.TB, s *store.Store, key bot.UserKey, fn func(tx bot.Tx) error) {
	t.Helper()
	if err := s.InTx(context.Background(), key, fn); err != nil {
		t.Fatalf("InTx(%v): %v", key, err)
	}
}

// addCandidate stores a candidate for key and returns it.
func addCandidate(t testing.TB, s *store.Store, key bot.UserKey) bot.Candidate {
	t.Helper()
	c := bot.Candidate{Key: key, DisplayName: "学生 " + key.UserID}
	inTx(t, s, key, func(tx bot.Tx) error { return tx.SaveCandidate(context.Background(), &c) })
	return c
}

// application is a filled-in form of candidate c.
func application(c bot.Candidate, name string) bot.Application {
	return bot.Application{
		CandidateID: c.ID, Key: c.Key, Name: name, Kana: "ホッカイ タロウ",
		School: "北見工業大学", Department: "工学部 情報システム工学科", Graduation: "2027-03",
		Email: "taro@example.jp", Phone: "09012345678", KitamiWish: "はい",
		ITExperience: "授業で少し", Motivation: "北見で働きたい",
	}
}

// submit stores an application of candidate c and returns it.
func submit(t testing.TB, s *store.Store, c bot.Candidate, name string) bot.Application {
	t.Helper()
	a := application(c, name)
	inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.CreateApplication(context.Background(), &a) })
	return a
}

// wantErr fails the test unless err is target.
func wantErr(t testing.TB, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("err = %v, want %v", err, target)
	}
}

// must fails the test on err.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// sameTime fails the test unless got and want are the same instant, in UTC.
func sameTime(t testing.TB, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("%s = %v, want %v (UTC)", what, got, want)
	}
}

// recent fails the test unless at is within a minute of now, in UTC.
func recent(t testing.TB, what string, at time.Time) {
	t.Helper()
	if d := storetest.Now().Sub(at); d < -time.Minute || d > time.Minute || at.Location() != time.UTC {
		t.Errorf("%s = %v, want about now, in UTC", what, at)
	}
}

// errBoom is a test failure inside a transaction.
var errBoom = fmt.Errorf("boom")

// errorsJoin is errors.Join, for several calls in one expression.
func errorsJoin(errs ...error) error { return errors.Join(errs...) }
