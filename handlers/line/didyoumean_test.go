package line_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
)

// A question near an entry but below the answer threshold gets "did you
// mean" quick replies (the entries and 担当者と話す) on LINE; tapping one
// answers it and records the pick against the question for staff.
func TestDidYouMeanQuickReplies(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.send(e.text("UD1", "北見のおすすめのラーメン屋"))
		d := e.api.Delivered()
		if len(d) == 0 {
			t.Fatal("no reply")
		}
		var data string
		var labels []string
		for _, m := range d[len(d)-1].Messages() {
			qr, _ := m["quickReply"].(map[string]any)
			items, _ := qr["items"].([]any)
			for _, it := range items {
				action := it.(map[string]any)["action"].(map[string]any)
				labels = append(labels, action["label"].(string))
				if s, _ := action["data"].(string); strings.Contains(s, "f=sightseeing") {
					data = s
				}
			}
		}
		if data == "" || !strings.Contains(strings.Join(labels, "|"), "担当者と話す") {
			t.Fatalf("want the sightseeing entry and 担当者と話す as quick replies, got %v", labels)
		}
		checkLimits(t, d)
		e.send(e.postback("UD1", data))
		if got := messagesText(e.api.Delivered()[len(e.api.Delivered())-1]); !strings.Contains(got, "網走") {
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
