package store_test

import (
	"bytes"
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// webContract runs fn on a fresh, migrated store of each engine, in
// parallel, on a stopped test clock it can move; url lets it open a
// second store on the same database.
func webContract(t *testing.T, fn func(t *testing.T, s *store.Store, clock *storetest.Clock, url string)) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		clock := storetest.NewClock(t)
		fn(t, storetest.Open(t, url, clock.Now), clock, url)
	})
}

// webUser is the key of a web chat visitor.
func webUser(visitor string) bot.UserKey {
	return bot.UserKey{Channel: bot.ChannelWeb, UserID: visitor}
}

// webReplies are replies with every field set, to check they round-trip.
var webReplies = []bot.Reply{
	{Text: "サケモデルについて何を知りたいですか？", Choices: []bot.Choice{
		{Label: "研修", Text: "研修について", Postback: "v1:faq:training"},
		{Label: "応募する", Text: "応募したい", Postback: "v1:apply"},
	}},
	{Summary: &bot.Summary{
		Title:   "応募内容の確認",
		Fields:  []bot.SummaryField{{Label: "氏名", Value: "北見 太郎"}, {Label: "大学", Value: "北見工業大学"}},
		Choices: []bot.Choice{{Label: "送信", Text: "送信する", Postback: "v1:form:submit"}},
	}},
}

// addVisitorLine records a visitor line and fails the test on an error.
func addVisitorLine(t testing.TB, s *store.Store, visitor, clientID, text string) (int64, bool) {
	t.Helper()
	id, created, err := s.AddWebVisitorLine(context.Background(), visitor, clientID, text)
	if err != nil {
		t.Fatalf("AddWebVisitorLine(%q, %q): %v", visitor, clientID, err)
	}
	return id, created
}

// addBotLine records a bot line and fails the test on an error.
func addBotLine(t testing.TB, s *store.Store, visitor string, deliveryID int64, replies []bot.Reply) int64 {
	t.Helper()
	id, err := s.AddWebBotLine(context.Background(), visitor, deliveryID, replies)
	if err != nil {
		t.Fatalf("AddWebBotLine(%q, %d): %v", visitor, deliveryID, err)
	}
	return id
}

// webIDs returns the ids of lines.
func webIDs(lines []bot.ChatLine) []int64 {
	ids := make([]int64, 0, len(lines))
	for _, m := range lines {
		ids = append(ids, m.ID)
	}
	return ids
}

// lastLines reads the last n lines of visitor and fails the test on an
// error.
func lastLines(t testing.TB, s *store.Store, visitor string, n int) []bot.ChatLine {
	t.Helper()
	lines, err := s.WebLastMessages(context.Background(), visitor, n)
	if err != nil {
		t.Fatalf("WebLastMessages(%q, %d): %v", visitor, n, err)
	}
	return lines
}

func TestWebVisitorLineIsIdempotent(t *testing.T) {
	webContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock, _ string) {
		first := clock.Now()
		id, created := addVisitorLine(t, s, "v-1", "c-1", "研修について")
		if !created || id <= 0 {
			t.Fatalf("first add: id %d, created %v; want a new line", id, created)
		}
		clock.Advance(time.Minute)
		again, created := addVisitorLine(t, s, "v-1", "c-1", "研修について（再送）")
		if created || again != id {
			t.Fatalf("retry: id %d, created %v; want %d, false", again, created, id)
		}
		other, created := addVisitorLine(t, s, "v-1", "c-2", "寮はありますか")
		if !created || other <= id {
			t.Fatalf("next line: id %d, created %v; want a new id after %d", other, created, id)
		}
		// The page's ids are the visitor's own: another visitor may use the same.
		elsewhere, created := addVisitorLine(t, s, "v-2", "c-1", "こんにちは")
		if !created || elsewhere == id || elsewhere == other {
			t.Fatalf("another visitor's c-1: id %d, created %v; want a new line", elsewhere, created)
		}

		lines := lastLines(t, s, "v-1", 10)
		if len(lines) != 2 {
			t.Fatalf("v-1 has %d lines, want 2: %+v", len(lines), lines)
		}
		m := lines[0]
		if m.ID != id || m.User != "v-1" || m.FromBot || m.ClientID != "c-1" || m.Text != "研修について" || m.Replies != nil {
			t.Errorf("first line = %+v; want the first add kept as it was", m)
		}
		sameTime(t, "first line's CreatedAt", m.At, first)
		sameTime(t, "second line's CreatedAt", lines[1].At, clock.Now())
	})
}

