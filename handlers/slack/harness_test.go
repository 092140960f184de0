package slack_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/handlers"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	slackh "github.com/sakemodel/sakebot/handlers/slack"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/handlers/webchat"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

func TestMain(m *testing.M) { storetest.Main(m) }

const (
	signingSecret = "test-signing-secret"
	botToken      = "xoxb-test-token"
	lineSecret    = "test-line-secret"
	notifyChannel = "CRECRUIT"
	staffUser     = "USTAFF1"
	otherUser     = "UOTHER1"
)

// env is sakebot with LINE and Slack over a real store: the server with
// both channels mounted, the worker, a fake LINE API and a fake Slack API.
type env struct {
	t      *testing.T
	store  *store.Store
	line   *linetest.API
	slack  *slacktest.API
	srv    *httptest.Server
	engine *bot.Engine
	worker *worker.Worker
	app    *slackh.App
	clock  *storetest.Clock // the one clock of the store, the engine, the worker and the channels
	seq    atomic.Int64
	// noSettle makes each LINE message run the worker once, without
	// moving its clock past every backoff (an outage that lasts).
	noSettle bool
}

func newEnv(t *testing.T, url string, seed uint64) *env {
	clock := storetest.NewRunningClock(t)
	e := &env{t: t, clock: clock, store: storetest.Open(t, url, clock.Now), line: linetest.NewAPI(t), slack: slacktest.NewAPI(t, botToken, seed)}
	e.slack.Now = clock.Now
	if _, err := e.store.SeedFAQs(context.Background(), faqfile.Default()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelError}))
	lc := line.Config{Secret: lineSecret, Token: "line-token", APIBase: e.line.URL, DataAPIBase: e.line.URL, Now: clock.Now}
	client, err := line.NewClient(lc)
	if err != nil {
		t.Fatal(err)
	}
	sc := slackh.Config{Token: botToken, SigningSecret: signingSecret, APIURL: e.slack.APIURL(),
		NotifyChannel: notifyChannel, Staff: []string{staffUser}, MinInterval: -1, Now: clock.Now}
	e.engine = bot.NewEngine(bot.Config{Store: e.store, Logger: log, Now: clock.Now,
		Notify: bot.Notify{Channel: bot.ChannelSlack, To: notifyChannel}})
	hub := webchat.NewHub()
	e.worker = worker.New(worker.Config{Engine: e.engine, Inbox: e.store, Outbox: e.store, Logger: log,
		Senders: map[bot.Channel]worker.Sender{
			bot.ChannelLINE:  line.NewSender(client, log),
			bot.ChannelSlack: slackh.NewSender(sc, e.store, log),
			bot.ChannelWeb:   webchat.NewSender(e.store, hub),
		},
		Profiles:    map[bot.Channel]worker.ProfileSource{bot.ChannelLINE: client, bot.ChannelSlack: slackh.NewProfiles(sc)},
		MaxAttempts: 60, Batch: e.store,
		Now: clock.Now})
	e.app = slackh.New(sc, e.store, e.engine, e.worker.Wake, log)
	mounts := e.app.Routes()
	mounts["POST /line/webhook"] = line.NewWebhook(lc, e.worker, nil, log) // the fast lane, as serve wires it
	secret, err := e.store.WebChatSecret(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	mounts["/webchat/"] = webchat.New(webchat.Config{Log: e.store, Inbox: e.worker, Hub: hub, Secret: secret,
		VisitorTTL: time.Hour, Now: clock.Now, Logger: log})
	e.srv = httptest.NewServer(handlers.NewHandler(handlers.Config{Logger: log, Ready: e.store.Ready, Mounts: mounts}))
	t.Cleanup(e.srv.Close)
	return e
}

// testWriter sends the log to the test's output.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// run waits for the replies the fast lane is sending, then lets the worker
// process every event and deliver what is due now.
func (e *env) run() {
	e.t.Helper()
	e.worker.Settle()
	ctx := context.Background()
	if _, err := e.worker.ProcessEvents(ctx); err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.worker.DeliverDue(ctx); err != nil {
		e.t.Fatal(err)
	}
}

// settle runs the worker, moving its clock on past every backoff, until
// nothing is left to deliver.
func (e *env) settle() {
	e.t.Helper()
	for range 300 {
		e.run()
		st, err := e.store.OutboxStats(context.Background())
		if err != nil {
			e.t.Fatal(err)
		}
		if st.Pending == 0 {
			return
		}
		e.clock.Advance(10 * time.Minute)
	}
	e.t.Fatal("deliveries still pending after many retries")
}

// --- LINE, as in handlers/line's tests ---

