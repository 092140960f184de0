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

// notices returns the messages in the notify channel marked as the
// notice of application id.
func (e *env) notices(id int64) []slacktest.Message {
	var out []slacktest.Message
	for _, m := range e.slack.Messages(notifyChannel) {
		p, _ := m.Metadata["event_payload"].(map[string]any)
		if m.Metadata["event_type"] == "sakebot_application" && p["id"] == fmt.Sprint(id) {
			out = append(out, m)
		}
	}
	return out
}

// blockTexts flattens every text of a message's blocks.
func blockTexts(blocksJSON string) string {
	var v any
	_ = json.Unmarshal([]byte(blocksJSON), &v)
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["text"].(string); ok {
				b.WriteString(s + "\n")
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(v)
	return b.String()
}

func TestApplicationPostsOneNotice(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 1)
		app := e.apply("U100", "北見 花子")
		got := e.notices(app.ID)
		if len(got) != 1 {
			t.Fatalf("%d notices, want 1", len(got))
		}
		text := blockTexts(got[0].Blocks)
		for _, want := range []string{app.Ref, app.Name, app.Kana, "北見工業大学", "工学部 地球環境工学科",
			"2027年3月", "hanako@example.jp", "080-1111-2222", "相談したい", "授業で少し", "研修も楽しみです",
			"日本時間", "応募受付", "書類選考中", "面談調整", "内定", "見送り"} {
			if !strings.Contains(text, want) {
				t.Errorf("notice lacks %q:\n%s", want, text)
			}
		}
		// What the candidate typed cannot ping the channel or fake markup.
		if strings.Contains(got[0].Blocks, "<!channel>") || !strings.Contains(text, "&lt;!channel&gt;") || !strings.Contains(text, "&amp;") {
			t.Errorf("motivation not escaped:\n%s", text)
		}
		stored, err := e.store.Application(context.Background(), app.ID)
		if err != nil || stored.SlackChannel != notifyChannel || stored.SlackTS != got[0].TS {
			t.Fatalf("notice not recorded: %+v %v", stored, err)
		}
		// Nothing more goes out when the worker runs again.
		e.settle()
		if n := len(e.slack.CallsTo("chat.postMessage")); n != 1 {
			t.Fatalf("%d posts", n)
		}
	})
}

// TestNoticesSurviveFailures fails half of Slack's answers: 30% with 500,
// 20% with 429 (half with Retry-After, half without), and a fifth of the
// posts that go through still answer 500. Applications keep coming until
// every kind of failure has happened; each is posted exactly once.
func TestNoticesSurviveFailures(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 42)
		e.slack.Failing(0.3, 0.2, 0.2)
		var apps []bot.Application
		var f failures
		for i := 0; i < 30 && !f.all(); i++ {
			apps = append(apps, e.apply(fmt.Sprintf("U2%02d", i), names[i%len(names)]))
			f = e.failures()
		}
		e.settle()
		if !f.all() {
			t.Fatalf("failures not all exercised: %+v", f)
		}
		t.Logf("%d applications; %+v", len(apps), f)
		for _, a := range apps {
			if got := e.notices(a.ID); len(got) != 1 {
				t.Errorf("%s: %d notices, want 1", a.Ref, len(got))
			}
			stored, _ := e.store.Application(context.Background(), a.ID)
			if stored.SlackTS == "" {
				t.Errorf("%s: notice not recorded", a.Ref)
			}
		}
	})
}

// names are valid names for the form.
var names = []string{"北見 一子", "網走 二郎", "紋別 三奈", "留辺蘂 四郎", "置戸 五月", "訓子府 六花", "美幌 七海", "津別 八雲"}

// failures counts what the fake Slack failed.
type failures struct {
	Status500, Status429, Status429After, PostedThen500, History int
}

func (f failures) all() bool {
	return f.Status500 > 0 && f.Status429 > 0 && f.Status429After > 0 && f.PostedThen500 > 0 && f.History > 0
}

// failures counts the failed calls so far; a 500 of chat.postMessage
// followed by a history look-up that found the message counts as posted.
func (e *env) failures() failures {
	var f failures
	for _, c := range e.slack.Calls() {
		switch {
		case c.Status == 500:
			f.Status500++
		case c.Status == 429 && c.RetryAfter:
			f.Status429After++
		case c.Status == 429:
			f.Status429++
		}
		if c.Method == "conversations.history" && c.OK() {
			f.History++
		}
	}
	posted := 0
	for _, m := range e.slack.Messages(notifyChannel) {
		if m.Metadata != nil {
			posted++
		}
	}
	okPosts := 0
	for _, c := range e.slack.CallsTo("chat.postMessage") {
		if c.OK() {
			okPosts++
		}
	}
	f.PostedThen500 = posted - okPosts
	return f
}
