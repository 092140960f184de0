package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestRemindersAcrossKill9 books students for an event starting in half
// an hour, starts `sakebot serve` with the hour-before reminder on (so
// the reminders are due at once), kills it with SIGKILL as soon as the
// fake LINE API accepted the first reminder (it answers 200-400 ms after
// accepting, so the kill lands between "LINE took the push" and "sakebot
// recorded it"), and starts it again on the same database. Each student
// must get exactly one reminder: the mark is committed with the outbox
// row, and a retried push carries the same X-Line-Retry-Key, which the
// fake (like LINE) accepts once.
func TestRemindersAcrossKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildSakebot(t, t.TempDir())
	t.Run("sqlite", func(t *testing.T) { testRemindersAcrossKill9(t, bin, storetest.SQLiteURL(t)) })
	t.Run("postgres", func(t *testing.T) { testRemindersAcrossKill9(t, bin, storetest.PostgresURL(t)) })
}

func testRemindersAcrossKill9(t *testing.T, bin, dbURL string) {
	const students = 8
	// The process runs on the wall clock: the event is placed relative to it.
	now := time.Now()
	users := bookReminderStudents(t, dbURL, now, students)
	db := faultDB(t, dbURL)
	api := newFaultAPI(t)
	api.slow = [2]time.Duration{time.Second, 1500 * time.Millisecond}
	front := newConflictCounter(t, api)
	env := []string{"REMINDER_HOUR_BEFORE=true", "LINE_API_BASE_URL=" + front.URL, "LINE_DATA_API_BASE_URL=" + front.URL}
	p := startServeEnv(t, bin, dbURL, "", api, env)
	eventually(t, 60*time.Second, "the first reminder accepted", func() bool { return api.count() >= 1 })
	p.kill9()
	t.Logf("killed after %d reminders accepted", api.count())
	p = startServeEnv(t, bin, dbURL, p.addr, api, env)
	eventually(t, 90*time.Second, "every student reminded, nothing pending", func() bool {
		return api.count() >= students && settled(t, db)
	})
	got := map[string]int{}
	for _, d := range api.deliveries() {
		if !d.Push || !strings.Contains(d.Texts, "まもなく説明会「会社説明会」が始まります") {
			t.Errorf("not a reminder: %+v", d)
			continue
		}
		got[d.To]++
	}
	for _, u := range users {
		if got[u] != 1 {
			t.Errorf("%s got %d reminders", u, got[u])
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM bookings WHERE reminded_hour_at IS NOT NULL`); n != students {
		t.Errorf("%d bookings marked reminded, want %d", n, students)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM outbox WHERE status = 'sent'`); n != students {
		t.Errorf("%d deliveries sent, want %d (one each)", n, students)
	}
	// The push accepted just before the kill was unrecorded: sent again
	// after the restart with its retry key, and refused as a duplicate.
	if front.conflicts.Load() < 1 {
		t.Errorf("no push was retried after the kill: the test did not kill in flight")
	}
	t.Logf("%d pushes retried after the kill, each refused as already accepted", front.conflicts.Load())
}

// conflictCounter fronts the fake LINE API and counts the pushes it
// refused as already accepted under their retry key (409).
type conflictCounter struct {
	*httptest.Server
	conflicts atomic.Int32
}

func newConflictCounter(t *testing.T, api *faultAPI) *conflictCounter {
	c := &conflictCounter{}
	target, _ := url.Parse(api.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ErrorLog = log.New(io.Discard, "", 0) // a killed process hangs up on it: expected, not news
	proxy.ModifyResponse = func(res *http.Response) error {
		if res.StatusCode == http.StatusConflict {
			c.conflicts.Add(1)
		}
		return nil
	}
	c.Server = httptest.NewServer(proxy)
	t.Cleanup(c.Close)
	return c
}

// bookReminderStudents stores an info session starting half an hour
// after now and n LINE students' bookings made two hours before now (so
// "more than an hour before the start"), through the store as the
// process would, and returns the students' LINE ids.
func bookReminderStudents(t *testing.T, dbURL string, now time.Time, n int) []string {
	t.Helper()
	ctx := context.Background()
	booked := now.Add(-2 * time.Hour)
	s, err := store.Open(ctx, dbURL, func() time.Time { return booked })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	start := now.Add(30 * time.Minute).Truncate(time.Minute)
	ev := bot.Event{Kind: bot.EventSession, Title: "会社説明会", StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "北見工業大学", Capacity: n, Deadline: start}
	if err := s.InTx(ctx, bot.UserKey{Channel: "events", UserID: "test"}, func(tx bot.Tx) error {
		return tx.SaveEvent(ctx, &ev, "staff:test")
	}); err != nil {
		t.Fatal(err)
	}
	var users []string
	for i := range n {
		b := bot.Booking{EventID: ev.ID, Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: fmt.Sprintf("Uremind%03d", i)},
			Name: fmt.Sprintf("学生 %d", i)}
		if err := s.InTx(ctx, b.Key, func(tx bot.Tx) error { _, err := tx.Book(ctx, &b, booked); return err }); err != nil {
			t.Fatal(err)
		}
		users = append(users, b.Key.UserID)
	}
	return users
}

// startServeEnv is startServe with extra environment variables (the
// reminder settings).
func startServeEnv(t *testing.T, bin, dbURL, addr string, api *faultAPI, extra []string) *faultProc {
	t.Helper()
	if addr == "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr = ln.Addr().String()
		ln.Close()
	}
	p := &faultProc{t: t, addr: addr, out: &lockedBuffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command(bin, "serve")
	p.cmd.Dir = t.TempDir()
	// Later entries win: extra may point LINE elsewhere.
	p.cmd.Env = append([]string{"DATABASE_URL=" + dbURL, "ADDR=" + addr, "LOG_LEVEL=info",
		"LINE_CHANNEL_SECRET=" + faultSecret, "LINE_CHANNEL_ACCESS_TOKEN=fault-token",
		"LINE_API_BASE_URL=" + api.URL, "LINE_DATA_API_BASE_URL=" + api.URL}, extra...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		if !p.done() {
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("sakebot on %s said:\n%s", p.addr, p.out.String())
		}
	})
	eventually(t, 30*time.Second, "sakebot up on "+addr, func() bool {
		if p.done() {
			t.Fatalf("sakebot exited at start: %v\n%s", errExit(p.err), p.out.String())
		}
		if api.count() > 0 {
			return true // already reminding: ready or not, the test goes on
		}
		res, err := faultHTTP.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	})
	return p
}
