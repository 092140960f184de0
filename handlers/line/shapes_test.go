package line_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestPayloadShapes posts each kind of event LINE sends, in the shapes of
// the official SDKs' samples, and checks each gets 200 and the right effect.
func TestPayloadShapes(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	cases := []struct {
		name  string
		event map[string]any
		want  string // in the answer; "" means no answer
	}{
		{"text", e.text("US1", "北見の冬は寒いですか"), "寒"},
		{"follow", e.event("follow", "US2", map[string]any{"follow": map[string]any{"isUnblocked": false}}), "採用案内ボット"},
		{"postback", e.postback("US3", "t=よくある質問"), "よくある質問の例"},
		{"sticker", e.event("message", "US4", map[string]any{"message": map[string]any{
			"type": "sticker", "id": "1", "packageId": "446", "stickerId": "1988", "stickerResourceType": "STATIC",
			"keywords": []string{"happy"}}}), "文字でお送り"},
		{"image", e.event("message", "US5", map[string]any{"message": map[string]any{
			"type": "image", "id": "2", "contentProvider": map[string]any{"type": "line"}}}), "文字でお送り"},
		{"location", e.event("message", "US6", map[string]any{"message": map[string]any{
			"type": "location", "id": "3", "title": "北見駅", "address": "北見市", "latitude": 43.8, "longitude": 143.9}}), "文字でお送り"},
		{"group question", groupEvent(e.text("US7", "研修は何ヶ月ですか"), "Cgroup1"), "4ヶ月"},
		{"group apply", groupEvent(e.text("US7", "応募したい"), "Cgroup1"), "1対1のトーク"},
		{"unknown type", e.event("somethingNew", "US8", map[string]any{"newField": 1}), ""},
		{"unknown message type", e.event("message", "US9", map[string]any{"message": map[string]any{"type": "hologram", "id": "4"}}), "文字でお送り"},
		{"old payload", legacy(e.text("US10", "サケモデルとは何ですか")), "サケモデル"},
		{"standby mode", standby(e.text("US11", "研修は何ヶ月ですか")), ""},
	}
	for _, c := range cases {
		before := len(e.api.Delivered())
		if code := e.post(callback(c.event)); code != 200 {
			t.Fatalf("%s: webhook answered %d", c.name, code)
		}
		e.run()
		d := e.api.Delivered()
		switch {
		case c.want == "" && len(d) != before:
			t.Errorf("%s: want no answer, got %s", c.name, messagesText(d[len(d)-1]))
		case c.want != "" && (len(d) != before+1 || !strings.Contains(messagesText(d[len(d)-1]), c.want)):
			t.Errorf("%s: want an answer with %q, got %d new deliveries", c.name, c.want, len(d)-before)
		}
	}
	// A group event kept no personal data about the member.
	if _, err := candidate(e, "US7"); !errors.Is(err, bot.ErrNotFound) {
		t.Errorf("a group member became a candidate: %v", err)
	}
	// The answer in the group went to the group.
	for _, c := range e.api.Delivered() {
		if c.Path == "/v2/bot/message/push" && c.Body["to"] == "US7" {
			t.Error("a group answer was pushed to the member")
		}
	}
}

func TestEmptyVerifyBodyAndOldRedelivery(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	if code := e.post([]byte(`{"destination":"U0","events":[]}`)); code != 200 {
		t.Fatalf("verify: %d", code)
	}
	old := legacy(e.text("UL1", "研修は何ヶ月ですか"))
	e.send(old)
	e.send(old) // the same bytes again: the derived key recognises it
	if n := len(e.api.Delivered()); n != 1 {
		t.Fatalf("old payload answered %d times", n)
	}
}

func TestUnfollowBlocksAndFollowBackResumes(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.send(e.event("follow", "UB1", map[string]any{"follow": map[string]any{"isUnblocked": false}}))
		e.tap("UB1", "応募する")
		e.tap("UB1", "同意する")
		e.send(e.text("UB1", "北見 太郎"))
		e.send(e.event("unfollow", "UB1", nil))
		c, err := candidate(e, "UB1")
		if err != nil || !c.Blocked {
			t.Fatalf("after unfollow: %+v %v", c, err)
		}
		before := len(e.api.Delivered())
		e.send(e.event("follow", "UB1", map[string]any{"follow": map[string]any{"isUnblocked": true}}))
		if got := e.lastTexts(); len(e.api.Delivered()) != before+1 || !strings.Contains(got, "おかえりなさい") || !strings.Contains(got, "フリガナ") {
			t.Fatalf("welcome back: %s", got)
		}
		if c, _ := candidate(e, "UB1"); c.Blocked {
			t.Fatal("still blocked after following again")
		}
	})
}

func candidate(e *env, user string) (bot.Candidate, error) {
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: user}
	var c bot.Candidate
	err := e.store.InTx(context.Background(), key, func(tx bot.Tx) error {
		var err error
		c, err = tx.Candidate(context.Background(), key)
		return err
	})
	return c, err
}

func groupEvent(ev map[string]any, group string) map[string]any {
	src := ev["source"].(map[string]any)
	ev["source"] = map[string]any{"type": "group", "groupId": group, "userId": src["userId"]}
	return ev
}

// legacy strips what old payloads lacked.
func legacy(ev map[string]any) map[string]any {
	delete(ev, "webhookEventId")
	delete(ev, "deliveryContext")
	delete(ev, "mode")
	return ev
}

func standby(ev map[string]any) map[string]any {
	ev["mode"] = "standby"
	delete(ev, "replyToken")
	return ev
}
