package main

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestCrashDuringBurst kills `sakebot serve` with SIGKILL several times
// while students apply and ask, with a LINE API that takes 50-300 ms to
// answer after it accepted a message, so kills land between "LINE took
// the reply" and "sakebot recorded it as sent". After each kill sakebot
// starts again on the same database. Every acked message must be answered
// exactly once (a reply token is taken once, a push retry key once: the
// fake counts what it accepted), on SQLite and on PostgreSQL.
func TestCrashDuringBurst(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildSakebot(t, t.TempDir())
	for _, slow := range [][2]time.Duration{{50 * time.Millisecond, 50 * time.Millisecond}, {50 * time.Millisecond, 300 * time.Millisecond}} {
		name := slow[1].String()
		t.Run("sqlite/"+name, func(t *testing.T) { testCrashDuringBurst(t, bin, storetest.SQLiteURL(t), slow) })
		t.Run("postgres/"+name, func(t *testing.T) { testCrashDuringBurst(t, bin, storetest.PostgresURL(t), slow) })
	}
}

// testCrashDuringBurst is one run of TestCrashDuringBurst.
func testCrashDuringBurst(t *testing.T, bin, dbURL string, slow [2]time.Duration) {
	const applicants, askers, kills = 4, 24, 3
	db := faultDB(t, dbURL)
	api := newFaultAPI(t)
	api.slow = slow
	p := startServe(t, bin, dbURL, "", api)
	sc := newFaultScenario("crash")
	var addr atomic.Value
	addr.Store(p.addr)
	current := func() string { return addr.Load().(string) }
	deadline := time.Now().Add(180 * time.Second)
	errs := make(chan error, applicants+askers)
	var wg sync.WaitGroup
	for i := range applicants {
		wg.Go(func() { errs <- sc.converse(api, sc.user("app", i), faultApplication, current, deadline) })
	}
	for i := range askers {
		texts := []string{faultQuestions[i%len(faultQuestions)], faultQuestions[(i+1)%len(faultQuestions)],
			faultQuestions[(i+2)%len(faultQuestions)]}
		wg.Go(func() { errs <- sc.converse(api, sc.user("ask", i), texts, current, deadline) })
	}
	for k := range kills {
		before := api.count()
		eventually(t, 60*time.Second, "answers between kills", func() bool { return api.count() >= before+8 })
		time.Sleep(rand.N(200 * time.Millisecond)) // anywhere in the burst
		p.kill9()
		t.Logf("kill %d after %d answers", k+1, api.count())
		p = startServe(t, bin, dbURL, p.addr, api)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	eventually(t, 60*time.Second, "nothing left to process or deliver", func() bool { return settled(t, db) })
	sc.checkAnsweredOnce(t, api)
	checkApplications(t, db, applicants)
}
