package main

import (
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// faultAPI is a fake LINE Messaging API for the fault tests. Like LINE, it
// takes a reply token once (400 "Invalid reply token" after that) and a
// push retry key once (409), so only deliveries it accepted count. Its
// gate holds message calls unanswered, to freeze deliveries in flight; a
// held call whose client goes away (a killed process) is never accepted.
type faultAPI struct {
	*httptest.Server
	mu        sync.Mutex
	tokens    map[string]bool // reply tokens used
	retryKeys map[string]bool
	accepted  []faultDelivery
	gate      chan struct{} // non-nil: message calls wait until it is closed
	held      int           // message calls waiting at the gate
	// slow, when set, makes every message call take that long to answer
	// after it was accepted (a random time from slow[0] to slow[1]): a
	// crash in between leaves a delivery the platform took but the bot
	// did not record.
	slow [2]time.Duration
}

// faultDelivery is a reply or push the fake accepted.
type faultDelivery struct {
	Push       bool
	ReplyToken string // for a reply
	To         string // for a push
	Texts      string // every message's text (and altText), one a line
}

func newFaultAPI(t *testing.T) *faultAPI {
	f := &faultAPI{tokens: map[string]bool{}, retryKeys: map[string]bool{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *faultAPI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	reply, push := r.URL.Path == "/v2/bot/message/reply", r.URL.Path == "/v2/bot/message/push"
	if !reply && !push {
		if strings.HasPrefix(r.URL.Path, "/v2/bot/profile/") {
			io.WriteString(w, `{"displayName":"テスト 太郎"}`)
			return
		}
		io.WriteString(w, `{}`)
		return
	}
	if !f.pass(r) {
		return // the caller went away while held: nothing was accepted
	}
	var req struct {
		ReplyToken string           `json:"replyToken"`
		To         string           `json:"to"`
		Messages   []map[string]any `json:"messages"`
	}
	_ = json.Unmarshal(body, &req)
	d := faultDelivery{Push: push, ReplyToken: req.ReplyToken, To: req.To}
	for _, m := range req.Messages {
		for _, k := range []string{"text", "altText"} {
			if s, ok := m[k].(string); ok {
				d.Texts += s + "\n"
			}
		}
	}
	status, answer, slow := f.take(d, r.Header.Get("X-Line-Retry-Key"))
	if slow > 0 {
		time.Sleep(slow)
	}
	w.WriteHeader(status)
	io.WriteString(w, answer)
}

// take accepts d, unless its reply token or push retry key was taken
// before, and returns the answer and how long to wait before giving it.
func (f *faultAPI) take(d faultDelivery, key string) (int, string, time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case !d.Push && f.tokens[d.ReplyToken]:
		return http.StatusBadRequest, `{"message":"Invalid reply token"}`, 0
	case d.Push && key != "" && f.retryKeys[key]:
		return http.StatusConflict, `{"message":"The retry key is already accepted"}`, 0
	case !d.Push:
		f.tokens[d.ReplyToken] = true
	case key != "":
		f.retryKeys[key] = true
	}
	f.accepted = append(f.accepted, d)
	var slow time.Duration
	if f.slow[1] > 0 {
		slow = f.slow[0] + rand.N(f.slow[1]-f.slow[0]+1)
	}
	return http.StatusOK, `{"sentMessages":[{"id":"1","quoteToken":"q"}]}`, slow
}

// pass waits at the gate, if it is closed; false if the caller went away.
func (f *faultAPI) pass(r *http.Request) bool {
	f.mu.Lock()
	gate := f.gate
	if gate != nil {
		f.held++
	}
	f.mu.Unlock()
	if gate == nil {
		return true
	}
	defer func() { f.mu.Lock(); f.held--; f.mu.Unlock() }()
	select {
	case <-gate:
		return r.Context().Err() == nil
	case <-r.Context().Done():
		return false
	}
}

// hold makes message calls wait from now on.
func (f *faultAPI) hold() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.gate == nil {
		f.gate = make(chan struct{})
	}
}

// release lets the held calls (and later ones) through.
func (f *faultAPI) release() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.gate != nil {
		close(f.gate)
		f.gate = nil
	}
}

// heldCalls reports how many message calls are waiting at the gate.
func (f *faultAPI) heldCalls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.held
}

// deliveries returns what was accepted so far.
func (f *faultAPI) deliveries() []faultDelivery {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]faultDelivery(nil), f.accepted...)
}

// count reports how many deliveries were accepted so far.
func (f *faultAPI) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.accepted)
}
