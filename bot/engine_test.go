package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faqfile"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// harness is an engine over a real, migrated and seeded store.
type harness struct {
	t     *testing.T
	store *store.Store
	eng   *bot.Engine
	clock *storetest.Clock
	key   bot.UserKey
	last  []bot.Reply
}

func newHarness(t *testing.T, url string) *harness {
	t.Helper()
	ctx := context.Background()
	c := storetest.NewClock(t)
	s, err := store.Open(ctx, url, c.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedFAQs(ctx, faqfile.Default()); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, store: s, clock: c, key: bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0001"}}
	h.eng = bot.NewEngine(bot.Config{Store: s, Now: c.Now, FormExpiry: 14 * 24 * time.Hour})
	return h
}

// firstRef is the reference number of the first application, whose year
// is the year in Japan on the harness's clock.
func (h *harness) firstRef() string {
	return fmt.Sprintf("SK-%d-0001", h.clock.Now().In(time.FixedZone("JST", 9*3600)).Year())
}

// forEngine runs f against SQLite and PostgreSQL.
func forEngine(t *testing.T, f func(t *testing.T, h *harness)) {
	t.Run("sqlite", func(t *testing.T) { f(t, newHarness(t, storetest.SQLiteURL(t))) })
	t.Run("postgres", func(t *testing.T) { f(t, newHarness(t, storetest.PostgresURL(t))) })
}

// send delivers one event and keeps the replies.
func (h *harness) send(in bot.Incoming) []bot.Reply {
	h.t.Helper()
	if in.Key == (bot.UserKey{}) {
		in.Key = h.key
	}
	if in.Kind == "" {
		in.Kind = bot.KindMessage
	}
	r, err := h.eng.Handle(context.Background(), in)
	if err != nil {
		h.t.Fatalf("Handle(%q): %v", in.Text, err)
	}
	h.last = r
	return r
}

// say sends text and checks that the replies contain every want.
func (h *harness) say(text string, want ...string) []bot.Reply {
	h.t.Helper()
	r := h.send(bot.Incoming{Text: text})
	all := repliesText(r)
	for _, w := range want {
		if !strings.Contains(all, w) {
			h.t.Fatalf("after %q: want %q in replies:\n%s", text, w, all)
		}
	}
	return r
}

// tap taps the choice labelled label in the last replies.
func (h *harness) tap(label string, want ...string) []bot.Reply {
	h.t.Helper()
	for _, c := range lastChoices(h.last) {
		if c.Label == label {
			r := h.send(bot.Incoming{Kind: bot.KindPostback, Postback: c.Postback, Text: c.Text})
			all := repliesText(r)
			for _, w := range want {
				if !strings.Contains(all, w) {
					h.t.Fatalf("after tapping %q: want %q in replies:\n%s", label, w, all)
				}
			}
			return r
		}
	}
	h.t.Fatalf("no choice %q in last replies:\n%s", label, repliesText(h.last))
	return nil
}

func lastChoices(rs []bot.Reply) []bot.Choice {
	var out []bot.Choice
	for _, r := range rs {
		out = append(out, r.Choices...)
		if r.Summary != nil {
			out = append(out, r.Summary.Choices...)
		}
	}
	return out
}

// repliesText flattens replies (text, summary, choice labels) for assertions.
func repliesText(rs []bot.Reply) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text + "\n")
		if r.Summary != nil {
			b.WriteString(bot.SummaryText(r.Summary) + "\n")
		}
		for _, c := range append(r.Choices, summaryChoices(r)...) {
			b.WriteString("[" + c.Label + "]")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func summaryChoices(r bot.Reply) []bot.Choice {
	if r.Summary == nil {
		return nil
	}
	return r.Summary.Choices
}

func (h *harness) applications() []bot.Application {
	h.t.Helper()
	apps, err := h.store.ListApplications(context.Background(), bot.ApplicationFilter{})
	if err != nil {
		h.t.Fatal(err)
	}
	return apps
}

// Prompts of the form, as the candidate sees them.
const (
	qName   = "お名前（氏名）"
	qKana   = "フリガナを入力"
	qSchool = "学校名を入力"
	qDept   = "学部・学科を入力"
	qGrad   = "卒業（予定）年月を入力"
	qEmail  = "メールアドレスを入力"
	qPhone  = "電話番号を入力"
	qKitami = "北見での勤務を希望しますか"
	qIT     = "ITの経験"
	qMotive = "志望動機"
	qSum    = "ご入力内容の確認"
)

// fillForm answers every question from the consent to the summary.
func (h *harness) fillForm() {
	h.t.Helper()
	h.say("応募したい", "個人情報の取り扱い", "[同意する]")
	h.tap("同意する", qName)
	h.say("北見　太郎", qKana)
	h.say("ほっかい たろう", qSchool)
	h.tap("北見工業大学", qDept)
	h.say("工学部 地球環境工学科", qGrad)
	h.say("２０２７年３月", qEmail)
	h.say("Taro@Example.COM", qPhone)
	h.say("０９０ー１２３４ー５６７８", qKitami)
	h.tap("はい", qIT)
	h.tap("授業で少し", qMotive)
	h.say("地元の北見で働きたいです。", qSum, "ホッカイ　タロウ", "2027年3月", "090-1234-5678")
}
