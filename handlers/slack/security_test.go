package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestRequestsMustBeSigned sends forged, stale, unsigned and tampered
// requests to every endpoint: each gets 401 and changes nothing.
func TestRequestsMustBeSigned(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 8)
		ctx := context.Background()
		e.lineFollow("U700")
		e.lineText("U700", "担当者と話したい")
		parent := e.handoffThread()
		h, _ := e.store.HandoffByThread(ctx, notifyChannel, parent.TS)
		faqs, _ := e.store.ListFAQs(ctx)
		pushes, apiCalls := len(e.linePushes("U700")), len(e.slack.Calls())

		form := func(k, v string) []byte { return []byte(formOf(k, v)) }
		click, _ := json.Marshal(e.click(staffUser, "handoff_close", fmt.Sprint(h.ID), notifyChannel, parent.TS))
		cmd := formOf("user_id", staffUser) + "&command=%2Fsakebot&text=faq+delete+" + faqs[0].ID + "&trigger_id=t1"
		endpoints := []slackRequest{
			{path: "/slack/events", contentType: "application/json", body: eventBody("EvForged", threadReply(staffUser, "なりすまし", parent.TS))},
			{path: "/slack/commands", contentType: "application/x-www-form-urlencoded", body: []byte(cmd)},
			{path: "/slack/interactions", contentType: "application/x-www-form-urlencoded", body: form("payload", string(click))},
		}
		for _, ep := range endpoints {
			bad := map[string]slackRequest{
				"forged":   {secret: "not-the-secret"},
				"stale":    {at: time.Now().Add(-6 * time.Minute)},
				"future":   {at: time.Now().Add(6 * time.Minute)},
				"unsigned": {unsigned: true},
			}
			for name, b := range bad {
				r := ep
				r.secret, r.at, r.unsigned = b.secret, b.at, b.unsigned
				if code, _ := e.do(r); code != 401 {
					t.Errorf("%s %s: %d, want 401", name, ep.path, code)
				}
			}
			// Signed, then tampered with.
			tampered := ep
			tampered.headers = map[string]string{}
			if code, _ := e.doTampered(tampered); code != 401 {
				t.Errorf("tampered %s: %d, want 401", ep.path, code)
			}
			big := ep
			big.body = append(append([]byte{}, ep.body...), []byte(strings.Repeat(" ", 1<<20))...)
			if code, _ := e.do(big); code != 413 {
				t.Errorf("oversized %s: %d, want 413", ep.path, code)
			}
		}
		e.settle()
		if got, _ := e.store.Handoff(ctx, h.ID); got.Status != bot.HandoffOpen {
			t.Fatalf("a refused request closed the handoff")
		}
		if _, err := e.store.FAQ(ctx, faqs[0].ID); err != nil {
			t.Fatalf("a refused request touched the FAQ: %v", err)
		}
		if n := len(e.linePushes("U700")); n != pushes {
			t.Fatalf("a refused event reached the candidate")
		}
		if n := len(e.slack.Calls()); n != apiCalls {
			t.Fatalf("refused requests called Slack: %+v", e.slack.Calls()[apiCalls:])
		}
		// The same requests, properly signed, do work.
		if code := e.event("EvReal", threadReply(staffUser, "本物です", parent.TS), 0); code != 200 {
			t.Fatalf("signed event: %d", code)
		}
		e.settle()
		if p := e.linePushes("U700"); len(p) != pushes+1 {
			t.Fatalf("signed event not delivered: %q", p)
		}
	})
}

// formOf is one form field, encoded.
func formOf(k, v string) string { return url.Values{k: {v}}.Encode() }

