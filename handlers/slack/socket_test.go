package slack_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	slackh "github.com/sakemodel/sakebot/handlers/slack"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/slack-go/slack/socketmode"
)

// socketAcks records the acks a Socket sends.
type socketAcks struct {
	mu   sync.Mutex
	acks map[string]any // envelope id → payload
}

func (s *socketAcks) ack(req socketmode.Request, payload any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.acks[req.EnvelopeID] = payload
	return nil
}

// wait returns the payload of envelope's ack, failing after a while.
func (s *socketAcks) wait(t *testing.T, envelope string) any {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		s.mu.Lock()
		p, ok := s.acks[envelope]
		s.mu.Unlock()
		if ok {
			return p
		}
	}
	t.Fatalf("%s not acked", envelope)
	return nil
}

// socketEvent is what socketmode's client puts on its Events channel for
// a request of type typ with payload.
func socketEvent(typ socketmode.EventType, reqType, envelope string, payload []byte) socketmode.Event {
	return socketmode.Event{Type: typ, Request: &socketmode.Request{Type: reqType, EnvelopeID: envelope,
		Payload: payload, AcceptsResponsePayload: reqType != socketmode.RequestTypeEventsAPI}}
}

// serveSocket serves the Socket Mode events sent on the returned channel
// with e's app, acking into acks; stop ends it and waits for what it
// was handling (it also runs when the test ends).
func serveSocket(t *testing.T, e *env) (events chan socketmode.Event, acks *socketAcks, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	events = make(chan socketmode.Event, 16)
	acks = &socketAcks{acks: map[string]any{}}
	s := e.app.NewSocketWith(events, acks.ack)
	done := make(chan struct{})
	go func() { defer close(done); s.Serve(ctx) }()
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); <-done; s.Wait() }) }
	t.Cleanup(stop)
	return events, acks, stop
}

func TestSocketModeDispatch(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 24)
		events, acks, stop := serveSocket(t, e)
		events <- socketmode.Event{Type: socketmode.EventTypeConnected, Data: &socketmode.ConnectedEvent{ConnectionCount: 1}}

		// An event: a DM, in the inbox before the ack, then answered.
		const user = "USOCK1"
		dm := func(id, text string) []byte {
			return eventBody(id, map[string]any{"type": "message", "user": user, "text": text,
				"channel": slacktest.DMChannel(user), "channel_type": "im", "ts": e.slackTS()})
		}
		events <- socketEvent(socketmode.EventTypeEventsAPI, socketmode.RequestTypeEventsAPI, "env-1", dm("EvSock1", "研修は何ヶ月ですか"))
		if p := acks.wait(t, "env-1"); p != nil {
			t.Errorf("event ack payload: %v", p)
		}
		e.settle()
		if got := e.dmLast(user); !strings.Contains(got, "4ヶ月") {
			t.Fatalf("answer: %s", got)
		}

		// One user's events keep their order.
		events <- socketEvent(socketmode.EventTypeEventsAPI, socketmode.RequestTypeEventsAPI, "env-2", dm("EvSock2", "応募したい"))
		events <- socketEvent(socketmode.EventTypeEventsAPI, socketmode.RequestTypeEventsAPI, "env-3", dm("EvSock3", "同意する"))
		acks.wait(t, "env-2")
		acks.wait(t, "env-3")
		e.settle()
		if got := e.dmLast(user); !strings.Contains(got, "氏名") && !strings.Contains(got, "お名前") {
			t.Fatalf("after 応募したい, 同意する: %s", got)
		}

		// A slash command: the answer is the ack's payload.
		cmd, _ := json.Marshal(map[string]any{"token": "unused", "team_id": "T1", "channel_id": "C0CMD", "user_id": staffUser,
			"command": "/sakebot", "text": "help", "api_app_id": "A1", "response_url": e.slack.ResponseURL("sock-cmd"),
			"trigger_id": "trigger-sock"})
		events <- socketEvent(socketmode.EventTypeSlashCommand, socketmode.RequestTypeSlashCommands, "env-cmd", cmd)
		raw, _ := json.Marshal(acks.wait(t, "env-cmd"))
		if !strings.Contains(string(raw), "sakebot の使い方") || !strings.Contains(string(raw), "ephemeral") {
			t.Fatalf("command ack: %s", raw)
		}

		// An interaction: a click on a button of the bot's greeting.
		events <- socketEvent(socketmode.EventTypeEventsAPI, socketmode.RequestTypeEventsAPI, "env-4",
			eventBody("EvSock4", map[string]any{"type": "message", "user": "USOCK2", "text": "こんにちは",
				"channel": slacktest.DMChannel("USOCK2"), "channel_type": "im", "ts": e.slackTS()}))
		acks.wait(t, "env-4")
		e.settle()
		greeting := e.lastPost(slacktest.DMChannel("USOCK2"))
		id, value, ok := buttonOn(greeting.Blocks, "応募する")
		if !ok {
			t.Fatalf("no 応募する on the greeting: %s", blockTexts(greeting.Blocks))
		}
		click, _ := json.Marshal(e.click("USOCK2", id, value, slacktest.DMChannel("USOCK2"), greeting.TS))
		events <- socketEvent(socketmode.EventTypeInteractive, socketmode.RequestTypeInteractive, "env-click", click)
		acks.wait(t, "env-click")
		e.settle()
		if _, _, ok := buttonOn(e.lastPost(slacktest.DMChannel("USOCK2")).Blocks, "同意する"); !ok {
			t.Fatalf("after the click: %s", e.dmLast("USOCK2"))
		}

		// A request the handler cannot take (malformed) is acked or dropped, never retried for ever.
		events <- socketEvent(socketmode.EventTypeSlashCommand, socketmode.RequestTypeSlashCommands, "env-bad", []byte(`[`))
		acks.wait(t, "env-bad")
		stop()
	})
}

func TestSocketModeInvalidAuth(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 25)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// The fake answers invalid_auth to any token but the bot's.
	err := e.app.Socket("xapp-1-wrong").Run(ctx)
	if !errors.Is(err, slackh.ErrSocketAuth) {
		t.Fatalf("Run = %v, want ErrSocketAuth", err)
	}
	if ctx.Err() != nil {
		t.Fatal("Run did not stop at once")
	}
}