func TestWebBotLineIsIdempotentAndRoundTrips(t *testing.T) {
	webContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock, _ string) {
		id := addBotLine(t, s, "v-bot", 41, webReplies)
		clock.Advance(time.Second)
		if again := addBotLine(t, s, "v-bot", 41, webReplies[:1]); again != id {
			t.Fatalf("retried delivery: id %d, want %d", again, id)
		}
		lines := lastLines(t, s, "v-bot", 10)
		if len(lines) != 1 {
			t.Fatalf("v-bot has %d lines, want 1: %+v", len(lines), lines)
		}
		m := lines[0]
		if m.ID != id || m.User != "v-bot" || !m.FromBot || m.ClientID != "" || m.Text != "" {
			t.Errorf("bot line = %+v", m)
		}
		if !reflect.DeepEqual(m.Replies, webReplies) {
			t.Errorf("replies = %+v, want %+v", m.Replies, webReplies)
		}
		sameTime(t, "bot line's CreatedAt", m.At, clock.Now().Add(-time.Second))

		if next := addBotLine(t, s, "v-bot", 42, []bot.Reply{{Text: "ありがとうございます"}}); next <= id {
			t.Errorf("next delivery: id %d, want after %d", next, id)
		}
	})
}

func TestWebMessagesCursorAndOrder(t *testing.T) {
	webContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock, _ string) {
		ctx := context.Background()
		var a []int64 // visitor a's lines in the order added, interleaved with b's
		for i, c := range []string{"c-1", "c-2", "c-3"} {
			id, _ := addVisitorLine(t, s, "a", c, "質問 "+c)
			a = append(a, id)
			addVisitorLine(t, s, "b", c, "別の人 "+c)
			a = append(a, addBotLine(t, s, "a", int64(100+i), []bot.Reply{{Text: "答え " + c}}))
			addBotLine(t, s, "b", int64(200+i), []bot.Reply{{Text: "別の答え " + c}})
			clock.Advance(time.Second)
		}

		after := func(visitor string, cursor int64, limit int) []int64 {
			t.Helper()
			lines, err := s.WebMessagesAfter(ctx, visitor, cursor, limit)
			must(t, err)
			for _, m := range lines {
				if m.User != visitor {
					t.Fatalf("WebMessagesAfter(%q) returned %+v", visitor, m)
				}
			}
			return webIDs(lines)
		}
		check := func(what string, got, want []int64) {
			t.Helper()
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("%s = %v, want %v", what, got, want)
			}
		}
		check("after 0", after("a", 0, 100), a)
		check("after 0, limit 2", after("a", 0, 2), a[:2])
		check("after the 2nd, limit 2", after("a", a[1], 2), a[2:4])
		check("after the 4th", after("a", a[3], 100), a[4:])
		check("after the last", after("a", a[5], 100), nil)
		check("after one of b's", after("a", a[2]+1, 100), a[3:]) // b's ids between a's count as a cursor too
		check("last 3", webIDs(lastLines(t, s, "a", 3)), a[3:])
		check("last 100", webIDs(lastLines(t, s, "a", 100)), a)
		check("last of nobody", webIDs(lastLines(t, s, "nobody", 10)), nil)

		b := webIDs(lastLines(t, s, "b", 100))
		if len(b) != 6 {
			t.Fatalf("b has %d lines, want 6", len(b))
		}
		for _, id := range b {
			for _, mine := range a {
				if id == mine {
					t.Fatalf("line %d is both a's and b's", id)
				}
			}
		}
		lines := lastLines(t, s, "a", 2)
		if lines[0].FromBot || lines[0].Text != "質問 c-3" || !lines[1].FromBot || lines[1].Replies[0].Text != "答え c-3" {
			t.Errorf("a's last two lines = %+v", lines)
		}
	})
}

func TestWebBotLineConcurrentDeliveries(t *testing.T) {
	webContract(t, func(t *testing.T, s *store.Store, _ *storetest.Clock, _ string) {
		const n = 8
		ids := make([]int64, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				ids[i], errs[i] = s.AddWebBotLine(context.Background(), "v-conc", 7, webReplies)
			})
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("goroutine %d: %v", i, errs[i])
			}
			if ids[i] != ids[0] {
				t.Fatalf("ids = %v, want one id", ids)
			}
		}
		if lines := lastLines(t, s, "v-conc", 100); len(lines) != 1 || lines[0].ID != ids[0] {
			t.Fatalf("lines after %d concurrent deliveries: %+v, want one", n, lines)
		}
	})
}

func TestWebChatSecret(t *testing.T) {
	webContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock, url string) {
		ctx := context.Background()
		// Concurrent first calls, on two stores of one database, agree.
		other := storetest.Open(t, url, clock.Now)
		const n = 8
		keys := make([][]byte, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				st := s
				if i%2 == 1 {
					st = other
				}
				keys[i], errs[i] = st.WebChatSecret(ctx)
			})
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("call %d: %v", i, errs[i])
			}
			if len(keys[i]) != 32 || !bytes.Equal(keys[i], keys[0]) {
				t.Fatalf("call %d: %x; want the 32 bytes of call 0, %x", i, keys[i], keys[0])
			}
		}
		if bytes.Equal(keys[0], make([]byte, 32)) {
			t.Fatal("the secret is all zeros")
		}
		// Later calls, and a store opened afterwards (a restart), read the same.
		again, err := s.WebChatSecret(ctx)
		must(t, err)
		restarted, err := storetest.Open(t, url, clock.Now).WebChatSecret(ctx)
		must(t, err)
		if !bytes.Equal(again, keys[0]) || !bytes.Equal(restarted, keys[0]) {
			t.Fatalf("secret changed: %x, then %x and %x", keys[0], again, restarted)
		}
	})
}