// doTampered signs r's body, then changes the body before sending.
func (e *env) doTampered(r slackRequest) (int, []byte) {
	e.t.Helper()
	// Sign the original, send a different body with the same signature.
	ts, sig := signFor(r.body)
	r.unsigned = true
	r.headers = map[string]string{"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig}
	r.body = append(append([]byte{}, r.body...), ' ')
	return e.do(r)
}

func TestEventsAPI(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 9)
		ctx := context.Background()
		code, body := e.do(slackRequest{path: "/slack/events", contentType: "application/json",
			body: []byte(`{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`)})
		if code != 200 || !strings.Contains(string(body), `"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"`) {
			t.Fatalf("url_verification: %d %s", code, body)
		}
		if code := e.event("EvOther", map[string]any{"type": "reaction_added", "user": staffUser}, 0); code != 200 {
			t.Fatalf("unhandled event: %d", code)
		}

		e.lineFollow("U800")
		e.lineText("U800", "担当者と話す")
		parent := e.handoffThread()
		// A retry whose first delivery was lost is processed; the same event
		// again, and retried twice more, is processed once.
		reply := threadReply(staffUser, "こんにちは、担当の北見です。", parent.TS)
		for retry := 1; retry <= 3; retry++ {
			if code := e.event("EvRetried", reply, retry); code != 200 {
				t.Fatalf("retry %d: %d", retry, code)
			}
		}
		e.event("EvRetried", reply, 0)
		e.settle()
		if p := e.linePushes("U800"); len(p) != 1 || !strings.Contains(p[0], "担当の北見です") {
			t.Fatalf("pushes: %q", p)
		}
		_ = ctx
	})
}

func TestStudentsAskInSlack(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 10)
		dm := map[string]any{"type": "message", "user": "USTUDENT", "text": "研修は何ヶ月ですか", "channel": "D0STUDENT",
			"channel_type": "im", "ts": fmt.Sprintf("%d.000100", e.clock.Now().Unix())}
		if code := e.event("EvDM", dm, 0); code != 200 {
			t.Fatalf("DM: %d", code)
		}
		mention := map[string]any{"type": "app_mention", "user": "USTUDENT", "text": "<@UBOT> 応募したい", "channel": "CGENERAL",
			"ts": fmt.Sprintf("%d.000200", e.clock.Now().Unix())}
		e.event("EvMention", mention, 0)
		e.settle()
		posts := map[string]url.Values{} // by channel (the two go out in parallel)
		for _, c := range e.slack.CallsTo("chat.postMessage") {
			posts[c.Form.Get("channel")] = c.Form
		}
		if len(posts) != 3 { // the DM, the channel, and the DM the mention opened
			t.Fatalf("posts: %+v", posts)
		}
		if f := posts["D0STUDENT"]; !strings.Contains(blockTexts(f.Get("blocks")), "4ヶ月") {
			t.Fatalf("DM answer: %v", f)
		}
		if f := posts["CGENERAL"]; f.Get("thread_ts") != mention["ts"] || !strings.Contains(blockTexts(f.Get("blocks")), "DMをお送りしました") {
			t.Fatalf("channel answer: %v", f)
		}
		// A tapped choice in the DM comes back as a postback.
		e.event("EvDM2", map[string]any{"type": "message", "user": "USTUDENT", "text": "応募したい", "channel": "D0STUDENT",
			"channel_type": "im", "ts": fmt.Sprintf("%d.000300", e.clock.Now().Unix())}, 0)
		e.settle()
		all := e.slack.CallsTo("chat.postMessage")
		last := all[len(all)-1]
		var blocks []map[string]any
		_ = json.Unmarshal([]byte(last.Form.Get("blocks")), &blocks)
		var actionID, value string
		for _, b := range blocks {
			els, _ := b["elements"].([]any)
			for _, el := range els {
				m := el.(map[string]any)
				if txt, _ := m["text"].(map[string]any); txt["text"] == "同意しない" {
					actionID, value = m["action_id"].(string), m["value"].(string)
				}
			}
		}
		if actionID == "" {
			t.Fatalf("no 同意しない button: %s", last.Form.Get("blocks"))
		}
		e.interact(e.click("USTUDENT", actionID, value, "D0STUDENT", last.Form.Get("ts")))
		e.settle()
		all = e.slack.CallsTo("chat.postMessage")
		if got := blockTexts(all[len(all)-1].Form.Get("blocks")); !strings.Contains(got, "個人情報はお預かりしていません") {
			t.Fatalf("after the tap: %s", got)
		}
	})
}
