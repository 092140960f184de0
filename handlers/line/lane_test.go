package line_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/lib/pq" // the trigger that makes a batch fail
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store/storetest"
)

// pendingWork is what is left for the worker: events and deliveries.
func (e *env) pendingWork() (events, deliveries int) {
	e.t.Helper()
	g, err := e.store.Gauges(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return g.InboxPending, g.OutboxPending
}

func TestFastLaneAnswersWithoutTheWorker(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		if code := e.post(callback(e.text("U1", "研修は何ヶ月ですか"))); code != 200 {
			t.Fatalf("webhook: %d", code)
		}
		e.worker.Settle() // no ProcessEvents, no DeliverDue
		d := e.api.Delivered()
		if len(d) != 1 || d[0].Path != "/v2/bot/message/reply" || !strings.Contains(messagesText(d[0]), "4ヶ月") {
			t.Fatalf("delivered %+v; want the training answer as a reply", d)
		}
		if ev, dl := e.pendingWork(); ev != 0 || dl != 0 {
			t.Errorf("left %d events and %d deliveries pending; want none", ev, dl)
		}
		if p, s := e.run(); p != 0 || s != 0 {
			t.Errorf("the worker found %d events and %d deliveries more", p, s)
		}
	})
}

// TestFastLaneUnderConcurrentWebhooks: many students write at once, each
// several messages without waiting, and LINE redelivers some webhooks.
// Every message is answered once, each student's answers in order, whether
// the fast lane or the worker answered it.
func TestFastLaneUnderConcurrentWebhooks(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		questions := []string{"研修は何ヶ月ですか", "北見の冬は寒いですか", "どんな仕事をするんですか"}
		const users = 30
		type asked struct{ user, q int }
		tokens := map[string]asked{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for u := range users {
			wg.Go(func() {
				for q, text := range questions {
					ev := e.text(fmt.Sprintf("U%04d", u), text)
					mu.Lock()
					tokens[ev["replyToken"].(string)] = asked{u, q}
					mu.Unlock()
					body := callback(ev)
					if code := e.post(body); code != 200 {
						t.Errorf("webhook: %d", code)
					}
					if u%5 == 0 { // LINE redelivers this webhook
						if code := e.post(body); code != 200 {
							t.Errorf("redelivery: %d", code)
						}
					}
				}
			})
		}
		wg.Wait()
		// Each student's first message found nothing waiting: the fast lane
		// answered it. Later ones may have waited for the worker.
		if p, _ := e.run(); p > users*(len(questions)-1) {
			t.Errorf("the worker processed %d events; the fast lane answered too few", p)
		} else {
			t.Logf("the worker processed %d of %d events", p, users*len(questions))
		}
		first := map[int]string{} // question → its answer's first line, the same for everyone
		next := map[int]int{}     // user → the question whose answer comes next
		d := e.api.Delivered()
		for _, c := range d {
			a, ok := tokens[fmt.Sprint(c.Body["replyToken"])]
			if !ok {
				t.Fatalf("a delivery without a known reply token: %+v", c)
			}
			if a.q != next[a.user] {
				t.Errorf("user %d: answer to question %d came when %d was due", a.user, a.q, next[a.user])
			}
			next[a.user] = a.q + 1
			text, _, _ := strings.Cut(messagesText(c), "\n")
			if f, seen := first[a.q]; seen && f != text {
				t.Errorf("question %d answered %q and %q", a.q, f, text)
			}
			first[a.q] = text
		}
		if len(d) != users*len(questions) {
			t.Errorf("%d answers for %d questions", len(d), users*len(questions))
		}
		if ev, dl := e.pendingWork(); ev != 0 || dl != 0 {
			t.Errorf("left %d events and %d deliveries pending", ev, dl)
		}
	})
}