// lineEvent builds a LINE webhook event of user.
func (e *env) lineEvent(typ, user string, extra map[string]any) map[string]any {
	n := e.seq.Add(1)
	ev := map[string]any{
		"type": typ, "mode": "active", "timestamp": e.clock.Now().UnixMilli(),
		"source":          map[string]any{"type": "user", "userId": user},
		"webhookEventId":  fmt.Sprintf("01HSLACK%019d", n),
		"deliveryContext": map[string]any{"isRedelivery": false},
		"replyToken":      fmt.Sprintf("token-%d", n),
	}
	for k, v := range extra {
		ev[k] = v
	}
	return ev
}

// lineSend posts a signed LINE webhook with ev and settles the worker.
func (e *env) lineSend(ev map[string]any) {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"destination": "Udest", "events": []any{ev}})
	req, _ := http.NewRequest("POST", e.srv.URL+"/line/webhook", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Line-Signature", linetest.Sign(lineSecret, body))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		e.t.Fatalf("LINE webhook answered %d", res.StatusCode)
	}
	if e.noSettle {
		e.run()
		return
	}
	e.settle()
}

func (e *env) lineFollow(user string) {
	e.lineSend(e.lineEvent("follow", user, map[string]any{"follow": map[string]any{"isUnblocked": false}}))
}

func (e *env) lineText(user, text string) {
	e.lineSend(e.lineEvent("message", user, map[string]any{"message": map[string]any{"type": "text", "id": "m", "text": text}}))
}

// lineTap sends the postback of the button labelled label in the last message to user.
func (e *env) lineTap(user, label string) {
	e.t.Helper()
	calls := e.lineTo(user)
	if len(calls) == 0 {
		e.t.Fatalf("nothing delivered to %s", user)
	}
	actions := map[string]string{}
	raw, _ := json.Marshal(calls[len(calls)-1].Body)
	linetest.CollectPostbacks(raw, actions)
	data, ok := actions[label]
	if !ok {
		e.t.Fatalf("no button %q in the last message: %v", label, actions)
	}
	e.lineSend(e.lineEvent("postback", user, map[string]any{"postback": map[string]any{"data": data}}))
}

// lineTo returns the accepted LINE message calls to user, in order.
func (e *env) lineTo(user string) []linetest.Call {
	var out []linetest.Call
	for _, c := range e.line.Delivered() {
		// Replies do not name the user; the tests talk to one user at a time.
		if c.Path == "/v2/bot/message/reply" || c.Path == "/v2/bot/message/push" && c.Body["to"] == user {
			out = append(out, c)
		}
	}
	return out
}

// lineLast is the text of the last LINE message to user.
func (e *env) lineLast(user string) string {
	e.t.Helper()
	calls := e.lineTo(user)
	if len(calls) == 0 {
		e.t.Fatalf("nothing delivered to %s", user)
	}
	return lineText(calls[len(calls)-1])
}

// linePushes returns the texts of the pushes to user.
func (e *env) linePushes(user string) []string {
	var out []string
	for _, c := range e.line.Delivered() {
		if c.Path == "/v2/bot/message/push" && c.Body["to"] == user {
			out = append(out, lineText(c))
		}
	}
	return out
}

func lineText(c linetest.Call) string {
	var b strings.Builder
	for _, m := range c.Messages() {
		for _, k := range []string{"text", "altText"} {
			if s, ok := m[k].(string); ok {
				b.WriteString(s + "\n")
			}
		}
	}
	return b.String()
}

