package line_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// quotaClient is a Client over a fake LINE API with a monthly quota.
func quotaClient(t *testing.T, limit, used int64, now func() time.Time) (*line.Client, *linetest.QuotaAPI) {
	t.Helper()
	q := linetest.NewQuotaAPI(t, linetest.NewAPI(t), limit, used)
	c, err := line.NewClient(line.Config{Secret: secret, Token: "test-token", APIBase: q.URL, DataAPIBase: q.URL, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return c, q
}

func TestQuotaRead(t *testing.T) {
	c, q := quotaClient(t, 200, 150, nil)
	got, err := c.Quota(context.Background())
	if err != nil || got != (line.Quota{Limited: true, Limit: 200, Used: 150}) || got.Left() != 50 {
		t.Fatalf("quota %+v %v", got, err)
	}
	if left, known, err := c.QuotaLeft(context.Background()); left != 50 || !known || err != nil {
		t.Fatalf("left %d %v %v", left, known, err)
	}
	q.SetQuota(0, 3000)
	if left, known, err := c.QuotaLeft(context.Background()); known || err != nil {
		t.Fatalf("no limit read as %d %v %v", left, known, err)
	}
	if calls := q.API.Calls(); len(calls) != 0 {
		t.Fatalf("quota calls passed on: %+v", calls)
	}
}

// TestQuota429IsPermanent: a push refused because the month's quota is
// used up is not retried; a 429 of the rate limit is, after Retry-After.
func TestQuota429IsPermanent(t *testing.T) {
	c, q := quotaClient(t, 10, 10, nil)
	s := line.NewSender(c, testLogger(t))
	d := bot.Delivery{ID: 1, Kind: bot.DeliveryReply, Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: "U1"},
		RetryKey: "123e4567-e89b-12d3-a456-426614174000", Replies: []bot.Reply{{Text: "明日は説明会です"}}}
	var se *worker.SendError
	if err := s.Send(context.Background(), d); !errors.As(err, &se) || !se.Permanent {
		t.Fatalf("quota 429: %v", err)
	}
	q.SetQuota(10, 0)
	q.API.Lock()
	q.API.RateLimitNext = 1
	q.API.Unlock()
	se = nil
	if err := s.Send(context.Background(), d); !errors.As(err, &se) || se.Permanent || se.RetryAfter != time.Second {
		t.Fatalf("rate limit 429: %v", err)
	}
	if err := s.Send(context.Background(), d); err != nil {
		t.Fatalf("after the rate limit: %v", err)
	}
}

// staffRecorder is the recruiters' channel: it keeps what it was sent.
type staffRecorder struct {
	mu sync.Mutex
	ds []bot.Delivery
}

func (r *staffRecorder) Send(_ context.Context, d bot.Delivery) error {
	r.mu.Lock()
	r.ds = append(r.ds, d)
	r.mu.Unlock()
	return nil
}

// quotaEnv is reminders over a real store, delivered by the worker to a
// fake LINE API with a quota, recruiters on a recorded channel.
type quotaEnv struct {
	t      *testing.T
	store  *store.Store
	clock  *storetest.Clock
	eng    *bot.Engine
	client *line.Client
	api    *linetest.QuotaAPI
	worker *worker.Worker
	staff  *staffRecorder
}

func newQuotaEnv(t *testing.T, limit, used int64) *quotaEnv {
	e := &quotaEnv{t: t, clock: storetest.NewClock(t), staff: &staffRecorder{}}
	e.clock.Set(time.Date(2031, 2, 10, 9, 0, 0, 0, quotaJST))
	e.store = storetest.Open(t, storetest.SQLiteURL(t), e.clock.Now)
	e.client, e.api = quotaClient(t, limit, used, e.clock.Now)
	log := testLogger(t)
	notify := bot.Notify{Channel: bot.ChannelSlack, To: "CSTAFF"}
	e.eng = bot.NewEngine(bot.Config{Store: e.store, Logger: log, Now: e.clock.Now, Notify: notify,
		Events: bot.EventConfig{ReminderHour: 12}})
	e.worker = worker.New(worker.Config{Engine: e.eng, Inbox: e.store, Outbox: e.store, Logger: log, Now: e.clock.Now,
		Senders: map[bot.Channel]worker.Sender{bot.ChannelLINE: line.NewSender(e.client, log), bot.ChannelSlack: e.staff}})
	return e
}

var quotaJST = time.FixedZone("JST", 9*3600)

// book stores an info session on 2031-02-21 14:00 JST with a LINE booking
// by each user, made on 2031-02-19.
func (e *quotaEnv) book(users ...string) []bot.Booking {
	ctx := context.Background()
	e.clock.Set(time.Date(2031, 2, 19, 10, 0, 0, 0, quotaJST))
	start := time.Date(2031, 2, 21, 14, 0, 0, 0, quotaJST)
	ev := bot.Event{Kind: bot.EventSession, Title: "会社説明会", StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "北見", Capacity: 50, Deadline: start.Add(-time.Hour)}
	if err := e.store.InTx(ctx, bot.UserKey{Channel: "events", UserID: "t"}, func(tx bot.Tx) error {
		return tx.SaveEvent(ctx, &ev, "staff")
	}); err != nil {
		e.t.Fatal(err)
	}
	var out []bot.Booking
	for _, u := range users {
		b := bot.Booking{EventID: ev.ID, Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: u}, Name: "学生 " + u}
		if err := e.store.InTx(ctx, b.Key, func(tx bot.Tx) error { _, err := tx.Book(ctx, &b, e.clock.Now()); return err }); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// remindAndDeliver runs SendReminders with the LINE client as the quota
// at the time at, then the worker's delivery once.
func (e *quotaEnv) remindAndDeliver(at time.Time) bot.ReminderRun {
	e.t.Helper()
	e.clock.Set(at)
	run, err := e.eng.SendReminders(context.Background(), e.client)
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.worker.DeliverDue(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	return run
}

// pushes returns the pushes the fake LINE API accepted, by retry key.
func (e *quotaEnv) pushes() map[string]string {
	out := map[string]string{}
	for _, c := range e.api.API.Delivered() {
		if c.Path == "/v2/bot/message/push" {
			out[c.RetryKey], _ = c.Body["to"].(string)
		}
	}
	return out
}

// TestQuotaWarningBeforeABatch: the fake LINE API reports 2 messages left
// of the month's 200 and 4 reminders are due: the 2 soonest go, with
// their retry keys, staff are warned once in their channel, and the
// admin page's record says so.
func TestQuotaWarningBeforeABatch(t *testing.T) {
	e := newQuotaEnv(t, 200, 198)
	bs := e.book("U1", "U2", "U3", "U4")
	run := e.remindAndDeliver(time.Date(2031, 2, 20, 12, 0, 0, 0, quotaJST))
	if run.Due != 4 || run.Sent != 2 || run.HeldBack != 2 {
		t.Fatalf("run %+v", run)
	}
	got := e.pushes()
	if len(got) != 2 || got[bot.ReminderDay.RetryKey(bs[0])] != "U1" || got[bot.ReminderDay.RetryKey(bs[1])] != "U2" {
		t.Fatalf("pushes %v", got)
	}
	if e.api.Used() != 200 || e.api.Refused() != 0 {
		t.Fatalf("used %d, refused %d", e.api.Used(), e.api.Refused())
	}
	e.staff.mu.Lock()
	staff := append([]bot.Delivery(nil), e.staff.ds...)
	e.staff.mu.Unlock()
	if len(staff) != 1 || staff[0].Kind != bot.DeliveryStaffMessage || staff[0].To != "CSTAFF" {
		t.Fatalf("staff messages %+v", staff)
	}
	w, ok, err := e.store.QuotaWarning(context.Background())
	if err != nil || !ok || w.Needed != 4 || w.Left != 2 || w.HeldBack != 2 {
		t.Fatalf("warning %+v %v %v", w, ok, err)
	}
	// A minute later the quota is used up: nothing is pushed, no second warning.
	if run := e.remindAndDeliver(time.Date(2031, 2, 20, 12, 1, 0, 0, quotaJST)); run.Sent != 0 || run.HeldBack != 2 {
		t.Fatalf("run %+v", run)
	}
	if len(e.pushes()) != 2 || e.api.Refused() != 0 || len(e.staff.ds) != 1 {
		t.Fatalf("pushed %d, refused %d, staff told %d times", len(e.pushes()), e.api.Refused(), len(e.staff.ds))
	}
}

// TestQuotaExhaustedDeliveryFailsOnce: the quota allowed the batch when
// it was queued, but was used up (elsewhere) before the push: LINE's 429
// fails the delivery for good at the first attempt, with no retry loop.
func TestQuotaExhaustedDeliveryFailsOnce(t *testing.T) {
	e := newQuotaEnv(t, 200, 100)
	e.book("U1")
	e.clock.Set(time.Date(2031, 2, 20, 12, 0, 0, 0, quotaJST))
	if run, err := e.eng.SendReminders(context.Background(), e.client); err != nil || run.Sent != 1 {
		t.Fatalf("run %+v %v", run, err)
	}
	e.api.SetQuota(200, 200)
	for i := range 3 {
		e.clock.Set(time.Date(2031, 2, 20, 12, i*10, 0, 0, quotaJST)) // long past any backoff
		if _, err := e.worker.DeliverDue(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	g, err := e.store.Gauges(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if e.api.Refused() != 1 || g.OutboxFailed != 1 || g.OutboxPending != 0 {
		t.Fatalf("refused %d times; outbox failed %d, pending %d", e.api.Refused(), g.OutboxFailed, g.OutboxPending)
	}
}
