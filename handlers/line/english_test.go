package line_test

import (
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
)

// A student who writes in English on LINE is answered from the FAQ, and
// one who asks for a person in English is handed to a recruiter, as in
// Japanese: the webhook, signed as LINE signs it, through the worker.
func TestEnglishOverLINE(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		for _, c := range []struct{ text, want string }{
			{"what do new hires learn in the training?", "全員が同じ研修を受けた"},
			{"where will I live during the four months in tokyo?", "研修中の住まい"},
			{"could someone from your recruiting team contact me?", "採用担当者におつなぎします"},
		} {
			e.send(e.text("UEN1", c.text))
			d := e.api.Delivered()
			if len(d) == 0 || !strings.Contains(messagesText(d[len(d)-1]), c.want) {
				t.Fatalf("%q: want a reply with %q, got %v", c.text, c.want, d)
			}
		}
	})
}
