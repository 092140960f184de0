package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// loader sends signed LINE webhooks with questions and waits for their
// answers at the fake LINE API.
type loader struct {
	secret        string
	tr            *tracker
	hc            *http.Client
	users         []string
	answerTimeout time.Duration
	maxInFlight   int
	run           string // a per-process prefix that keeps ids unique across runs
	seq           atomic.Int64
}

// newLoader returns a loader for n users.
func newLoader(o options, tr *tracker) *loader {
	l := &loader{secret: o.secret, tr: tr, answerTimeout: o.answerTimeout, maxInFlight: o.maxInFlight, run: randomHex(4),
		hc: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
			Proxy: nil, MaxIdleConns: 4096, MaxIdleConnsPerHost: 4096, IdleConnTimeout: 30 * time.Second,
			ResponseHeaderTimeout: 10 * time.Second,
		}}}
	n := o.users
	if k := len(o.max); k > 0 {
		n = max(n, o.max[k-1]) // the levels are ascending
	}
	l.users = make([]string, n)
	for i := range l.users {
		l.users[i] = "U" + randomHex(16) // like LINE's: U and 32 hex digits
	}
	return l
}

// ask sends one question from user to the webhook at url and returns it
// once the webhook answered (not the question).
func (l *loader) ask(ctx context.Context, url, user string) *question {
	n := l.seq.Add(1)
	q := &question{user: user, token: fmt.Sprintf("%s%08x%s", l.run, n, randomHex(8))}
	body := l.body(q, fmt.Sprintf("01LOAD%s%016X", l.run, n), questions[int(n)%len(questions)])
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return q
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("User-Agent", "LineBotWebhook/2.0")
	req.Header.Set("X-Line-Signature", sign(l.secret, body))
	q.sentAt = time.Now()
	l.tr.add(q)
	res, err := l.hc.Do(req)
	if err != nil {
		return q
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	q.status = res.StatusCode
	return q
}

// event is the webhook body of one text message, as LINE sends it.
type event struct {
	Type            string          `json:"type"`
	Message         eventMessage    `json:"message"`
	WebhookEventID  string          `json:"webhookEventId"`
	DeliveryContext deliveryContext `json:"deliveryContext"`
	Timestamp       int64           `json:"timestamp"`
	Source          eventSource     `json:"source"`
	ReplyToken      string          `json:"replyToken"`
	Mode            string          `json:"mode"`
}

type eventMessage struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	QuoteToken string `json:"quoteToken"`
	Text       string `json:"text"`
}

type deliveryContext struct {
	IsRedelivery bool `json:"isRedelivery"`
}

type eventSource struct {
	Type   string `json:"type"`
	UserID string `json:"userId"`
}

// body is the webhook body for q.
func (l *loader) body(q *question, eventID, text string) []byte {
	b, _ := json.Marshal(struct {
		Destination string  `json:"destination"`
		Events      []event `json:"events"`
	}{"U" + "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0", []event{{
		Type: "message", Mode: "active", Timestamp: time.Now().UnixMilli(), WebhookEventID: eventID,
		Source: eventSource{Type: "user", UserID: q.user}, ReplyToken: q.token,
		Message: eventMessage{Type: "text", ID: eventID[len(eventID)-12:], QuoteToken: q.token, Text: text},
	}}})
	return b
}

// sign is X-Line-Signature: base64(HMAC-SHA256(channel secret, body)).
func sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// openLoop sends rate questions a second for d, each from the next user,
// whatever the answers do, at most maxInFlight webhooks at once (a question
// that would exceed it is dropped and counted). It returns the questions
// sent and the number dropped.
func (l *loader) openLoop(ctx context.Context, url string, rate float64, d time.Duration) ([]*question, int) {
	n := int(rate * d.Seconds())
	qs := make([]*question, n)
	sem := make(chan struct{}, l.maxInFlight)
	var wg sync.WaitGroup
	dropped := 0
	start := time.Now()
	for i := 0; i < n && ctx.Err() == nil; i++ {
		at := start.Add(time.Duration(float64(i) / rate * float64(time.Second)))
		if !sleepUntil(ctx, at) {
			break
		}
		select {
		case sem <- struct{}{}:
		default:
			dropped++
			continue
		}
		wg.Go(func() {
			defer func() { <-sem }()
			qs[i] = l.ask(ctx, url, l.users[i%len(l.users)])
		})
	}
	wg.Wait()
	out := qs[:0]
	for _, q := range qs {
		if q != nil {
			out = append(out, q)
		}
	}
	return out, dropped
}

// closedLoop runs conc senders for d: each asks, waits for the answer (or
// the answer timeout), and asks again, from users of its own so that no
// user has two questions open. It returns the questions sent.
func (l *loader) closedLoop(ctx context.Context, url string, conc int, d time.Duration) []*question {
	deadline := time.Now().Add(d)
	var mu sync.Mutex
	var all []*question
	var wg sync.WaitGroup
	for i := range conc {
		wg.Go(func() {
			var mine []*question
			defer func() { mu.Lock(); all = append(all, mine...); mu.Unlock() }()
			for k := 0; ctx.Err() == nil && time.Now().Before(deadline); k++ {
				user := l.users[(i+k*conc)%(len(l.users)/conc*conc)]
				q := l.ask(ctx, url, user)
				mine = append(mine, q)
				if q.status != http.StatusOK {
					continue
				}
				l.wait(ctx, q, q.sentAt.Add(l.answerTimeout))
			}
		})
	}
	wg.Wait()
	return all
}

// wait waits until q is answered or the deadline passes.
func (l *loader) wait(ctx context.Context, q *question, deadline time.Time) {
	t := time.NewTimer(time.Until(deadline))
	defer t.Stop()
	select {
	case <-q.done:
	case <-t.C:
	case <-ctx.Done():
	}
}

// waitAll waits until every question acked with 200 is answered or has
// been waiting for the answer timeout.
func (l *loader) waitAll(ctx context.Context, qs []*question) {
	for _, q := range qs {
		if q.status == http.StatusOK {
			l.wait(ctx, q, q.sentAt.Add(l.answerTimeout))
		}
	}
}

// sleepUntil sleeps until at; false if ctx ended first.
func sleepUntil(ctx context.Context, at time.Time) bool {
	d := time.Until(at)
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
