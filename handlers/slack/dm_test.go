package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// slackTS is a fresh message ts.
func (e *env) slackTS() string {
	return fmt.Sprintf("%d.%06d", e.clock.Now().Unix(), e.seq.Add(1)%1000000)
}

// dm sends text as user in their DM with the bot (a signed message.im
// event) and settles the worker.
func (e *env) dm(user, text string) {
	e.t.Helper()
	ev := map[string]any{"type": "message", "user": user, "text": text, "channel": slacktest.DMChannel(user),
		"channel_type": "im", "ts": e.slackTS()}
	if code := e.event(fmt.Sprint("EvDM", e.seq.Add(1)), ev, 0); code != 200 {
		e.t.Fatalf("DM event answered %d", code)
	}
	e.settle()
}

// lastPost is the last message posted to channel.
func (e *env) lastPost(channel string) slacktest.Message {
	e.t.Helper()
	msgs := e.slack.Messages(channel)
	if len(msgs) == 0 {
		e.t.Fatalf("nothing posted to %s", channel)
	}
	return msgs[len(msgs)-1]
}

// dmLast is the text of the last message in user's DM.
func (e *env) dmLast(user string) string {
	e.t.Helper()
	m := e.lastPost(slacktest.DMChannel(user))
	return m.Text + "\n" + blockTexts(m.Blocks)
}

// buttonOn finds the button labelled label in a message's blocks.
func buttonOn(blocksJSON, label string) (actionID, value string, ok bool) {
	var blocks []map[string]any
	_ = json.Unmarshal([]byte(blocksJSON), &blocks)
	for _, b := range blocks {
		els, _ := b["elements"].([]any)
		for _, el := range els {
			m, _ := el.(map[string]any)
			if txt, _ := m["text"].(map[string]any); m["type"] == "button" && txt["text"] == label {
				actionID, _ = m["action_id"].(string)
				value, _ = m["value"].(string)
				return actionID, value, true
			}
		}
	}
	return "", "", false
}

// dmClick clicks the button labelled label on the last message in user's
// DM (a signed block_actions) and settles the worker.
func (e *env) dmClick(user, label string) {
	e.t.Helper()
	ch := slacktest.DMChannel(user)
	m := e.lastPost(ch)
	id, value, ok := buttonOn(m.Blocks, label)
	if !ok {
		e.t.Fatalf("no button %q on the last DM message:\n%s", label, blockTexts(m.Blocks))
	}
	if code, _ := e.interact(e.click(user, id, value, ch, m.TS)); code != 200 {
		e.t.Fatalf("click answered %d", code)
	}
	e.settle()
}

func TestSlackDMConversation(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 21)
		e.slack.Lock()
		e.slack.Users = map[string]string{"USTU1": "北見 花子"}
		e.slack.Unlock()
		const user = "USTU1"

		// An FAQ question.
		e.dm(user, "研修は何ヶ月ですか")
		if got := e.dmLast(user); !strings.Contains(got, "4ヶ月") {
			t.Fatalf("FAQ answer: %s", got)
		}

		// The whole application, typing and clicking.
		e.dm(user, "応募したい")
		// A click on a button of an earlier step is refused as stale later.
		consent := e.lastPost(slacktest.DMChannel(user))
		e.dmClick(user, "同意する")
		e.dm(user, "北見 花子")
		e.dm(user, "きたみ はなこ")
		e.dmClick(user, "北見工業大学")
		for _, answer := range []string{"工学部 地球環境工学科", "2027年3月", "hanako@example.jp", "080-1111-2222"} {
			e.dm(user, answer)
		}
		e.dmClick(user, "相談したい")
		e.dmClick(user, "授業で少し")
		e.dm(user, "地元の北見で、<!channel> ITの仕事がしたいです & 研修も楽しみです。")

		// The summary: a section list with the three buttons.
		sum := e.lastPost(slacktest.DMChannel(user))
		text := blockTexts(sum.Blocks)
		for _, want := range []string{"北見　花子", "hanako@example.jp", "080-1111-2222", "&amp; 研修"} {
			if !strings.Contains(text, want) {
				t.Errorf("summary lacks %q:\n%s", want, text)
			}
		}
		for _, label := range []string{"この内容で応募する", "修正する", "やめる"} {
			if _, _, ok := buttonOn(sum.Blocks, label); !ok {
				t.Errorf("summary lacks the button %q:\n%s", label, sum.Blocks)
			}
		}

		// 修正する: change the email, back to the summary.
		e.dmClick(user, "修正する")
		e.dmClick(user, "メールアドレス")
		e.dm(user, "hanako2@example.jp")
		if got := e.dmLast(user); !strings.Contains(got, "hanako2@example.jp") {
			t.Fatalf("summary after the fix: %s", got)
		}

		// The stale consent button is refused, and the form goes on.
		id, value, _ := buttonOn(consent.Blocks, "同意する")
		e.interact(e.click(user, id, value, slacktest.DMChannel(user), consent.TS))
		e.settle()
		if got := e.dmLast(user); !strings.Contains(got, "この内容で応募する") {
			t.Fatalf("after a stale click: %s", got)
		}
		e.dmClick(user, "この内容で応募する")
		if got := e.dmLast(user); !strings.Contains(got, "受付番号") {
			t.Fatalf("not submitted: %s", got)
		}

		// The candidate: Slack, their user id, their display name.
		ctx := context.Background()
		key := bot.UserKey{Channel: bot.ChannelSlack, UserID: user}
		var c bot.Candidate
		if err := e.store.InTx(ctx, key, func(tx bot.Tx) (err error) {
			c, err = tx.Candidate(ctx, key)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if c.DisplayName != "北見 花子" || c.ConsentAt.IsZero() {
			t.Errorf("candidate: %+v", c)
		}
		apps, err := e.store.ListApplications(ctx, bot.ApplicationFilter{})
		if err != nil || len(apps) != 1 || apps[0].Key != key {
			t.Fatalf("applications: %+v, %v", apps, err)
		}

		// One notice in the recruiters' channel, with the new email.
		var notices []slacktest.Message
		for _, m := range e.slack.Messages(notifyChannel) {
			if m.ThreadTS == "" && strings.Contains(blockTexts(m.Blocks), apps[0].Ref) {
				notices = append(notices, m)
			}
		}
		if len(notices) != 1 {
			t.Fatalf("%d notices, want 1", len(notices))
		}
		if got := blockTexts(notices[0].Blocks); !strings.Contains(got, "hanako2@example.jp") {
			t.Errorf("notice: %s", got)
		}
	})
}
