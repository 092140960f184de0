package line_test

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestQuestionIsAnswered(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		ev := e.text("U1", "研修は何ヶ月ですか")
		e.send(ev)
		d := e.api.Delivered()
		if len(d) != 1 || d[0].Path != "/v2/bot/message/reply" || d[0].Body["replyToken"] != ev["replyToken"] {
			t.Fatalf("want one reply with the event's token, got %+v", d)
		}
		if got := messagesText(d[0]); !strings.Contains(got, "4ヶ月") {
			t.Fatalf("answer: %s", got)
		}
	})
}

func TestApplicationOverLINE(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.send(e.event("follow", "U2", map[string]any{"follow": map[string]any{"isUnblocked": false}}))
		if !strings.Contains(e.lastTexts(), "採用案内ボット") {
			t.Fatalf("greeting: %s", e.lastTexts())
		}
		e.tap("U2", "応募する")
		e.tap("U2", "同意する")
		for _, answer := range []string{"北見 花子", "きたみ はなこ"} {
			e.send(e.text("U2", answer))
		}
		e.tap("U2", "北見工業大学")
		for _, answer := range []string{"工学部 地球環境工学科", "2027年3月", "hanako@example.jp", "080-1111-2222"} {
			e.send(e.text("U2", answer))
		}
		e.tap("U2", "相談したい")
		e.tap("U2", "授業で少し")
		e.tap("U2", "スキップ")
		assertFlexSummary(t, e.api.Delivered())
		e.tap("U2", "この内容で応募する")
		if got := e.lastTexts(); !regexp.MustCompile(`SK-\d{4}-0001`).MatchString(got) {
			t.Fatalf("no reference number: %s", got)
		}
		apps, err := e.store.ListApplications(context.Background(), bot.ApplicationFilter{})
		if err != nil || len(apps) != 1 {
			t.Fatalf("applications: %v %v", apps, err)
		}
		if a := apps[0]; a.Kana != "キタミ　ハナコ" || a.Phone != "08011112222" || a.KitamiWish != "相談したい" {
			t.Fatalf("stored: %+v", a)
		}
		// The follow looked the display name up with the profile API.
		err = e.store.InTx(context.Background(), bot.UserKey{Channel: bot.ChannelLINE, UserID: "U2"}, func(tx bot.Tx) error {
			c, err := tx.Candidate(context.Background(), bot.UserKey{Channel: bot.ChannelLINE, UserID: "U2"})
			if err == nil && c.DisplayName != "テスト 花子" {
				t.Errorf("display name %q", c.DisplayName)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// assertFlexSummary checks the summary went as a Flex bubble with an
// altText and LINE's limits on every message.
func assertFlexSummary(t *testing.T, delivered []linetest.Call) {
	t.Helper()
	last := delivered[len(delivered)-1]
	var flex map[string]any
	for _, m := range last.Messages() {
		if m["type"] == "flex" {
			flex = m
		}
	}
	if flex == nil || flex["altText"] == "" {
		t.Fatalf("no Flex summary with altText in %v", last.Messages())
	}
	raw, _ := json.Marshal(flex)
	for _, want := range []string{"キタミ　ハナコ", "080-1111-2222", "この内容で応募する"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Fatalf("summary lacks %q: %s", want, raw)
		}
	}
	checkLimits(t, delivered)
}

// checkLimits checks every delivered request against LINE's limits.
func checkLimits(t *testing.T, delivered []linetest.Call) {
	t.Helper()
	for _, c := range delivered {
		msgs := c.Messages()
		if len(msgs) == 0 || len(msgs) > 5 {
			t.Fatalf("%d messages in one request", len(msgs))
		}
		for _, m := range msgs {
			qr, _ := m["quickReply"].(map[string]any)
			items, _ := qr["items"].([]any)
			if len(items) > 13 {
				t.Fatalf("%d quick replies", len(items))
			}
			for _, it := range items {
				item := it.(map[string]any)
				action := item["action"].(map[string]any)
				if item["type"] != "action" || len([]rune(action["label"].(string))) > 20 {
					t.Fatalf("bad quick reply item %v", item)
				}
				if d, ok := action["data"].(string); ok && (len(d) > 300 || action["displayText"] == "") {
					t.Fatalf("bad postback %v", action)
				}
			}
		}
	}
}

func TestDuplicateEventIsAnsweredOnce(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		ev := e.text("U3", "サケモデルとは何ですか")
		e.send(ev)
		ev["deliveryContext"] = map[string]any{"isRedelivery": true}
		e.send(ev)
		e.send(ev)
		if n := len(e.api.Delivered()); n != 1 {
			t.Fatalf("want one answer, got %d", n)
		}
	})
}

func TestRefusedReplyTokenIsPushedWithRetryKey(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.api.RefuseReplies = true
		e.send(e.text("U4", "研修は何ヶ月ですか"))
		d := e.api.Delivered()
		if len(d) != 1 || d[0].Path != "/v2/bot/message/push" || d[0].Body["to"] != "U4" {
			t.Fatalf("want one push to U4, got %+v", d)
		}
		uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
		if !uuid.MatchString(d[0].RetryKey) {
			t.Fatalf("retry key %q is not a UUID", d[0].RetryKey)
		}
	})
}

