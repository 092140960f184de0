// Package slacktest fakes Slack for tests: an httptest server standing in
// for the Web API (and for response_url), which records every call, keeps
// the messages posted per channel (with their metadata, for
// conversations.history), and fails a chosen share of calls with 500 or
// 429 (with and without Retry-After) from a seeded random source; and
// requests signed exactly as Slack signs them.
package slacktest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Sign returns the X-Slack-Request-Timestamp and X-Slack-Signature of body
// sent at at: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)).
func Sign(secret string, at time.Time, body []byte) (timestamp, signature string) {
	timestamp = strconv.FormatInt(at.Unix(), 10)
	m := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(m, "v0:%s:", timestamp)
	m.Write(body)
	return timestamp, "v0=" + hex.EncodeToString(m.Sum(nil))
}

// SignRequest sets the signature headers of r, whose body is body.
func SignRequest(r *http.Request, secret string, at time.Time, body []byte) {
	ts, sig := Sign(secret, at, body)
	r.Header.Set("X-Slack-Request-Timestamp", ts)
	r.Header.Set("X-Slack-Signature", sig)
}

// Call is one request the fake received.
type Call struct {
	Method     string         // the Web API method (chat.postMessage), or "response_url"
	Form       url.Values     // form-encoded parameters
	JSON       map[string]any // a JSON body (views.open, response_url)
	Status     int            // the HTTP status answered
	RetryAfter bool           // a 429 that said when to retry
	Error      string         // Slack's error code when it answered ok: false
}

// Blocks decodes the call's blocks parameter (form or JSON).
func (c Call) Blocks() []map[string]any {
	var out []map[string]any
	if b := c.Form.Get("blocks"); b != "" {
		_ = json.Unmarshal([]byte(b), &out)
		return out
	}
	raw, _ := json.Marshal(c.JSON["blocks"])
	_ = json.Unmarshal(raw, &out)
	return out
}

// OK reports whether the call succeeded.
func (c Call) OK() bool { return c.Status == http.StatusOK && c.Error == "" }

// BotID is the bot_id of the messages the fake's token posts.
const BotID = "BSAKEBOT"

// Message is a message the fake holds.
type Message struct {
	Channel, TS, ThreadTS, Text string
	BotID                       string         // BotID when posted with the token; empty for a person's
	Blocks                      string         // JSON
	Metadata                    map[string]any // event_type, event_payload
	Updates                     int            // chat.update calls it received
}

// API is a fake Slack Web API. Change its fields under Lock/Unlock while
// a worker may be calling it.
type API struct {
	*httptest.Server
	sync.Mutex
	Token string // the bot token every call must carry
	// Fail500 and Fail429 are the shares of outbox calls (chat.*,
	// conversations.history) answered 500, and 429 (half of them with
	// Retry-After: 1, half without); PostedThenFail is the share of
	// chat.postMessage calls that post the message and still answer 500.
	Fail500, Fail429, PostedThenFail float64
	// Users are the display names users.info answers, by user id; others
	// are テスト ユーザー.
	Users map[string]string
	// Now is the fake's clock for message timestamps: the test's clock, so
	// that Slack and sakebot agree on the time (default time.Now).
	Now      func() time.Time
	rand     *rand.Rand
	calls    []Call
	messages []*Message
	ts       int64 // the last ts given, in microseconds
}

// NewAPI starts a fake Slack API expecting token, with failures drawn from
// seed; it is closed when the test ends.
func NewAPI(t testing.TB, token string, seed uint64) *API {
	a := &API{Token: token, rand: rand.New(rand.NewPCG(seed, seed^0x5eed))}
	a.Server = httptest.NewServer(http.HandlerFunc(a.serve))
	t.Cleanup(a.Close)
	return a
}

// DMChannel is the id of the DM conversations.open gives for user.
func DMChannel(user string) string { return "D" + user }

// APIURL is the base to configure as the Web API URL.
func (a *API) APIURL() string { return a.URL + "/api/" }

// ResponseURL is a response_url the fake accepts.
func (a *API) ResponseURL(name string) string { return a.URL + "/response/" + name }

