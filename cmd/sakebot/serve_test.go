package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeAnswersLINE runs `sakebot serve` with the LINE variables set and
// the LINE API pointing at a fake, as an operator would, then stops it.
func TestServeAnswersLINE(t *testing.T) {
	api := linetest.NewAPI(t)
	addr, pprofAddr := freeAddr(t), freeAddr(t)
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t), "ADDR": addr, EnvPprofAddr: pprofAddr,
		"LINE_CHANNEL_SECRET": "s3cret", "LINE_CHANNEL_ACCESS_TOKEN": "tok", "LINE_API_BASE_URL": api.URL, "LINE_DATA_API_BASE_URL": api.URL}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"sakebot"}, func(k string) string { return env[k] }, strings.NewReader(""), &out)
	}()
	waitFor(t, "healthz", func() bool {
		res, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			res.Body.Close()
		}
		return err == nil && res.StatusCode == 200
	})
	res, err := http.Get("http://" + addr + "/readyz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", err, res)
	}
	res.Body.Close()
	if !strings.Contains(get(t, "http://"+pprofAddr+"/debug/pprof/"), "goroutine") {
		t.Error("no profiles on " + EnvPprofAddr)
	}
	body := []byte(fmt.Sprintf(`{"destination":"U0","events":[{"type":"message","mode":"active","timestamp":%d,
		"source":{"type":"user","userId":"Userve"},"webhookEventId":"01SERVE","deliveryContext":{"isRedelivery":false},
		"replyToken":"tok-serve","message":{"type":"text","id":"1","text":"研修は何ヶ月ですか"}}]}`, time.Now().UnixMilli()))
	req, _ := http.NewRequest("POST", "http://"+addr+"/line/webhook", bytes.NewReader(body))
	req.Header.Set("X-Line-Signature", linetest.Sign("s3cret", body))
	res, err = http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("webhook: %v %v", err, res)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	waitFor(t, "the answer", func() bool { return len(api.Delivered()) == 1 })
	forged, _ := http.NewRequest("POST", "http://"+addr+"/line/webhook", bytes.NewReader(body))
	forged.Header.Set("X-Line-Signature", linetest.Sign("wrong", body))
	res, err = http.DefaultClient.Do(forged)
	if err != nil || res.StatusCode != 401 || res.Header.Get("X-Request-Id") == "" {
		t.Fatalf("forged webhook: %v %v", err, res)
	}
	res.Body.Close()
	rid := res.Header.Get("X-Request-Id")
	waitFor(t, "the refusal logged with its request id", func() bool {
		return strings.Contains(out.String(), "request_id="+rid) && strings.Contains(out.String(), "bad signature")
	})
	if got := api.Delivered()[0]; got.Body["replyToken"] != "tok-serve" {
		t.Fatalf("delivered %+v", got)
	}
	// The fake has the answer; the worker marks the delivery sent just after.
	var metrics string
	waitFor(t, "the delivery marked sent", func() bool {
		metrics = get(t, "http://"+addr+"/metrics")
		return strings.Contains(metrics, "sakebot_outbox_pending 0")
	})
	for _, want := range []string{`sakebot_http_requests_total{code="200",route="POST /line/webhook"} 1`,
		`sakebot_faq_questions_total{outcome="answered"} 1`, `sakebot_deliveries_total{channel="line",kind="reply",outcome="sent"} 1`,
		`sakebot_events_processed_total{channel="line",result="ok"} 1`, "sakebot_outbox_pending 0", "sakebot_answer_latency_seconds_bucket"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	for _, want := range []string{"Slack is off", "admin page is at /admin/", "serving"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("start-up log lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "研修は何ヶ月") {
		t.Error("a message text was logged")
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
