package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// batchEvent is a text message event from user.
func batchEvent(id, user, text string) worker.Event {
	return worker.Event{ID: id, ReceivedAt: storetest.Now(), ReplyToken: "tok-" + id,
		Incoming: bot.Incoming{Key: lineUser(user), Kind: bot.KindMessage, Text: text}}
}

func everyEvent(worker.Event) bool { return true }

// acceptBatch runs a batch (runBatch) and returns the ids handed to fn.
func acceptBatch(t *testing.T, s *store.Store, events []worker.Event, fn func(worker.BatchTx, []worker.Event) error) (worker.BatchResult, []string) {
	t.Helper()
	var ready []string
	res, err := runBatch(context.Background(), s, events, everyEvent, func(tx worker.BatchTx, evs []worker.Event) error {
		for _, ev := range evs {
			if ev.Seq == 0 {
				t.Errorf("event %s handed over without its inbox seq", ev.ID)
			}
			ready = append(ready, ev.ID)
		}
		if fn != nil {
			return fn(tx, evs)
		}
		return nil
	})
	must(t, err)
	return res, ready
}

func TestAcceptBatchHandsOverWhatNothingWaitsFor(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// U2 already has an event waiting for the worker.
		_, err := s.AcceptEvents(ctx, []worker.Event{batchEvent("e0", "U2", "前の質問")})
		must(t, err)
		events := []worker.Event{
			batchEvent("e1", "U1", "研修は？"),
			batchEvent("e2", "U2", "冬は寒い？"),  // behind e0
			batchEvent("e3", "U1", "給料は？"),   // U1's second in the batch
			batchEvent("e1", "U1", "研修は？"),   // a duplicate within the batch
			batchEvent("e0", "U2", "前の質問"),   // a duplicate of a stored one
			batchEvent("e4", "U3", "北見はどこ？"), // follows and such go to the worker
		}
		events[5].Incoming.Kind = bot.KindFollow
		res, err := runBatch(ctx, s, events, func(ev worker.Event) bool { return ev.Incoming.Kind == bot.KindMessage },
			func(tx worker.BatchTx, evs []worker.Event) error {
				if len(evs) != 1 || evs[0].ID != "e1" {
					t.Errorf("handed over %v, want only e1", ids(evs))
				}
				return nil
			})
		must(t, err)
		if want := []bool{true, true, true, false, false, true}; fmt.Sprint(res.New) != fmt.Sprint(want) {
			t.Errorf("New = %v, want %v", res.New, want)
		}
		if res.Pending != 3 {
			t.Errorf("Pending = %d, want 3 (e2, e3, e4)", res.Pending)
		}
		// The worker takes the rest in order: e0 and e2 of U2, e3 of U1, e4.
		var order []string
		for {
			ok, err := processNext(ctx, s, func(ev worker.Event) error {
				order = append(order, ev.ID)
				return nil
			})
			must(t, err)
			if !ok {
				break
			}
		}
		if fmt.Sprint(order) != "[e0 e2 e3 e4]" {
			t.Errorf("the worker processed %v, want [e0 e2 e3 e4] (e1 is done)", order)
		}
	})
}

func ids(evs []worker.Event) []string {
	var out []string
	for _, ev := range evs {
		out = append(out, ev.ID)
	}
	return out
}

func TestAcceptBatchStoresNothingWhenFnFails(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		events := []worker.Event{batchEvent("f1", "U1", "a"), batchEvent("f2", "U1", "b")}
		_, err := runBatch(ctx, s, events, everyEvent, func(tx worker.BatchTx, evs []worker.Event) error {
			d := &bot.Delivery{Kind: bot.DeliveryReply, Key: lineUser("U1"), Replies: []bot.Reply{{Text: "x"}}}
			must(t, tx.WriteBatch(ctx, worker.BatchWrite{Replies: []*bot.Delivery{d}, LeaseUntil: storetest.Now().Add(time.Minute),
				Asked: []worker.AskedQuestion{{Channel: bot.ChannelLINE, Outcome: "answered", FAQID: "x"}}}))
			return errBoom
		})
		wantErr(t, err, errBoom)
		g, err := s.Gauges(ctx)
		must(t, err)
		if g.InboxPending != 0 || g.OutboxPending != 0 || g.Questions["answered"] != 0 {
			t.Errorf("after a failed batch: %+v; want nothing stored", g)
		}
		res, ready := acceptBatch(t, s, events, nil)
		if fmt.Sprint(res.New) != "[true true]" || fmt.Sprint(ready) != "[f1]" {
			t.Errorf("the same events again: New %v, handed over %v", res.New, ready)
		}
	})
}

