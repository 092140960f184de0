package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// faultApplication is what a student types on LINE for a whole
// application, each line after the bot answered the previous one.
var faultApplication = []string{
	"応募したい", "同意する", "北見 太郎", "ほっかい たろう", "北見工業大学", "工学部 地球環境工学科",
	"２０２７年３月", "taro@example.com", "０９０ー１２３４ー５６７８", "はい", "なし", "北見で働きたいです", "この内容で応募する",
}

// faultQuestions are FAQ questions, each answered with one delivery.
var faultQuestions = []string{"研修は何ヶ月ですか", "初任給はいくらですか", "北見の冬って寒いですか？", "リモートってきつくない？"}

// faultScenario is the users of a fault test and the events they sent;
// it maps what the fake LINE API accepted back to users.
type faultScenario struct {
	name    string // keeps ids unique between the tests
	mu      sync.Mutex
	byToken map[string]string // reply token → user
	sent    map[string]int    // user → events acked
	seq     int
}

func newFaultScenario(name string) *faultScenario {
	return &faultScenario{name: name, byToken: map[string]string{}, sent: map[string]int{}}
}

// user returns the LINE user id of the i-th user of a kind.
func (s *faultScenario) user(kind string, i int) string {
	return fmt.Sprintf("U%s%s%03d", s.name, kind, i)
}

// event makes user's next event, with a fresh id and reply token.
func (s *faultScenario) event(user, text string) faultEvent {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	e := faultEvent{id: fmt.Sprintf("01%s%020d", strings.ToUpper(s.name), s.seq), token: fmt.Sprintf("tok-%s-%d", s.name, s.seq),
		user: user, text: text, at: time.Now()}
	s.byToken[e.token] = user
	return e
}

// acked records that one more event of user was acked.
func (s *faultScenario) acked(user string) {
	s.mu.Lock()
	s.sent[user]++
	s.mu.Unlock()
}

// answers groups the accepted deliveries by user, in order; deliveries
// that belong to no known user are under "".
func (s *faultScenario) answers(ds []faultDelivery) map[string][]faultDelivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]faultDelivery{}
	for _, d := range ds {
		user := d.To
		if !d.Push {
			user = s.byToken[d.ReplyToken]
		}
		out[user] = append(out[user], d)
	}
	return out
}

// converse has user say each text in turn, every one after the bot
// answered the one before (as a person does), through the webhook at
// addr(), redelivering while the server is away. It returns an error
// instead of failing, since it runs in its own goroutine.
func (s *faultScenario) converse(api *faultAPI, user string, texts []string, addr func() string, deadline time.Time) error {
	for k, text := range texts {
		if !s.event(user, text).deliver(addr, deadline) {
			return fmt.Errorf("%s: message %d (%q) was never acked", user, k+1, text)
		}
		s.acked(user)
		for len(s.answers(api.deliveries())[user]) < k+1 {
			if time.Now().After(deadline) {
				return fmt.Errorf("%s: message %d (%q) was never answered", user, k+1, text)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	return nil
}

// checkAnsweredOnce checks that every acked event got exactly one
// accepted delivery, and that no delivery went to anyone else.
func (s *faultScenario) checkAnsweredOnce(t *testing.T, api *faultAPI) {
	t.Helper()
	got := s.answers(api.deliveries())
	s.mu.Lock()
	defer s.mu.Unlock()
	if stray := got[""]; len(stray) > 0 {
		t.Errorf("%d deliveries for no known event: %+v", len(stray), stray)
	}
	total := 0
	for user, n := range s.sent {
		total += n
		if len(got[user]) != n {
			t.Errorf("%s sent %d events and got %d answers:\n%+v", user, n, len(got[user]), got[user])
		}
	}
	for user, ds := range got {
		if user != "" && s.sent[user] == 0 {
			t.Errorf("%d answers to %s, who sent nothing acked", len(ds), user)
		}
	}
	t.Logf("%d events from %d users, each answered once", total, len(s.sent))
}