func (a *API) serve(w http.ResponseWriter, r *http.Request) {
	a.Lock()
	defer a.Unlock()
	body, _ := io.ReadAll(r.Body)
	c := Call{Method: strings.TrimPrefix(r.URL.Path, "/api/")}
	if strings.HasPrefix(r.URL.Path, "/response/") {
		c.Method = "response_url"
	}
	if strings.Contains(r.Header.Get("Content-Type"), "json") {
		_ = json.Unmarshal(body, &c.JSON)
	} else {
		c.Form, _ = url.ParseQuery(string(body))
	}
	status, answer := a.answer(r, &c)
	c.Status = status
	w.Header().Set("Content-Type", "application/json")
	if status == http.StatusTooManyRequests && a.rand.IntN(2) == 0 {
		w.Header().Set("Retry-After", "1")
		c.RetryAfter = true
	}
	a.calls = append(a.calls, c)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(answer)
}

// answer decides what a call gets.
func (a *API) answer(r *http.Request, c *Call) (int, map[string]any) {
	if c.Method == "response_url" {
		return http.StatusOK, map[string]any{"ok": true}
	}
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if token == "" {
		token = c.Form.Get("token")
	}
	if token != a.Token {
		c.Error = "invalid_auth"
		return http.StatusOK, fail(c.Error)
	}
	outbox := strings.HasPrefix(c.Method, "chat.") || strings.HasPrefix(c.Method, "conversations.")
	if outbox {
		switch x := a.rand.Float64(); {
		case x < a.Fail500:
			return http.StatusInternalServerError, map[string]any{"ok": false}
		case x < a.Fail500+a.Fail429:
			return http.StatusTooManyRequests, map[string]any{"ok": false}
		}
	}
	switch c.Method {
	case "chat.postMessage":
		m := a.post(c.Form)
		if a.rand.Float64() < a.PostedThenFail {
			return http.StatusInternalServerError, map[string]any{"ok": false}
		}
		return http.StatusOK, map[string]any{"ok": true, "channel": m.Channel, "ts": m.TS}
	case "chat.update":
		m := a.find(c.Form.Get("channel"), c.Form.Get("ts"))
		if m == nil {
			c.Error = "message_not_found"
			return http.StatusOK, fail(c.Error)
		}
		m.Text, m.Blocks, m.Updates = c.Form.Get("text"), c.Form.Get("blocks"), m.Updates+1
		return http.StatusOK, map[string]any{"ok": true, "channel": m.Channel, "ts": m.TS, "text": m.Text}
	case "chat.delete":
		for i, m := range a.messages {
			if m.Channel == c.Form.Get("channel") && m.TS == c.Form.Get("ts") {
				a.messages = append(a.messages[:i], a.messages[i+1:]...)
				return http.StatusOK, map[string]any{"ok": true, "channel": m.Channel, "ts": m.TS}
			}
		}
		c.Error = "message_not_found"
		return http.StatusOK, fail(c.Error)
	case "conversations.replies":
		return http.StatusOK, a.replies(c)
	case "chat.postEphemeral":
		return http.StatusOK, map[string]any{"ok": true, "message_ts": a.nextTS()}
	case "views.open":
		return http.StatusOK, map[string]any{"ok": true, "view": map[string]any{"id": "V" + a.nextTS()}}
	case "conversations.history":
		return http.StatusOK, a.history(c.Form)
	case "conversations.open":
		users := c.Form.Get("users")
		if users == "" || strings.Contains(users, ",") {
			c.Error = "invalid_arguments"
			return http.StatusOK, fail(c.Error)
		}
		return http.StatusOK, map[string]any{"ok": true, "channel": map[string]any{"id": DMChannel(users)}}
	case "users.info":
		id := c.Form.Get("user")
		name, ok := a.Users[id]
		if !ok {
			name = "テスト ユーザー"
		}
		return http.StatusOK, map[string]any{"ok": true, "user": map[string]any{"id": id, "name": "user" + id,
			"real_name": name, "profile": map[string]any{"display_name": name, "real_name": name}}}
	case "views.publish":
		return http.StatusOK, map[string]any{"ok": true, "view": map[string]any{"id": "V" + a.nextTS()}}
	}
	c.Error = "unknown_method"
	return http.StatusOK, fail(c.Error)
}

