package slack_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestForgetRemovesSlackPosts deletes a candidate's data: their notice and
// handoff thread leave Slack with what the bot relayed; what recruiters
// wrote themselves stays (a bot cannot delete it).
func TestForgetRemovesSlackPosts(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 11)
		ctx := context.Background()
		app := e.apply("U900", "北見 花子")
		e.lineText("U900", "担当者と話したい")
		e.lineText("U900", "電話番号を変えたいです")
		parent := e.handoffThread()
		human := e.slack.Inject(slacktest.Message{Channel: notifyChannel, ThreadTS: parent.TS, Text: "確認します"})
		if n := len(e.slack.Messages(notifyChannel)); n != 4 {
			t.Fatalf("%d messages before", n)
		}
		if deleted, err := e.engine.ForgetCandidate(ctx, bot.UserKey{Channel: bot.ChannelLINE, UserID: "U900"}, "cli"); err != nil || !deleted {
			t.Fatalf("forget: %v %v", deleted, err)
		}
		e.settle()
		left := e.slack.Messages(notifyChannel)
		if len(left) != 1 || left[0].TS != human.TS {
			t.Fatalf("left in Slack: %+v", left)
		}
		if len(e.notices(app.ID)) != 0 || strings.Contains(left[0].Text, "北見") {
			t.Fatal("the notice is still there")
		}
	})
}
