package slack_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/slack-go/slack/socketmode"
)

// TestSocketModeTakesTheHTTPPaths sends over Socket Mode what the HTTP
// tests send to the request URLs: a recruiter's reply in a handoff's
// thread (retried by Slack), a modal submission whose answer is the ack's
// payload, and a malformed event, which is acked rather than sent again
// for ever.
func TestSocketModeTakesTheHTTPPaths(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 27)
		events, acks, stop := serveSocket(t, e)

		// A recruiter's reply, sent twice (Slack's retry), reaches the
		// candidate once.
		e.lineFollow("U410")
		e.lineText("U410", "担当者と話したい")
		parent := e.handoffThread()
		reply := eventBody("EvSockReply", threadReply(staffUser, "担当の北見です。", parent.TS))
		for i, env := range []string{"env-reply", "env-reply-retry"} {
			ev := socketEvent(socketmode.EventTypeEventsAPI, socketmode.RequestTypeEventsAPI, env, reply)
			ev.Request.RetryAttempt = i
			events <- ev
			if p := acks.wait(t, env); p != nil {
				t.Errorf("event ack payload: %v", p)
			}
		}
		e.settle()
		if p := e.linePushes("U410"); len(p) != 1 || !strings.Contains(p[0], "【採用担当より】\n担当の北見です。") {
			t.Fatalf("pushes: %q", p)
		}

		// A modal submission: refused to others in the modal, saved for staff.
		submit := func(env, user string) map[string]any {
			raw, _ := json.Marshal(e.submission(user, "{}", map[string]string{"question": "社員旅行はありますか？",
				"alternatives": "", "answer": "毎年秋に、希望者で出かけています。", "category": "働き方"}))
			events <- socketEvent(socketmode.EventTypeInteractive, socketmode.RequestTypeInteractive, env, raw)
			var out map[string]any
			b, _ := json.Marshal(acks.wait(t, env))
			_ = json.Unmarshal(b, &out)
			return out
		}
		if out := submit("env-submit-other", otherUser); out["response_action"] != "errors" ||
			!strings.Contains(fmt.Sprint(out["errors"]), "権限がありません") {
			t.Fatalf("non-staff submission ack: %v", out)
		}
		if out := submit("env-submit", staffUser); out["response_action"] != "update" {
			t.Fatalf("staff submission ack: %v", out)
		}
		e.lineText("U410", "ボットに戻る")
		e.lineText("U410", "社員旅行はありますか？")
		if got := e.lineLast("U410"); !strings.Contains(got, "毎年秋に") {
			t.Fatalf("the saved entry does not answer: %s", got)
		}

		// A malformed event is acked with nothing, and stores nothing.
		events <- socketEvent(socketmode.EventTypeEventsAPI, socketmode.RequestTypeEventsAPI, "env-bad", []byte(`{"type":`))
		if p := acks.wait(t, "env-bad"); p != nil {
			t.Errorf("malformed event ack payload: %v", p)
		}
		stop()
	})
}
