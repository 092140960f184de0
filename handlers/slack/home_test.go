package slack_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// openHome sends app_home_opened for user and returns the blocks (JSON)
// of the view published for them.
func (e *env) openHome(user string) string {
	e.t.Helper()
	before := len(e.slack.CallsTo("views.publish"))
	ev := map[string]any{"type": "app_home_opened", "user": user, "channel": slacktest.DMChannel(user), "tab": "home",
		"event_ts": e.slackTS()}
	if code := e.event("EvHome"+e.slackTS(), ev, 0); code != 200 {
		e.t.Fatalf("app_home_opened: %d", code)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if calls := e.slack.CallsTo("views.publish"); len(calls) > before {
			c := calls[len(calls)-1]
			if !c.OK() || c.JSON["user_id"] != user {
				e.t.Fatalf("views.publish: %+v", c)
			}
			view, _ := c.JSON["view"].(map[string]any)
			if view["type"] != "home" {
				e.t.Fatalf("view type %v", view["type"])
			}
			b, _ := json.Marshal(view["blocks"])
			return string(b)
		}
		time.Sleep(10 * time.Millisecond)
	}
	e.t.Fatal("App Home not published")
	return ""
}

func TestSlackAppHome(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 23)
		app := e.apply("U700", "北見 花子")
		e.dm("USTU3", "社員旅行はありますか？") // not in the FAQ

		// A candidate: what the bot does, and three buttons.
		home := e.openHome("USTU3")
		text := blockTexts(home)
		if !strings.Contains(text, "応募") || strings.Contains(text, "最新の応募") || strings.Contains(text, app.Ref) {
			t.Fatalf("candidate's home:\n%s", text)
		}
		for _, label := range []string{"よくある質問", "応募する", "応募状況"} {
			if _, _, ok := buttonOn(home, label); !ok {
				t.Errorf("no button %q", label)
			}
		}

		// 応募する in App Home (no channel) continues in the DM.
		id, value, _ := buttonOn(home, "応募する")
		click := e.click("USTU3", id, value, "", "")
		delete(click, "channel")
		click["container"] = map[string]any{"type": "view", "view_id": "VHOME"}
		if code, _ := e.interact(click); code != 200 {
			t.Fatalf("click: %d", code)
		}
		e.settle()
		if _, _, ok := buttonOn(e.lastPost(slacktest.DMChannel("USTU3")).Blocks, "同意する"); !ok {
			t.Fatalf("the DM after 応募する: %s", e.dmLast("USTU3"))
		}

		// Staff: the latest applications and the unanswered questions.
		home = e.openHome(staffUser)
		text = blockTexts(home)
		for _, want := range []string{"最新の応募", app.Ref, "北見", "答えられなかった質問", "社員旅行はありますか"} {
			if !strings.Contains(text, want) {
				t.Errorf("staff home lacks %q:\n%s", want, text)
			}
		}

		// The messages tab opening draws nothing.
		n := len(e.slack.CallsTo("views.publish"))
		e.event("EvHomeMsgs", map[string]any{"type": "app_home_opened", "user": "USTU3", "tab": "messages"}, 0)
		time.Sleep(50 * time.Millisecond)
		if len(e.slack.CallsTo("views.publish")) != n {
			t.Fatal("published on the messages tab")
		}
	})
}
