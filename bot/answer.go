package bot

import (
	"strings"

	"github.com/sakemodel/sakebot/faq"
)

// faq answers a question from the FAQ, offers choices when unsure ("did
// you mean"), or falls back to a person.
func (t *turn) faq(text string) {
	t.remember(text)
	m := t.matchCounted(text)
	switch m.Outcome {
	case faq.Answered:
		t.conv.Misses = 0
		t.answerEntry(m.Candidates[0].FAQ)
	case faq.Ambiguous:
		t.conv.Misses = 0
		t.offer(m, 0)
	case faq.Suggested:
		t.conv.Misses = 0
		t.offer(m, t.recordMiss(text, m.Normalized))
	default:
		t.miss(text, m.Normalized)
	}
}

// answerEntry says an entry's answer, with a 担当者と話す button when the
// entry asks for one (the article does not settle its question).
func (t *turn) answerEntry(f faq.FAQ) {
	if f.OfferPerson {
		t.say(f.Answer, menu("担当者と話す"))
		return
	}
	t.say(f.Answer)
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
	case m.Outcome == faq.Ambiguous || m.Outcome == faq.Suggested:
		outcome = faq.Ambiguous.String() // choices offered
	}
	t.fail(t.tx.RecordQuestion(t.ctx, t.in.Key.Channel, outcome, id))
	return m
}

// offer asks which of the candidates was meant: the close ones of an
// ambiguous match, or the near ones of a question the bot could not
// answer (missID, recorded so that staff learn what was picked), with a
// person as the last choice then.
func (t *turn) offer(m faq.Match, missID int64) {
	choices := make([]Choice, 0, len(m.Candidates)+1)
	for _, c := range m.Candidates {
		choices = append(choices, faqChoice(c.FAQ, missID))
	}
	if m.Outcome == faq.Suggested {
		t.say(msgSuggest, append(choices, menu("担当者と話す"))...)
		return
	}
	t.say(msgDidYouMean, choices...)
}

// recordMiss records a question the bot could not answer and returns its id.
func (t *turn) recordMiss(text, normalized string) int64 {
	if strings.TrimSpace(normalized) == "" {
		return 0
	}
	id, err := t.tx.RecordMiss(t.ctx, text, normalized)
	t.fail(err)
	return id
}

// miss records an unanswered question and offers a person.
func (t *turn) miss(text, normalized string) {
	t.recordMiss(text, normalized)
	t.conv.Misses++
	if t.conv.Misses >= 2 {
		t.say(msgFallbackTwice, Choice{Label: "はい", Text: "はい"}, Choice{Label: "いいえ", Text: "いいえ"})
		return
	}
	t.say(msgFallback, menu("担当者と話す"), menu("よくある質問"), menu("メニュー"))
}

// faqChoice offers an FAQ entry as a choice that answers it directly,
// carrying the miss it was suggested for (0 for none).
func faqChoice(f faq.FAQ, missID int64) Choice {
	return Choice{Label: truncate(f.Question, 20), Text: f.Question, Postback: postback{FAQID: f.ID, MissID: missID}.encode()}
}

// answerFAQByID answers the entry a choice named; a pick from the choices
// offered for a miss is recorded against it.
func (t *turn) answerFAQByID(id string, missID int64) {
	for _, f := range t.e.answerer.FAQs() {
		if f.ID == id {
			t.fail(t.tx.RecordQuestion(t.ctx, t.in.Key.Channel, OutcomeChosen, f.ID))
			if missID > 0 {
				t.fail(t.tx.RecordMissPick(t.ctx, missID, f.ID))
			}
			t.conv.Misses = 0
			t.answerEntry(f)
			t.reask()
			return
		}
	}
	t.say(msgFAQGone)
	t.reask()
}
