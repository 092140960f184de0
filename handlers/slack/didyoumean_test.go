package slack_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// In a Slack DM, a question near an entry gets "did you mean" buttons (the
// entries and 担当者と話す); clicking an entry answers it and records the
// pick against the question for staff.
func TestSlackDidYouMeanButtons(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 21)
		const user = "USDY1"
		e.dm(user, "北見のおすすめのラーメン屋")
		m := e.lastPost(slacktest.DMChannel(user))
		if _, _, ok := buttonOn(m.Blocks, "担当者と話す"); !ok {
			t.Fatalf("no 担当者と話す button:\n%s", blockTexts(m.Blocks))
		}
		label := buttonWithValue(t, m.Blocks, "f=sightseeing")
		if label == "" {
			t.Fatalf("no button for the sightseeing entry:\n%s", m.Blocks)
		}
		e.dmClick(user, label)
		if got := e.dmLast(user); !strings.Contains(got, "網走") {
			t.Fatalf("the pick was not answered: %s", got)
		}
		misses, err := e.store.ListMisses(context.Background(), 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(misses) != 1 || len(misses[0].Picks) != 1 || misses[0].Picks[0].FAQID != "sightseeing" {
			t.Fatalf("misses %+v, want the question with its pick", misses)
		}
	})
}

// buttonWithValue is the label of the button whose value holds part.
func buttonWithValue(t *testing.T, blocksJSON, part string) string {
	t.Helper()
	var blocks []map[string]any
	if err := json.Unmarshal([]byte(blocksJSON), &blocks); err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		els, _ := b["elements"].([]any)
		for _, el := range els {
			m, _ := el.(map[string]any)
			v, _ := m["value"].(string)
			if txt, _ := m["text"].(map[string]any); m["type"] == "button" && strings.Contains(v, part) {
				s, _ := txt["text"].(string)
				return s
			}
		}
	}
	return ""
}
