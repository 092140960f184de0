package slack_test

import (
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestStudentMarkupStaysText: a LINE display name and a message written as
// Slack markup (a channel-wide ping, a disguised link) reach the
// recruiters' channel as the text the student typed, in the notification
// text and in the blocks alike; and a handoff from someone without a known
// name never reads 「-さん」.
func TestStudentMarkupStaysText(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 11)
		e.line.Lock()
		e.line.DisplayName = "<!channel> <https://evil.example|採用担当>"
		e.line.Unlock()
		e.lineFollow("U410")
		e.lineText("U410", "社員旅行はありますか？")
		e.lineText("U410", "副業はできますか？")
		e.lineText("U410", "はい")
		e.lineText("U410", "<!everyone> <https://evil.example/2|ここをクリック>")

		msgs := e.slack.Messages(notifyChannel)
		if len(msgs) < 2 {
			t.Fatalf("%d messages in the recruiters' channel, want the thread and the relay", len(msgs))
		}
		var all strings.Builder
		for _, m := range msgs {
			for what, s := range map[string]string{"text": m.Text, "blocks": blockTexts(m.Blocks)} {
				if strings.Contains(s, "<!") || strings.Contains(s, "<https://evil") {
					t.Errorf("markup reached Slack in a message's %s: %q", what, s)
				}
				all.WriteString(s + "\n")
			}
		}
		for _, want := range []string{"&lt;!channel&gt;", "&lt;!everyone&gt;", "&lt;https://evil.example/2|ここをクリック&gt;"} {
			if !strings.Contains(all.String(), want) {
				t.Errorf("the escaped text %q is not shown:\n%s", want, all.String())
			}
		}
	})
}

// TestHandoffWithoutName: a student whose display name is unknown is
// announced by channel, not as 「-さん」.
func TestHandoffWithoutName(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 12)
	e.line.Lock()
	e.line.DisplayName = ""
	e.line.Unlock()
	e.lineFollow("U411")
	e.lineText("U411", "社員旅行はありますか？")
	e.lineText("U411", "副業はできますか？")
	e.lineText("U411", "はい")
	parent := e.handoffThread()
	if strings.Contains(parent.Text, "-さん") || !strings.Contains(parent.Text, "LINEの候補者") {
		t.Errorf("handoff notice text: %q", parent.Text)
	}
}