func TestOldEventIsPushedNotReplied(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	ev := e.text("U5", "研修は何ヶ月ですか")
	ev["timestamp"] = e.clock.Now().Add(-2 * time.Minute).UnixMilli()
	e.send(ev)
	for _, c := range e.api.Calls() {
		if c.Path == "/v2/bot/message/reply" {
			t.Fatal("an expired reply token was used")
		}
	}
	if d := e.api.Delivered(); len(d) != 1 || d[0].Path != "/v2/bot/message/push" {
		t.Fatalf("want one push, got %+v", d)
	}
}

func TestAPIFailureThenRecoveryDeliversOnce(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.api.FailNext = 3 // the reply, then two pushes fail
		e.send(e.text("U6", "北見の冬は寒いですか"))
		for i := 0; i < 6 && len(e.api.Delivered()) == 0; i++ {
			e.clock.Advance(10 * time.Minute) // past any backoff
			e.run()
		}
		d := e.api.Delivered()
		if len(d) != 1 {
			t.Fatalf("want exactly one delivery, got %d", len(d))
		}
		// Run again: nothing more goes out.
		e.clock.Advance(time.Hour)
		e.run()
		if len(e.api.Delivered()) != 1 {
			t.Fatal("delivered twice")
		}
	})
}

func TestRateLimitIsRetriedAfterWait(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	e.api.RateLimitNext = 1
	e.send(e.text("U7", "研修は何ヶ月ですか"))
	if len(e.api.Delivered()) != 0 {
		t.Fatal("delivered despite 429")
	}
	e.clock.Advance(5 * time.Second)
	e.run()
	if d := e.api.Delivered(); len(d) != 1 || d[0].Path != "/v2/bot/message/push" {
		t.Fatalf("want one push after the wait, got %+v", d)
	}
}

func TestBadRequestsAreRefusedAndNothingStored(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		body := callback(e.text("U8", "研修は何ヶ月ですか"))
		cases := []struct {
			name string
			body []byte
			sig  string
			want int
		}{
			{"forged", body, linetest.Sign("wrong-secret", body), 401},
			{"missing", body, "", 401},
			{"garbage signature", body, "!!!", 401},
			{"oversized", append(bytes.Repeat([]byte(" "), 1<<20), body...), "", 413},
			{"malformed", []byte(`{"events": [{"type": 12}]`), linetest.Sign(secret, []byte(`{"events": [{"type": 12}]`)), 400},
		}
		for _, c := range cases {
			if got := e.postSigned(c.body, c.sig); got != c.want {
				t.Errorf("%s: got %d, want %d", c.name, got, c.want)
			}
		}
		if p, _ := e.run(); p != 0 || len(e.api.Calls()) != 0 {
			t.Fatalf("refused requests were processed: %d events, %d API calls", p, len(e.api.Calls()))
		}
	})
}

func TestPreviousSecretStillAccepted(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	body := callback(e.text("U9", "研修は何ヶ月ですか"))
	if got := e.postSigned(body, linetest.Sign("old-secret", body)); got != 200 {
		t.Fatalf("previous secret: %d", got)
	}
	if e.run(); len(e.api.Delivered()) != 1 {
		t.Fatal("not answered")
	}
}

func TestAckedEventsSurviveRestart(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnvLane(t, url, false) // stored only, as when a fast-lane batch fails
		e.slow = false                 // the new process has the fast lane
		for _, q := range []string{"研修は何ヶ月ですか", "北見の冬は寒いですか", "応募したい"} {
			if code := e.post(callback(e.text("U10", q))); code != 200 {
				t.Fatalf("webhook: %d", code)
			}
		}
		// The process dies here: nothing was processed. A new one starts.
		e.srv.Close()
		e.start()
		if p, s := e.run(); p != 3 || s != 3 {
			t.Fatalf("after restart: processed %d, sent %d", p, s)
		}
		d := e.api.Delivered()
		if len(d) != 3 {
			t.Fatalf("want 3 answers, got %d", len(d))
		}
		want := []string{"4ヶ月", "", "個人情報"}
		for i, w := range want {
			if !strings.Contains(messagesText(d[i]), w) {
				t.Fatalf("answer %d out of order: %s", i, messagesText(d[i]))
			}
		}
	})
}
