package slack_test

import (
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestSlackDMHandoff: a student who writes in a DM asks for a person; what
// they say goes to the recruiters' thread, and a recruiter's reply in that
// thread comes back to the student's DM as a message of its own, not in a
// thread of the DM named after the recruiters' thread (which Slack refuses
// or hides there).
func TestSlackDMHandoff(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 26)
		const user = "USTU3"
		dm := slacktest.DMChannel(user)
		e.dm(user, "担当者と話したい")
		if got := e.dmLast(user); !strings.Contains(got, "採用担当者におつなぎします") {
			t.Fatalf("student told: %s", got)
		}
		parent := e.handoffThread()
		e.dm(user, "面談の日程を相談したいです")
		relayed := e.slack.Thread(notifyChannel, parent.TS)
		if len(relayed) != 1 || !strings.Contains(blockTexts(relayed[0].Blocks), "面談の日程を相談したいです") {
			t.Fatalf("thread: %+v", relayed)
		}

		before := len(e.slack.Messages(dm))
		if code := e.event("EvDMReply", threadReply(staffUser, "担当の佐藤です。木曜日はいかがですか。", parent.TS), 0); code != 200 {
			t.Fatalf("event answered %d", code)
		}
		e.settle()
		msgs := e.slack.Messages(dm)
		if len(msgs) != before+1 {
			t.Fatalf("%d messages to the DM after the reply, want 1", len(msgs)-before)
		}
		got := msgs[len(msgs)-1]
		if got.Channel != dm || got.ThreadTS != "" || !strings.Contains(got.Text+blockTexts(got.Blocks), "担当の佐藤です") {
			t.Fatalf("the reply went to channel %q, thread %q: %s", got.Channel, got.ThreadTS, got.Text)
		}
		for _, m := range e.slack.Messages(notifyChannel) {
			if m.ThreadTS != "" && m.ThreadTS != parent.TS {
				t.Errorf("a message to recruiters in thread %q, not the handoff's %q: %s", m.ThreadTS, parent.TS, m.Text)
			}
		}
	})
}
