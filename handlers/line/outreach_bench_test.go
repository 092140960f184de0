package line_test

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// BenchmarkBroadcast10000 queues a broadcast to 10,000 LINE students and
// delivers it against the fake LINE API through the real sender (paced at
// LINE_PUSH_RATE's default), on SQLite and on PostgreSQL. It reports the
// seconds to queue and to deliver, and the memory allocated and in use:
//
//	go test ./handlers/line -run '^$' -bench Broadcast10000 -benchtime 1x
func BenchmarkBroadcast10000(b *testing.B) {
	const students = 10000
	for _, engine := range []struct{ name, url string }{
		{"sqlite", storetest.SQLiteURL(b)}, {"postgres", storetest.PostgresURL(b)},
	} {
		b.Run(engine.name, func(b *testing.B) {
			for range b.N {
				benchBroadcast(b, engine.url, students)
			}
		})
	}
}

// benchBroadcast runs one broadcast to n fresh students on a new database.
func benchBroadcast(b *testing.B, url string, n int) {
	b.StopTimer()
	ctx := context.Background()
	clock := storetest.NewRunningClock(b)
	s := storetest.Open(b, url, clock.Now)
	api := linetest.NewAPI(b)
	client, err := line.NewClient(line.Config{Secret: secret, Token: "t", APIBase: api.URL, DataAPIBase: api.URL, Now: clock.Now})
	if err != nil {
		b.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	w := worker.New(worker.Config{Engine: bot.NewEngine(bot.Config{Store: s, Now: clock.Now}), Inbox: s, Outbox: s, Logger: log,
		Senders: map[bot.Channel]worker.Sender{bot.ChannelLINE: line.NewSender(client, log)}, Now: clock.Now, Batch: s})
	for i := range n {
		c := bot.Candidate{Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: fmt.Sprintf("Ubench%06d", i)}}
		if err := s.InTx(ctx, c.Key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &c) }); err != nil {
			b.Fatal(err)
		}
	}
	o := bot.NewOutreach(bot.OutreachConfig{Store: s, Now: clock.Now})
	seg := bot.Segment{Name: "全員"}
	if err := o.SaveSegment(ctx, &seg, "bench"); err != nil {
		b.Fatal(err)
	}
	br := bot.Broadcast{Title: "説明会", SegmentID: seg.ID, Message: bot.Announcement{Text: "説明会のお知らせです。",
		Buttons: []bot.ButtonKind{bot.ButtonBooking, bot.ButtonApply}}}
	if err := o.SaveBroadcast(ctx, &br, "bench"); err != nil {
		b.Fatal(err)
	}
	if err := o.SendBroadcast(ctx, bot.SendRequest{ID: br.ID, Version: br.Version, Actor: "bench"}, nil); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.StartTimer()

	start := time.Now()
	run, err := o.Run(ctx, nil)
	if err != nil || run.Queued != n {
		b.Fatalf("queued %d of %d: %v", run.Queued, n, err)
	}
	queued := time.Since(start)
	sent, err := w.DeliverDue(ctx)
	if err != nil || sent != n {
		b.Fatalf("delivered %d of %d: %v", sent, n, err)
	}
	delivered := time.Since(start) - queued

	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(queued.Seconds(), "s-queue")
	b.ReportMetric(delivered.Seconds(), "s-deliver")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "MB-alloc")
	b.ReportMetric(float64(after.HeapInuse)/(1<<20), "MB-heap")
	if got := len(api.Delivered()); got != n {
		b.Fatalf("the fake accepted %d pushes, want %d", got, n)
	}
}
