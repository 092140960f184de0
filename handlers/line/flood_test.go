package line_test

import (
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestOneStudentFloodingIsCheap: one signed body of 3,000 follow events
// from one user (as many as fit in the 1 MiB body) and another of 200
// messages cost one profile look-up and one greeting, and the rate limit's
// 20 answers and one note; another student in the same body is answered.
func TestOneStudentFloodingIsCheap(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		owner := map[string]string{} // reply token → user
		add := func(events []map[string]any, ev map[string]any, user string) []map[string]any {
			owner[ev["replyToken"].(string)] = user
			return append(events, ev)
		}
		var follows []map[string]any
		for range 3000 {
			follows = add(follows, e.event("follow", "Uflood", nil), "Uflood")
		}
		follows = add(follows, e.text("Ucalm", "研修は何ヶ月ですか"), "Ucalm")
		if code := e.post(callback(follows...)); code != 200 {
			t.Fatalf("follows: %d", code)
		}
		e.run()
		var texts []map[string]any
		for range 200 {
			texts = add(texts, e.text("Uflood", "研修は何ヶ月ですか"), "Uflood")
		}
		if code := e.post(callback(texts...)); code != 200 {
			t.Fatalf("messages: %d", code)
		}
		e.run()

		lookups, got := 0, map[string][]linetest.Call{}
		for _, c := range e.api.Calls() {
			if strings.HasPrefix(c.Path, "/v2/bot/profile/Uflood") {
				lookups++
			}
		}
		for _, c := range e.api.Delivered() {
			user, _ := c.Body["to"].(string)
			if tok, ok := c.Body["replyToken"].(string); ok {
				user = owner[tok]
			}
			got[user] = append(got[user], c)
		}
		if lookups != 1 {
			t.Errorf("%d profile look-ups for one student, want 1", lookups)
		}
		// One greeting, 19 answers (the follow counts towards the limit of
		// 20 a minute) and one polite note.
		if n := len(got["Uflood"]); n != 21 {
			t.Errorf("%d deliveries to the flooding student, want 21", n)
		}
		if last := got["Uflood"]; len(last) == 0 || !strings.Contains(messagesText(last[len(last)-1]), "1分ほどしてから") {
			t.Errorf("the last delivery to the flooding student is not the rate-limit note")
		}
		if len(got["Ucalm"]) != 1 || !strings.Contains(messagesText(got["Ucalm"][0]), "4ヶ月") {
			t.Errorf("the other student got %d answers", len(got["Ucalm"]))
		}
	})
}