func TestWebChatLinesAreForgotten(t *testing.T) {
	webContract(t, func(t *testing.T, s *store.Store, _ *storetest.Clock, _ string) {
		ctx := context.Background()
		for i, v := range []string{"v-gone", "v-keep"} {
			addVisitorLine(t, s, v, "c-1", "質問")
			addBotLine(t, s, v, int64(i+1), webReplies)
			addVisitorLine(t, s, v, "c-2", "もう一つ")
		}
		// A LINE user with the same id is someone else: their lines stay.
		forgot, err := s.ForgetCandidate(ctx, lineUser("v-keep"), "admin")
		must(t, err)
		if forgot {
			t.Error("forgetting a LINE user deleted something")
		}
		forgot, err = s.ForgetCandidate(ctx, webUser("v-gone"), "admin")
		must(t, err)
		if !forgot {
			t.Error("forgetting a web visitor reported nothing deleted")
		}
		if lines := lastLines(t, s, "v-gone", 10); len(lines) != 0 {
			t.Errorf("left after forgetting: %+v", lines)
		}
		if lines := lastLines(t, s, "v-keep", 10); len(lines) != 3 {
			t.Errorf("the other visitor has %d lines, want 3", len(lines))
		}
		log, err := s.Deletions(ctx, 10)
		must(t, err)
		if len(log) != 2 || log[0].Action != "forget" || log[0].RowCount != 3 || log[1].RowCount != 0 {
			t.Errorf("deletion log: %+v; want the visitor's 3 lines counted", log)
		}
		// The candidate forgets themselves from inside a turn, too.
		inTx(t, s, webUser("v-keep"), func(tx bot.Tx) error {
			_, err := tx.ForgetCandidate(ctx, webUser("v-keep"), "candidate")
			return err
		})
		if lines := lastLines(t, s, "v-keep", 10); len(lines) != 0 {
			t.Errorf("left after forgetting in a turn: %+v", lines)
		}
	})
}

func TestWebChatLinesArePurged(t *testing.T) {
	webContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock, _ string) {
		ctx := context.Background()
		addVisitorLine(t, s, "v-old", "c-1", "古い質問")
		addBotLine(t, s, "v-old", 1, webReplies)
		addVisitorLine(t, s, "v-both", "c-1", "古い質問")
		clock.Advance(48 * time.Hour)
		cutoff := clock.Now().Add(-24 * time.Hour)
		newID, _ := addVisitorLine(t, s, "v-both", "c-2", "新しい質問")
		botID := addBotLine(t, s, "v-both", 2, webReplies)

		n, err := s.Purge(ctx, cutoff)
		must(t, err)
		if n != 3 {
			t.Errorf("purged %d rows, want the 3 old lines", n)
		}
		if lines := lastLines(t, s, "v-old", 10); len(lines) != 0 {
			t.Errorf("left after purge: %+v", lines)
		}
		if got := webIDs(lastLines(t, s, "v-both", 10)); !reflect.DeepEqual(got, []int64{newID, botID}) {
			t.Errorf("v-both after purge: %v, want the recent %v", got, []int64{newID, botID})
		}
		// A purged line's page id may come again: it is a new line.
		if _, created := addVisitorLine(t, s, "v-both", "c-1", "また"); !created {
			t.Error("a purged line's client id was still taken")
		}
	})
}

// TestWebVisitorsSince lists each visitor with lines written at or after
// the time given, once, whoever wrote them.
func TestWebVisitorsSince(t *testing.T) {
	webContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock, _ string) {
		addVisitorLine(t, s, "v-old", "c-1", "古い")
		clock.Advance(10 * time.Second)
		since := clock.Now()
		addVisitorLine(t, s, "v-new", "c-1", "新しい")
		addBotLine(t, s, "v-new", 41, webReplies)
		addBotLine(t, s, "v-bot", 42, webReplies)
		got, err := s.WebVisitorsSince(context.Background(), since)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		if want := []string{"v-bot", "v-new"}; !reflect.DeepEqual(got, want) {
			t.Errorf("WebVisitorsSince = %v; want %v", got, want)
		}
		clock.Advance(time.Second)
		if got, err := s.WebVisitorsSince(context.Background(), clock.Now()); err != nil || len(got) != 0 {
			t.Errorf("nothing new: got %v, %v", got, err)
		}
	})
}