// apply fills in and submits the whole form on LINE as user.
func (e *env) apply(user, name string) bot.Application {
	e.t.Helper()
	e.lineFollow(user)
	e.lineTap(user, "応募する")
	e.lineTap(user, "同意する")
	e.lineText(user, name)
	e.lineText(user, "きたみ はなこ")
	e.lineTap(user, "北見工業大学")
	for _, answer := range []string{"工学部 地球環境工学科", "2027年3月", "hanako@example.jp", "080-1111-2222"} {
		e.lineText(user, answer)
	}
	e.lineTap(user, "相談したい")
	e.lineTap(user, "授業で少し")
	e.lineText(user, "地元の北見で、<!channel> ITの仕事がしたいです & 研修も楽しみです。")
	e.lineTap(user, "この内容で応募する")
	if !strings.Contains(e.lineLast(user), "受付番号") {
		e.t.Fatalf("not submitted: %s", e.lineLast(user))
	}
	apps, err := e.store.ListApplications(context.Background(), bot.ApplicationFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, a := range apps {
		if a.Key.UserID == user {
			return a
		}
	}
	e.t.Fatalf("no application of %s", user)
	return bot.Application{}
}

// --- Slack requests, signed as Slack signs them ---

// slackRequest is a request to one of the Slack endpoints.
type slackRequest struct {
	path        string
	body        []byte
	contentType string
	secret      string    // "" signs with the real secret
	at          time.Time // zero: now
	unsigned    bool
	headers     map[string]string
}

// do sends r and returns the status and body.
func (e *env) do(r slackRequest) (int, []byte) {
	e.t.Helper()
	req, _ := http.NewRequest("POST", e.srv.URL+r.path, bytes.NewReader(r.body))
	req.Header.Set("Content-Type", r.contentType)
	if !r.unsigned {
		secret, at := r.secret, r.at
		if secret == "" {
			secret = signingSecret
		}
		if at.IsZero() {
			at = time.Now()
		}
		slacktest.SignRequest(req, secret, at, r.body)
	}
	for k, v := range r.headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// eventBody wraps an inner event in the Events API envelope.
func eventBody(eventID string, inner map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"token": "unused", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": storetest.Now().Unix(), "event": inner})
	return b
}

// event posts an event (retry > 0: as Slack's retry number retry) and returns the status.
func (e *env) event(eventID string, inner map[string]any, retry int) int {
	e.t.Helper()
	r := slackRequest{path: "/slack/events", body: eventBody(eventID, inner), contentType: "application/json"}
	if retry > 0 {
		r.headers = map[string]string{"X-Slack-Retry-Num": fmt.Sprint(retry), "X-Slack-Retry-Reason": "http_timeout"}
	}
	code, _ := e.do(r)
	return code
}

// threadReply is a message event: user's reply in the thread of ts.
func threadReply(user, text, ts string) map[string]any {
	return map[string]any{"type": "message", "user": user, "text": text, "channel": notifyChannel,
		"channel_type": "channel", "ts": fmt.Sprintf("%d.%06d", storetest.Now().Unix(), storetest.Now().Nanosecond()/1000), "thread_ts": ts}
}

// command runs /sakebot text as user and returns the status and the JSON answer.
func (e *env) command(user, text string) (int, map[string]any) {
	e.t.Helper()
	n := e.seq.Add(1)
	form := url.Values{"token": {"unused"}, "team_id": {"T1"}, "channel_id": {"C0CMD"}, "user_id": {user},
		"user_name": {"someone"}, "command": {"/sakebot"}, "text": {text}, "api_app_id": {"A1"},
		"response_url": {e.slack.ResponseURL(fmt.Sprint("cmd-", n))}, "trigger_id": {fmt.Sprint("trigger-", n)}}
	code, body := e.do(slackRequest{path: "/slack/commands", body: []byte(form.Encode()), contentType: "application/x-www-form-urlencoded"})
	var out map[string]any
	_ = json.Unmarshal(body, &out)
	return code, out
}

// interact posts an interaction payload and returns the status and the JSON answer.
func (e *env) interact(payload map[string]any) (int, map[string]any) {
	e.t.Helper()
	raw, _ := json.Marshal(payload)
	form := url.Values{"payload": {string(raw)}}
	code, body := e.do(slackRequest{path: "/slack/interactions", body: []byte(form.Encode()), contentType: "application/x-www-form-urlencoded"})
	var out map[string]any
	_ = json.Unmarshal(body, &out)
	return code, out
}

// click is a block_actions payload: user clicks actionID (value) on the
// message ts of channel.
func (e *env) click(user, actionID, value, channel, ts string) map[string]any {
	n := e.seq.Add(1)
	return map[string]any{
		"type": "block_actions", "user": map[string]any{"id": user, "name": "someone"},
		"team": map[string]any{"id": "T1"}, "api_app_id": "A1", "trigger_id": fmt.Sprint("trigger-", n),
		"response_url": e.slack.ResponseURL(fmt.Sprint("click-", n)),
		"channel":      map[string]any{"id": channel},
		"container":    map[string]any{"type": "message", "message_ts": ts, "channel_id": channel},
		"message":      map[string]any{"ts": ts},
		"actions": []any{map[string]any{"action_id": actionID, "block_id": "b", "value": value, "type": "button",
			"action_ts": fmt.Sprintf("%d.000300", e.clock.Now().Unix())}},
	}
}

// responses returns the texts posted to response_urls since the start.
func (e *env) responses() []string {
	var out []string
	for _, c := range e.slack.CallsTo("response_url") {
		s, _ := c.JSON["text"].(string)
		out = append(out, s)
	}
	return out
}

// signFor signs body with the real secret, now.
func signFor(body []byte) (timestamp, signature string) {
	return slacktest.Sign(signingSecret, time.Now(), body)
}