func TestAcceptBatchLeavesUsersWithPendingDeliveries(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, ready := acceptBatch(t, s, []worker.Event{batchEvent("g1", "U1", "a")}, func(tx worker.BatchTx, evs []worker.Event) error {
			d := &bot.Delivery{Kind: bot.DeliveryReply, Key: lineUser("U1"), Replies: []bot.Reply{{Text: "答え"}}}
			if err := tx.WriteBatch(ctx, worker.BatchWrite{Replies: []*bot.Delivery{d}, LeaseUntil: storetest.Now().Add(time.Minute)}); err != nil {
				return err
			}
			if d.ID == 0 || d.RetryKey == "" || d.CreatedAt.IsZero() {
				t.Errorf("WriteBatch left %+v without ID, RetryKey or CreatedAt", d)
			}
			return nil
		})
		if fmt.Sprint(ready) != "[g1]" {
			t.Fatalf("handed over %v", ready)
		}
		// The reply is leased: no worker takes it, and U1's next event waits.
		if got, err := s.ClaimDeliveries(ctx, storetest.Now(), 10, time.Minute); err != nil || len(got) != 0 {
			t.Errorf("ClaimDeliveries during the lease = %d, %v; want none", len(got), err)
		}
		if _, ready := acceptBatch(t, s, []worker.Event{batchEvent("g2", "U1", "b")}, nil); len(ready) != 0 {
			t.Errorf("U1's next event handed over %v while a reply is unsent", ready)
		}
		// After the lease (the process died) any worker sends it.
		got, err := s.ClaimDeliveries(ctx, storetest.Now().Add(2*time.Minute), 10, time.Minute)
		must(t, err)
		if len(got) != 1 || got[0].Replies[0].Text != "答え" {
			t.Fatalf("ClaimDeliveries after the lease = %+v", got)
		}
		// The next batch records it as sent, with what it writes itself.
		acceptBatch(t, s, []worker.Event{batchEvent("g3", "U9", "c")}, func(tx worker.BatchTx, _ []worker.Event) error {
			return tx.WriteBatch(ctx, worker.BatchWrite{Sent: []int64{got[0].ID},
				Asked: []worker.AskedQuestion{{Channel: bot.ChannelLINE, Outcome: "missed"}}})
		})
		if g, err := s.Gauges(ctx); err != nil || g.OutboxPending != 0 || g.Questions["missed"] != 1 {
			t.Errorf("after WriteBatch with Sent: %d pending, %v counted, %v", g.OutboxPending, g.Questions, err)
		}
	})
}

func TestBatchTxReadsAndWritesForManyUsers(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		inTx(t, s, lineUser("U1"), func(tx bot.Tx) error {
			c := bot.Conversation{Key: lineUser("U1"), Misses: 1}
			return tx.SaveConversation(ctx, &c)
		})
		// U1 sent three events in the last minute (and one long ago).
		old := batchEvent("h0", "U1", "昔の")
		old.ReceivedAt = storetest.Now().Add(-time.Hour)
		_, err := s.AcceptEvents(ctx, []worker.Event{old})
		must(t, err)
		_, err = processNext(ctx, s, func(worker.Event) error { return nil })
		must(t, err)
		for i := range 2 {
			_, _ = acceptBatch(t, s, []worker.Event{batchEvent(fmt.Sprint("h", i+1), "U1", "x")}, nil)
		}
		events := []worker.Event{batchEvent("h3", "U1", "x"), batchEvent("h4", "U2", "y")}
		acceptBatch(t, s, events, func(tx worker.BatchTx, evs []worker.Event) error {
			read, err := tx.ReadBatch(ctx, evs, time.Minute)
			must(t, err)
			if convs := read.Conversations; len(convs) != 1 || convs[lineUser("U1")].Misses != 1 {
				t.Errorf("Conversations = %+v, want U1's only", convs)
			}
			if read.Recent[lineUser("U1")] != 3 || read.Recent[lineUser("U2")] != 1 {
				t.Errorf("Recent = %v, want U1: 3, U2: 1", read.Recent)
			}
			return tx.WriteBatch(ctx, worker.BatchWrite{Asked: []worker.AskedQuestion{
				{Channel: bot.ChannelLINE, Outcome: "answered", FAQID: "training"},
				{Channel: bot.ChannelLINE, Outcome: "missed"},
			}})
		})
		g, err := s.Gauges(ctx)
		must(t, err)
		if g.Questions["answered"] != 1 || g.Questions["missed"] != 1 {
			t.Errorf("questions counted: %v", g.Questions)
		}
	})
}

