package bot

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/faq"
)

// idle handles a message outside the form: commands, small talk, FAQ.
func (t *turn) idle(text string) {
	switch detectIntent(text) {
	case intentApply:
		t.startApplication()
	case intentStatus:
		t.status()
	case intentHuman:
		t.handoff(HandoffAsked, "")
	case intentMenu, intentHelp:
		t.greet()
	case intentFAQMenu:
		t.faqMenu()
	case intentForget:
		t.askForget()
	case intentGreeting:
		t.greet()
	case intentThanks:
		t.say(msgThanks)
	case intentAck:
		t.say(msgAck)
	case intentYes:
		if t.conv.Misses >= 2 {
			t.handoff(HandoffUnanswered, "")
			return
		}
		t.say(msgAck)
	case intentNo:
		t.conv.Misses = 0
		t.say(msgAck)
	default:
		t.faq(text)
	}
}

// greet says what the bot can do.
func (t *turn) greet() {
	t.say(msgGreeting, menuChoices()...)
}

func menuChoices() []Choice {
	return []Choice{menu("よくある質問"), menu("応募する"), menu("応募状況"), menu("担当者と話す")}
}

// menu is a choice that is valid at any time.
func menu(text string) Choice {
	return Choice{Label: text, Text: text, Postback: MenuPostback(text)}
}

// faq answers a question from the FAQ, offers choices when unsure, or
// falls back to a person.
func (t *turn) faq(text string) {
	t.remember(text)
	m := t.matchCounted(text)
	switch m.Outcome {
	case faq.Answered:
		t.conv.Misses = 0
		t.say(m.Candidates[0].FAQ.Answer)
	case faq.Ambiguous:
		t.conv.Misses = 0
		t.offer(m)
	default:
		t.miss(text, m.Normalized)
	}
}

// matchCounted ranks the FAQ for text and counts the question for the dashboard.
func (t *turn) matchCounted(text string) faq.Match {
	index := t.e.answerer.Index()
	m, ok := t.pre.matchFor(index, text)
	if !ok {
		m = index.Match(text)
	}
	outcome, id := "missed", ""
	switch best, ok := m.Best(); {
	case m.Outcome == faq.Answered && ok:
		outcome, id = "answered", best.FAQ.ID
	case m.Outcome == faq.Ambiguous:
		outcome = "ambiguous"
	}
	t.fail(t.tx.RecordQuestion(t.ctx, t.in.Key.Channel, outcome, id))
	return m
}

// offer asks which of the close candidates was meant.
func (t *turn) offer(m faq.Match) {
	choices := make([]Choice, 0, len(m.Candidates))
	for _, c := range m.Candidates {
		choices = append(choices, faqChoice(c.FAQ))
	}
	t.say(msgDidYouMean, choices...)
}

// miss records an unanswered question and offers a person.
func (t *turn) miss(text, normalized string) {
	if strings.TrimSpace(normalized) != "" {
		t.fail(t.tx.RecordMiss(t.ctx, text, normalized))
	}
	t.conv.Misses++
	if t.conv.Misses >= 2 {
		t.say(msgFallbackTwice, Choice{Label: "はい", Text: "はい"}, Choice{Label: "いいえ", Text: "いいえ"})
		return
	}
	t.say(msgFallback, menu("担当者と話す"), menu("よくある質問"), menu("メニュー"))
}

// faqChoice offers an FAQ entry as a choice that answers it directly.
func faqChoice(f faq.FAQ) Choice {
	return Choice{Label: truncate(f.Question, 20), Text: f.Question, Postback: postback{FAQID: f.ID}.encode()}
}

// answerFAQByID answers the entry a choice named.
func (t *turn) answerFAQByID(id string) {
	for _, f := range t.e.answerer.FAQs() {
		if f.ID == id {
			t.fail(t.tx.RecordQuestion(t.ctx, t.in.Key.Channel, OutcomeChosen, f.ID))
			t.conv.Misses = 0
			t.say(f.Answer)
			t.reask()
			return
		}
	}
	t.say(msgFAQGone)
	t.reask()
}

// faqMenu lists one question of each category as choices.
func (t *turn) faqMenu() {
	seen := map[string]bool{}
	var choices []Choice
	for _, f := range t.e.answerer.FAQs() {
		if seen[f.Category] || len(choices) == 12 {
			continue
		}
		seen[f.Category] = true
		choices = append(choices, faqChoice(f))
	}
	t.say(msgFAQMenu, choices...)
}

// status tells the candidate where their application stands.
func (t *turn) status() {
	if t.conv.InForm() {
		t.say(msgStatusInForm)
		t.reask()
		return
	}
	a, ok := t.latestApplication()
	if !ok {
		if t.err == nil {
			t.say(msgNoApplication, menu("応募する"))
		}
		return
	}
	t.say(statusText(a))
}

func (t *turn) latestApplication() (Application, bool) {
	c, err := t.tx.Candidate(t.ctx, t.in.Key)
	if errors.Is(err, ErrNotFound) {
		return Application{}, false
	}
	if err != nil {
		t.fail(err)
		return Application{}, false
	}
	a, err := t.tx.LatestApplication(t.ctx, c.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		t.fail(err)
	}
	return a, err == nil
}

// handoff connects the user to a person when recruiters are notified
// (see openHandoff); otherwise it records the request and tells the user.
func (t *turn) handoff(reason HandoffReason, question string) {
	t.conv.Misses = 0
	if t.e.notify.On() {
		t.openHandoff(reason, question)
		return
	}
	h := &Handoff{Key: t.in.Key, Reason: reason, Question: question, Status: HandoffRequested, CreatedAt: t.now}
	t.fail(t.tx.RecordHandoff(t.ctx, h))
	t.say(msgHandoff)
}

// truncate shortens s to at most n characters, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
