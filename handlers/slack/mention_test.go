package slack_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestSlackMention(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 22)
		const user, channel = "USTU2", "CCOMMUNITY"

		// A question: answered in the thread of the mention.
		q := map[string]any{"type": "app_mention", "user": user, "text": "<@UBOT> 研修は何ヶ月ですか", "channel": channel, "ts": e.slackTS()}
		if code := e.event("EvMention1", q, 0); code != 200 {
			t.Fatalf("mention: %d", code)
		}
		e.settle()
		m := e.lastPost(channel)
		if m.ThreadTS != q["ts"] || !strings.Contains(blockTexts(m.Blocks), "4ヶ月") {
			t.Fatalf("answer: %+v", m)
		}

		// Asked to apply: told in the thread to continue in a DM, which opens.
		apply := map[string]any{"type": "app_mention", "user": user, "text": "<@UBOT> 応募したいです", "channel": channel, "ts": e.slackTS()}
		e.event("EvMention2", apply, 0)
		e.event("EvMention2", apply, 1) // Slack's retry: one DM only
		e.settle()
		m = e.lastPost(channel)
		if m.ThreadTS != apply["ts"] || !strings.Contains(blockTexts(m.Blocks), "DM") {
			t.Fatalf("channel answer: %+v", m)
		}
		opens := e.slack.CallsTo("conversations.open")
		if len(opens) != 1 || opens[0].Form.Get("users") != user {
			t.Fatalf("conversations.open: %+v", opens)
		}
		dm := e.slack.Messages(slacktest.DMChannel(user))
		if len(dm) != 1 {
			t.Fatalf("%d DM messages, want 1", len(dm))
		}
		if _, _, ok := buttonOn(dm[0].Blocks, "応募する"); !ok {
			t.Fatalf("the DM does not offer to apply:\n%s", blockTexts(dm[0].Blocks))
		}
		for _, msg := range e.slack.Messages(channel) {
			if _, _, ok := buttonOn(msg.Blocks, "同意する"); ok || strings.Contains(blockTexts(msg.Blocks), "氏名") {
				t.Fatalf("the form in a channel:\n%s", blockTexts(msg.Blocks))
			}
		}

		// Nothing personal stored: no candidate, no application.
		ctx := context.Background()
		for _, key := range []bot.UserKey{{Channel: bot.ChannelSlack, UserID: user}, {Channel: bot.ChannelSlack, UserID: channel}} {
			err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
				_, err := tx.Candidate(ctx, key)
				return err
			})
			if !errors.Is(err, bot.ErrNotFound) {
				t.Errorf("candidate %v: %v", key, err)
			}
		}
		if apps, err := e.store.ListApplications(ctx, bot.ApplicationFilter{}); err != nil || len(apps) != 0 {
			t.Fatalf("applications: %d, %v", len(apps), err)
		}

		// The DM goes on as any DM.
		e.dmClick(user, "応募する")
		e.dmClick(user, "同意する")
		if got := e.dmLast(user); !strings.Contains(got, "氏名") && !strings.Contains(got, "お名前") {
			t.Fatalf("after consent: %s", got)
		}
	})
}

// TestSlackMentionDuringForm checks that a mention asking to apply, from
// someone whose DM is at the summary, does not submit their form: the DM
// shows the summary again.
func TestSlackMentionDuringForm(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 26)
	const user = "USTU4"
	e.dm(user, "応募したい")
	e.dmClick(user, "同意する")
	e.dm(user, "北見 花子")
	e.dm(user, "きたみ はなこ")
	e.dmClick(user, "北見工業大学")
	for _, answer := range []string{"工学部 地球環境工学科", "2027年3月", "hanako@example.jp", "080-1111-2222"} {
		e.dm(user, answer)
	}
	e.dmClick(user, "相談したい")
	e.dmClick(user, "授業で少し")
	e.dm(user, "よろしくお願いします")
	if _, _, ok := buttonOn(e.lastPost(slacktest.DMChannel(user)).Blocks, "この内容で応募する"); !ok {
		t.Fatalf("not at the summary: %s", e.dmLast(user))
	}
	e.event("EvMention9", map[string]any{"type": "app_mention", "user": user, "text": "<@UBOT> 応募したい",
		"channel": "CCOMMUNITY", "ts": e.slackTS()}, 0)
	e.settle()
	apps, err := e.store.ListApplications(context.Background(), bot.ApplicationFilter{})
	if err != nil || len(apps) != 0 {
		t.Fatalf("submitted by a mention: %d %v", len(apps), err)
	}
	if _, _, ok := buttonOn(e.lastPost(slacktest.DMChannel(user)).Blocks, "この内容で応募する"); !ok {
		t.Fatalf("the DM after the mention: %s", e.dmLast(user))
	}
}