func TestAcceptBatchSkipsUsersLockedElsewhere(t *testing.T) {
	t.Parallel()
	s := storetest.Open(t, storetest.PostgresURL(t), storetest.Now) // SQLite runs one transaction at a time
	ctx := context.Background()
	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- s.InTx(ctx, lineUser("U1"), func(bot.Tx) error { close(holding); <-release; return nil })
	}()
	<-holding
	res, ready := acceptBatch(t, s, []worker.Event{batchEvent("l1", "U1", "a"), batchEvent("l2", "U2", "b")}, nil)
	close(release)
	must(t, <-done)
	if fmt.Sprint(ready) != "[l2]" || res.Pending != 1 {
		t.Errorf("with U1's turn running elsewhere: handed over %v, %d pending; want [l2], 1", ready, res.Pending)
	}
}

// TestRememberQuestionsKeepsWhatRememberQuestionKeeps: the batch form keeps
// the newest three of each candidate for a day, and nothing of others.
func TestRememberQuestionsKeepsWhatRememberQuestionKeeps(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := addCandidate(t, s, lineUser("U-recent"))
		other := addCandidate(t, s, lineUser("U-other"))
		at := storetest.Now().UTC()
		inTx(t, s, other.Key, func(tx bot.Tx) error {
			return tx.RememberQuestion(ctx, other.Key, "古い質問", at.Add(-25*time.Hour))
		})
		for i, q := range []string{"一", "二", "三"} {
			inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.RememberQuestion(ctx, c.Key, q, at.Add(time.Duration(i)*time.Second)) })
		}
		events := []worker.Event{batchEvent("r1", "U-recent", "四"), batchEvent("r2", "U-stranger", "誰？")}
		acceptBatch(t, s, events, func(tx worker.BatchTx, _ []worker.Event) error {
			return tx.WriteBatch(ctx, worker.BatchWrite{Kept: []worker.RecentQuestion{
				{Key: c.Key, Text: "四", At: at.Add(3 * time.Second)},
				{Key: lineUser("U-stranger"), Text: "誰？", At: at.Add(3 * time.Second)},
			}})
		})
		take := func(key bot.UserKey) string {
			var got []string
			inTx(t, s, key, func(tx bot.Tx) error {
				var err error
				got, err = tx.TakeRecentQuestions(ctx, key)
				return err
			})
			return fmt.Sprint(got)
		}
		if got := take(c.Key); got != "[二 三 四]" {
			t.Errorf("recent = %s, want the last three", got)
		}
		if got := take(other.Key); got != "[]" {
			t.Errorf("a day-old question kept: %s", got)
		}
		if got := take(lineUser("U-stranger")); got != "[]" {
			t.Errorf("kept for a non-candidate: %s", got)
		}
	})
}

// TestClaimNextEventLeases: a claimed event is not handed to another worker
// while its lease lasts, its user's later events wait behind it, other
// users' events do not, and an event finished elsewhere is not processed
// again.
func TestClaimNextEventLeases(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, err := s.AcceptEvents(ctx, []worker.Event{batchEvent("c1", "U1", "a"), batchEvent("c2", "U1", "b"),
			batchEvent("c3", "U2", "c")})
		must(t, err)
		first, ok, err := s.ClaimNextEvent(ctx, time.Minute)
		must(t, err)
		if !ok || first.ID != "c1" {
			t.Fatalf("first claim = %q %v, want c1", first.ID, ok)
		}
		second, ok, err := s.ClaimNextEvent(ctx, time.Minute)
		must(t, err)
		if !ok || second.ID != "c3" {
			t.Fatalf("second claim = %q %v, want c3 (c2 waits behind c1)", second.ID, ok)
		}
		if _, ok, err := s.ClaimNextEvent(ctx, time.Minute); ok || err != nil {
			t.Fatalf("third claim found an event (%v): every due event is leased", err)
		}
		runs := 0
		count := func(bot.Tx) error { runs++; return nil }
		must(t, s.ProcessEvent(ctx, first, count))
		must(t, s.ProcessEvent(ctx, first, count)) // finished already: left alone
		if runs != 1 {
			t.Errorf("fn ran %d times for one event, want 1", runs)
		}
		next, ok, err := s.ClaimNextEvent(ctx, time.Minute)
		must(t, err)
		if !ok || next.ID != "c2" {
			t.Errorf("after c1 is done: claim = %q %v, want c2", next.ID, ok)
		}
	})
}
