package worker_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/worker"
)

// rateLimited is a phrase of the note for a user over the rate limit.
const rateLimited = "1分ほどしてからもう一度お送りください"

func TestUserOverTheRateLimitGetsOneNote(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *harness) {
		w := h.newWorker(worker.Config{RateLimit: 2, RateCounter: h.store})
		for _, ev := range []worker.Event{ // one webhook request each
			h.message("U1", "研修は何ヶ月ですか", "t1"),
			h.message("U1", "給料はいくらですか", "t2"),
			h.message("U2", "研修は何ヶ月ですか", "other"), // another user is not limited
			h.message("U1", "勤務地はどこですか", "t3"),    // over the limit: the note
			h.message("U1", "寮はありますか", "t4"),      // further over: nothing
		} {
			h.accept(w, ev)
		}
		h.process(w)
		h.deliver(w)
		got := map[string]string{}
		for _, d := range h.line.delivered() {
			got[d.ReplyToken] = text(d)
		}
		for _, tok := range []string{"t1", "t2", "other"} {
			if got[tok] == "" || strings.Contains(got[tok], rateLimited) {
				t.Errorf("reply for %s = %q, want an answer", tok, got[tok])
			}
		}
		if !strings.Contains(got["t3"], rateLimited) {
			t.Errorf("reply for t3 = %q, want the rate limit note", got["t3"])
		}
		if _, ok := got["t4"]; ok || len(got) != 4 {
			t.Errorf("replies sent for %v, want none for t4", slices.Sorted(maps.Keys(got)))
		}

		// A minute later the user is answered again.
		h.clock.Advance(time.Minute)
		h.accept(w, h.message("U1", "研修は何ヶ月ですか", "t5"))
		h.process(w)
		h.deliver(w)
		if d := h.line.delivered(); d[len(d)-1].ReplyToken != "t5" || strings.Contains(text(d[len(d)-1]), rateLimited) {
			t.Errorf("last reply %q for %s, want an answer for t5", text(d[len(d)-1]), d[len(d)-1].ReplyToken)
		}
	})
}