// sqlExec returns a function that runs a statement on the database at url
// (closed when the test ends) and fails the test on an error.
func sqlExec(t *testing.T, url string) func(string) {
	db := openDB(t, url)
	return func(q string) {
		t.Helper()
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFastLaneFallsBackWhenABatchFails: when a batch's transaction fails
// the webhook still stores its events (pending) and answers 200; the
// worker answers them once the database is well again.
func TestFastLaneFallsBackWhenABatchFails(t *testing.T) {
	url := storetest.PostgresURL(t)
	e := newEnv(t, url)
	exec := sqlExec(t, url)
	exec(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`)
	exec(`CREATE TRIGGER refuse BEFORE INSERT ON question_log FOR EACH ROW EXECUTE FUNCTION refuse()`)
	if code := e.post(callback(e.text("U1", "研修は何ヶ月ですか"))); code != 200 {
		t.Fatalf("webhook with a failing batch: %d", code)
	}
	e.worker.Settle()
	if n := len(e.api.Calls()); n != 0 {
		t.Fatalf("%d API calls from a failed batch", n)
	}
	if ev, _ := e.pendingWork(); ev != 1 {
		t.Fatalf("%d events pending after a failed batch, want 1", ev)
	}
	exec(`DROP TRIGGER refuse ON question_log`)
	if p, s := e.run(); p != 1 || s != 1 || !strings.Contains(e.lastTexts(), "4ヶ月") {
		t.Fatalf("after recovery: processed %d, sent %d", p, s)
	}
}

// TestFastLaneOnlyStoresUnderABacklog: when students write faster than the
// bot answers, batches past the backlog only store their events, so
// webhooks are still acknowledged; the worker answers those afterwards,
// each once. The test holds a lock on the inbox so that the lane's first
// batches wait and every other request queues behind them, whatever the
// machine's speed; then it lets go.
func TestFastLaneOnlyStoresUnderABacklog(t *testing.T) {
	url := storetest.PostgresURL(t)
	e := newEnvWith(t, url, &env{backlog: 8})
	db := openDB(t, url)
	lock, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if _, err := lock.Exec(`LOCK TABLE inbox IN SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	// More students than one batch takes (laneMaxRequests, 64) plus the
	// backlog: whatever the first batches take, more than 8 wait.
	const students = 100
	var wg sync.WaitGroup
	var started atomic.Int32
	for u := range students {
		wg.Go(func() {
			started.Add(1)
			if code := e.post(callback(e.text(fmt.Sprintf("U%04d", u), "研修は何ヶ月ですか"))); code != 200 {
				t.Errorf("webhook: %d", code)
			}
		})
	}
	waitFor(t, "a batch waiting for the lock", func() bool { return lockWaiters(t, db) > 0 })
	waitFor(t, "every request sent", func() bool { return started.Load() == students })
	// Queued, not only sent: on a loaded machine (-race, every package at
	// once) a request is read well after it is sent. Once more than one
	// batch (64) and the backlog wait, the next batch finds a backlog.
	waitFor(t, "the requests queued behind the lock", func() bool { return e.worker.LaneWaiting() > 64+8 })
	if err := lock.Rollback(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	p, _ := e.run()
	if p == 0 {
		t.Error("no event was left to the worker: the backlog was never noticed")
	}
	if n := len(e.api.Delivered()); n != students {
		t.Errorf("%d answers for %d questions", n, students)
	}
	if ev, dl := e.pendingWork(); ev != 0 || dl != 0 {
		t.Errorf("left %d events and %d deliveries pending", ev, dl)
	}
	t.Logf("the worker answered %d of %d", p, students)
}

// openDB opens the database at url, closed when the test ends.
func openDB(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// lockWaiters is how many sessions of db's database wait for a lock.
func lockWaiters(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity
		WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestFastLaneAnswersFromTheEditedFAQ: the webhook matches a question
// before its batch checks the FAQ's revision; an entry edited since the
// last question must still answer with its new text.
func TestFastLaneAnswersFromTheEditedFAQ(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		const q = "研修は何ヶ月ですか"
		e.send(e.text("U1", q))
		if got := e.lastTexts(); !strings.Contains(got, "4ヶ月") {
			t.Fatalf("first answer %q; want the training answer", got)
		}
		ctx := context.Background()
		faqs, err := e.store.ListFAQs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		best, ok := faq.NewIndex(faqs).Match(q).Best()
		if !ok {
			t.Fatal("the seeded FAQ does not answer the question")
		}
		f := best.FAQ
		f.Answer, f.UpdatedBy = "研修期間の説明を更新しました。詳しくは担当者にお尋ねください。", "test"
		if err := e.store.UpdateFAQ(ctx, &f); err != nil {
			t.Fatal(err)
		}
		e.send(e.text("U2", q))
		if got := e.lastTexts(); !strings.Contains(got, "更新しました") {
			t.Errorf("answer after the edit %q; want the edited entry's answer", got)
		}
	})
}
