// Package linetest fakes the LINE platform for tests: an httptest server
// that records every Messaging API call, and webhook bodies signed exactly
// as LINE signs them.
package linetest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Sign returns the X-Line-Signature of body: base64(HMAC-SHA256(secret, body)).
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// Call is one request the fake received.
type Call struct {
	Method, Path string
	RetryKey     string         // X-Line-Retry-Key
	Body         map[string]any // decoded JSON body, if any
	Status       int            // what the fake answered
	Done         time.Time      // when the fake finished with it
}

// Messages returns the call's messages (reply and push bodies).
func (c Call) Messages() []map[string]any {
	raw, _ := c.Body["messages"].([]any)
	out := make([]map[string]any, 0, len(raw))
	for _, m := range raw {
		if mm, ok := m.(map[string]any); ok {
			out = append(out, mm)
		}
	}
	return out
}

// API is a fake LINE Messaging API. Its behaviour can be changed between
// calls with the exported fields (under Lock/Unlock when the worker runs).
type API struct {
	*httptest.Server
	sync.Mutex
	calls    []Call
	seenKeys map[string]bool
	// FailNext makes the next n message calls (reply or push) answer 500.
	FailNext int
	// RefuseReplies makes every reply answer 400 "Invalid reply token".
	RefuseReplies bool
	// RateLimitNext makes the next n message calls answer 429 with Retry-After: 1.
	RateLimitNext int
	// DisplayName is what the profile API answers.
	DisplayName string
	// ProfileDelay holds every profile call this long before answering
	// (or until the caller hangs up). Other calls are answered meanwhile.
	ProfileDelay time.Duration
	held         int // profile calls being held now
}

// NewAPI starts a fake LINE API, closed when the test ends.
func NewAPI(t testing.TB) *API {
	a := &API{seenKeys: map[string]bool{}, DisplayName: "テスト 花子"}
	a.Server = httptest.NewServer(http.HandlerFunc(a.serve))
	t.Cleanup(a.Close)
	return a
}

func (a *API) serve(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/v2/bot/profile/") {
		a.holdProfile(r)
	}
	a.Lock()
	defer a.Unlock()
	c := Call{Method: r.Method, Path: r.URL.Path, RetryKey: r.Header.Get("X-Line-Retry-Key")}
	defer func() { a.calls[len(a.calls)-1].Done = time.Now() }()
	if b, _ := io.ReadAll(r.Body); len(b) > 0 && strings.Contains(r.Header.Get("Content-Type"), "json") {
		_ = json.Unmarshal(b, &c.Body)
	}
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		c.Status = 401
	} else {
		c.Status = a.status(c)
	}
	a.calls = append(a.calls, c)
	w.Header().Set("Content-Type", "application/json")
	if c.Status == 429 {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(c.Status)
	fmt.Fprint(w, a.body(c))
}

// holdProfile waits ProfileDelay, or until the caller hangs up.
func (a *API) holdProfile(r *http.Request) {
	a.Lock()
	d := a.ProfileDelay
	a.Unlock()
	if d <= 0 {
		return
	}
	a.Lock()
	a.held++
	a.Unlock()
	defer func() { a.Lock(); a.held--; a.Unlock() }()
	select {
	case <-time.After(d):
	case <-r.Context().Done():
	}
}

// HeldProfiles reports how many profile calls are being held now.
func (a *API) HeldProfiles() int {
	a.Lock()
	defer a.Unlock()
	return a.held
}

// status decides the answer to a call.
func (a *API) status(c Call) int {
	message := c.Path == "/v2/bot/message/reply" || c.Path == "/v2/bot/message/push"
	switch {
	case message && a.RateLimitNext > 0:
		a.RateLimitNext--
		return 429
	case message && a.FailNext > 0:
		a.FailNext--
		return 500
	case c.Path == "/v2/bot/message/reply" && a.RefuseReplies:
		return 400
	case c.Path == "/v2/bot/message/push" && c.RetryKey != "" && a.seenKeys[c.RetryKey]:
		return 409
	case c.Path == "/v2/bot/message/push" && c.RetryKey != "":
		a.seenKeys[c.RetryKey] = true
	}
	return 200
}

func (a *API) body(c Call) string {
	switch {
	case c.Status == 400:
		return `{"message":"Invalid reply token"}`
	case c.Status == 409:
		return `{"message":"The retry key is already accepted"}`
	case c.Status != 200:
		return `{"message":"error"}`
	case strings.HasPrefix(c.Path, "/v2/bot/profile/"):
		b, _ := json.Marshal(map[string]string{"userId": strings.TrimPrefix(c.Path, "/v2/bot/profile/"), "displayName": a.DisplayName})
		return string(b)
	case c.Path == "/v2/bot/richmenu":
		return `{"richMenuId":"richmenu-new"}`
	case c.Path == "/v2/bot/richmenu/list":
		return `{"richmenus":[{"richMenuId":"richmenu-old","name":"sakebot"}]}`
	case strings.HasPrefix(c.Path, "/v2/bot/message/"):
		return `{"sentMessages":[]}`
	}
	return `{}`
}

// Calls returns the calls received so far.
func (a *API) Calls() []Call {
	a.Lock()
	defer a.Unlock()
	return append([]Call(nil), a.calls...)
}

// Delivered returns the message calls LINE accepted (2xx), in order.
func (a *API) Delivered() []Call {
	var out []Call
	for _, c := range a.Calls() {
		if (c.Path == "/v2/bot/message/reply" || c.Path == "/v2/bot/message/push") && c.Status == 200 {
			out = append(out, c)
		}
	}
	return out
}

// CollectPostbacks finds every postback action in a JSON document (a
// recorded request body) and adds label → data to out.
func CollectPostbacks(raw []byte, out map[string]string) {
	var v any
	_ = json.Unmarshal(raw, &v)
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "postback" {
				label, _ := v["label"].(string)
				data, _ := v["data"].(string)
				out[label] = data
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(v)
}
