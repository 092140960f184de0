package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/lib/pq" // the "postgres" driver, to look into the database
	"github.com/sakemodel/sakebot/handlers/line/linetest"
)

// faultSecret signs the fault tests' webhooks.
const faultSecret = "fault-channel-secret"

// buildSakebot builds this command into dir, as an operator would.
func buildSakebot(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "sakebot")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// faultProc is one `sakebot serve` child process.
type faultProc struct {
	t      *testing.T
	cmd    *exec.Cmd
	addr   string
	out    *lockedBuffer
	exited chan struct{}
	err    error // Wait's result, once exited is closed
}

// lockedBuffer collects a child's output.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe starts `sakebot serve` on addr (a free loopback port when
// empty) over the database at dbURL, with LINE pointing at api, and waits
// until it is ready. It is killed when the test ends, if still running.
func startServe(t *testing.T, bin, dbURL, addr string, api *faultAPI) *faultProc {
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
	p.cmd.Dir = t.TempDir() // no .env from anywhere
	p.cmd.Env = []string{"DATABASE_URL=" + dbURL, "ADDR=" + addr, "LOG_LEVEL=info",
		"LINE_CHANNEL_SECRET=" + faultSecret, "LINE_CHANNEL_ACCESS_TOKEN=fault-token",
		"LINE_API_BASE_URL=" + api.URL, "LINE_DATA_API_BASE_URL=" + api.URL}
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
	eventually(t, 30*time.Second, "sakebot ready on "+addr, func() bool {
		if p.done() {
			t.Fatalf("sakebot exited at start: %v\n%s", p.err, p.out.String())
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

// done reports whether the process has exited.
func (p *faultProc) done() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// kill9 kills the process at once, as a crash would, and waits for it.
func (p *faultProc) kill9() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exited
}

// faultHTTP is the tests' client: short timeouts, no keep-alive, so a
// killed server never leaves a dead pooled connection behind.
var faultHTTP = &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}

// faultEvent is one text message event from a user, as LINE sends it.
type faultEvent struct {
	id, token, user, text string
	at                    time.Time
}

// body is the signed-able webhook body of e; redelivery sets isRedelivery.
func (e faultEvent) body(redelivery bool) []byte {
	b, _ := json.Marshal(map[string]any{"destination": "Uffffffffffffffffffffffffffffffff", "events": []any{map[string]any{
		"type": "message", "mode": "active", "timestamp": e.at.UnixMilli(), "webhookEventId": e.id,
		"source": map[string]any{"type": "user", "userId": e.user}, "replyToken": e.token,
		"deliveryContext": map[string]any{"isRedelivery": redelivery},
		"message":         map[string]any{"type": "text", "id": e.id, "text": e.text},
	}}})
	return b
}

// post sends e to the webhook at addr once and returns the status (0 when
// no answer came: refused, reset, timed out).
func (e faultEvent) post(addr string, redelivery bool) int {
	body := e.body(redelivery)
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/line/webhook", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Line-Signature", linetest.Sign(faultSecret, body))
	res, err := faultHTTP.Do(req)
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

// deliver posts e until it is acked with 200, as LINE redelivers an event
// whose webhook failed, and reports whether it was acked by the deadline;
// addr is read anew for every try (the server may move).
func (e faultEvent) deliver(addr func() string, deadline time.Time) bool {
	for try := 0; time.Now().Before(deadline); try++ {
		switch e.post(addr(), try > 0) {
		case http.StatusOK:
			return true
		case 0, http.StatusInternalServerError, http.StatusServiceUnavailable:
			time.Sleep(20 * time.Millisecond) // a poll while the server is away, not a wait for correctness
		default:
			return false
		}
	}
	return false
}

// eventually waits until cond holds, failing the test after d.
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", d, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// faultDB opens the database (PostgreSQL, or a sqlite: file) to look into it.
func faultDB(t *testing.T, url string) *sql.DB {
	t.Helper()
	driver, dsn := "postgres", url
	if path, ok := strings.CutPrefix(url, "sqlite:"); ok {
		driver, dsn = "sqlite", "file:"+path+"?_pragma=busy_timeout(10000)"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(2)
	t.Cleanup(func() { db.Close() })
	return db
}

// queryInt runs a counting query.
func queryInt(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// settled reports whether nothing is left to do: no pending event, no
// pending delivery.
func settled(t *testing.T, db *sql.DB) bool {
	return queryInt(t, db, `SELECT count(*) FROM inbox WHERE status = 'pending'`)+
		queryInt(t, db, `SELECT count(*) FROM outbox WHERE status = 'pending'`) == 0
}

// errExit describes how a process ended, for messages.
func errExit(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return fmt.Sprintf("exit status %d (%v)", ee.ExitCode(), ee.ProcessState)
	}
	return fmt.Sprint(err)
}