func fail(code string) map[string]any { return map[string]any{"ok": false, "error": code} }

// nextTS returns a new message ts: the time now, in microseconds,
// increasing from call to call.
func (a *API) nextTS() string {
	now := time.Now
	if a.Now != nil {
		now = a.Now
	}
	a.ts = max(a.ts+1, now().UnixMicro())
	return fmt.Sprintf("%d.%06d", a.ts/1e6, a.ts%1e6)
}

// post stores a posted message.
func (a *API) post(f url.Values) *Message {
	m := &Message{Channel: f.Get("channel"), TS: a.nextTS(), ThreadTS: f.Get("thread_ts"), Text: f.Get("text"),
		Blocks: f.Get("blocks"), BotID: BotID}
	if md := f.Get("metadata"); md != "" {
		_ = json.Unmarshal([]byte(md), &m.Metadata)
	}
	a.messages = append(a.messages, m)
	return m
}

func (a *API) find(channel, ts string) *Message {
	for _, m := range a.messages {
		if m.Channel == channel && m.TS == ts {
			return m
		}
	}
	return nil
}

// history answers conversations.history: the channel's top-level
// messages, newest first, with metadata when asked for.
func (a *API) history(f url.Values) map[string]any {
	oldest, _ := strconv.ParseFloat(f.Get("oldest"), 64)
	var msgs []map[string]any
	for i := len(a.messages) - 1; i >= 0; i-- {
		m := a.messages[i]
		ts, _ := strconv.ParseFloat(m.TS, 64)
		if m.Channel != f.Get("channel") || m.ThreadTS != "" || ts < oldest {
			continue
		}
		msg := map[string]any{"type": "message", "ts": m.TS, "text": m.Text}
		if f.Get("include_all_metadata") == "1" && m.Metadata != nil {
			msg["metadata"] = m.Metadata
		}
		msgs = append(msgs, msg)
	}
	return map[string]any{"ok": true, "messages": msgs, "has_more": false}
}

// replies answers conversations.replies: the thread's first message and
// its replies, oldest first.
func (a *API) replies(c *Call) map[string]any {
	ch, ts := c.Form.Get("channel"), c.Form.Get("ts")
	var msgs []map[string]any
	for _, m := range a.messages {
		if m.Channel == ch && (m.TS == ts || m.ThreadTS == ts) {
			msgs = append(msgs, map[string]any{"type": "message", "ts": m.TS, "thread_ts": ts, "text": m.Text, "bot_id": m.BotID})
		}
	}
	if len(msgs) == 0 {
		c.Error = "thread_not_found"
		return fail(c.Error)
	}
	return map[string]any{"ok": true, "messages": msgs, "has_more": false}
}

// Inject adds a message as if a person had written it in Slack.
func (a *API) Inject(m Message) Message {
	a.Lock()
	defer a.Unlock()
	m.TS = a.nextTS()
	a.messages = append(a.messages, &m)
	return m
}

// Calls returns the calls received so far.
func (a *API) Calls() []Call {
	a.Lock()
	defer a.Unlock()
	return append([]Call(nil), a.calls...)
}

// CallsTo returns the calls of one method.
func (a *API) CallsTo(method string) []Call {
	var out []Call
	for _, c := range a.Calls() {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Messages returns copies of the messages posted to channel (top level and
// in threads), oldest first.
func (a *API) Messages(channel string) []Message {
	a.Lock()
	defer a.Unlock()
	var out []Message
	for _, m := range a.messages {
		if m.Channel == channel {
			out = append(out, *m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TS < out[j].TS })
	return out
}

// Thread returns the replies in the thread of ts, oldest first.
func (a *API) Thread(channel, ts string) []Message {
	var out []Message
	for _, m := range a.Messages(channel) {
		if m.ThreadTS == ts {
			out = append(out, m)
		}
	}
	return out
}

// Failing sets the failure shares (under the lock).
func (a *API) Failing(fail500, fail429, postedThenFail float64) {
	a.Lock()
	defer a.Unlock()
	a.Fail500, a.Fail429, a.PostedThenFail = fail500, fail429, postedThenFail
}
