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
		if _, _, ok := buttonOn(dm[0].Blocks, "同意する"); !ok {
			t.Fatalf("the DM does not ask for consent:\n%s", blockTexts(dm[0].Blocks))
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
		e.dmClick(user, "同意する")
		if got := e.dmLast(user); !strings.Contains(got, "氏名") && !strings.Contains(got, "お名前") {
			t.Fatalf("after consent: %s", got)
		}
	})
}
