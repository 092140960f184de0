package slack_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// webVisitor is a browser on the web chat of e.
type webVisitor struct {
	e      *env
	client *http.Client
	n      int
}

// newWebVisitor opens the chat page (the web chat frame), which sets the
// visitor cookie.
func (e *env) newWebVisitor() *webVisitor {
	jar, _ := cookiejar.New(nil)
	v := &webVisitor{e: e, client: &http.Client{Jar: jar, Timeout: 5 * time.Second}}
	res, err := v.client.Get(e.srv.URL + "/webchat/")
	if err != nil || res.StatusCode != 200 {
		e.t.Fatalf("open the chat: %v %v", err, res)
	}
	res.Body.Close()
	return v
}

// say posts text as the page does and lets the worker answer.
func (v *webVisitor) say(text string) {
	v.e.t.Helper()
	v.n++
	body, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("msg-%08d", v.n), "kind": "message", "text": text})
	req, _ := http.NewRequest("POST", v.e.srv.URL+"/webchat/messages", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", v.e.srv.URL)
	res, err := v.client.Do(req)
	if err != nil || res.StatusCode != 202 {
		v.e.t.Fatalf("post %q: %v %v", text, err, res)
	}
	res.Body.Close()
	v.e.settle()
}

// key is the visitor's conversation key, read from the cookie.
func (v *webVisitor) key() bot.UserKey {
	req, _ := http.NewRequest("GET", v.e.srv.URL+"/", nil)
	for _, c := range v.client.Jar.Cookies(req.URL) {
		if id, _, ok := strings.Cut(c.Value, "."); ok && c.Name == "sakebot_chat" {
			return bot.UserKey{Channel: bot.ChannelWeb, UserID: id}
		}
	}
	v.e.t.Fatal("no visitor cookie")
	return bot.UserKey{}
}

// botLines are the texts of the bot's lines on the visitor's page.
func (v *webVisitor) botLines() []string {
	v.e.t.Helper()
	lines, err := v.e.store.WebLastMessages(context.Background(), v.key().UserID, 100)
	if err != nil {
		v.e.t.Fatal(err)
	}
	var out []string
	for _, l := range lines {
		for _, r := range l.Replies {
			out = append(out, r.Text)
		}
	}
	return out
}

// TestWebChatHandoffThroughSlack: a web chat visitor asks for a person;
// recruiters see the thread in Slack, with the visitor's words escaped;
// a recruiter's reply in the thread reaches the visitor's page, marked
// as from the recruiting team; 対応終了 hands the visitor back to the bot.
func TestWebChatHandoffThroughSlack(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 7)
		v := e.newWebVisitor()
		v.say("担当者と話したいです")
		lines := v.botLines()
		if len(lines) == 0 || !strings.Contains(lines[len(lines)-1], "採用担当者におつなぎします") {
			t.Fatalf("visitor told: %q", lines)
		}
		parent := e.handoffThread()
		if text := blockTexts(parent.Blocks); !strings.Contains(text, "Webチャット") {
			t.Errorf("the thread does not name the web chat:\n%s", text)
		}
		v.say("<!channel> <https://evil.example/2|ここをクリック> 面談の日程を相談したいです")
		replies := e.slack.Thread(notifyChannel, parent.TS)
		if len(replies) != 1 {
			t.Fatalf("thread replies: %+v", replies)
		}
		for _, part := range []string{replies[0].Text, blockTexts(replies[0].Blocks)} {
			if strings.Contains(part, "<!channel>") || strings.Contains(part, "<https://evil") || !strings.Contains(part, "&lt;!channel&gt;") {
				t.Errorf("the visitor's words reached Slack unescaped: %q", part)
			}
		}
		if code := e.event("EvWeb1", threadReply(staffUser, "担当の佐藤です。木曜日はいかがですか。", parent.TS), 0); code != 200 {
			t.Fatalf("event answered %d", code)
		}
		e.settle()
		lines = v.botLines()
		if last := lines[len(lines)-1]; last != "【採用担当より】\n担当の佐藤です。木曜日はいかがですか。" {
			t.Fatalf("the visitor's page shows %q", last)
		}
		h, err := e.store.HandoffByThread(context.Background(), notifyChannel, parent.TS)
		if err != nil {
			t.Fatal(err)
		}
		e.interact(e.click(staffUser, "handoff_close", fmt.Sprint(h.ID), notifyChannel, parent.TS))
		e.settle()
		lines = v.botLines()
		if !strings.Contains(lines[len(lines)-1], "ボットがご案内します") {
			t.Fatalf("after 対応終了 the visitor sees %q", lines[len(lines)-1])
		}
		v.say("研修は何ヶ月ですか")
		lines = v.botLines()
		if !strings.Contains(lines[len(lines)-1], "4ヶ月") {
			t.Fatalf("the bot does not answer again: %q", lines[len(lines)-1])
		}
	})
}
