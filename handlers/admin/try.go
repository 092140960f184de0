package admin

import (
	"context"
	"strings"

	"github.com/sakemodel/sakebot/faq"
)

// tryView is the result of the 「試す」 box: what the bot would do with a
// question, with the same index the bot uses right now.
type tryView struct {
	Question  string
	Outcome   faq.Outcome
	Best      faq.Scored // the entry that would answer (or the closest one)
	HasBest   bool
	Others    []faq.Scored // the next best entries
	Threshold float64      // the score an entry needs to answer
	Focus     string       // the entry being edited, when on its page
}

// Answered reports whether the bot would answer with Best.
func (t *tryView) Answered() bool { return t.Outcome == faq.Answered }

// Ambiguous reports whether the bot would offer the close entries to choose from.
func (t *tryView) Ambiguous() bool { return t.Outcome == faq.Ambiguous }

// Missed reports whether the bot would say it cannot answer.
func (t *tryView) Missed() bool { return t.Outcome == faq.Missed }

// try asks the answerer about question; nil when question is blank.
func (s *server) try(ctx context.Context, question, focus string) (*tryView, error) {
	question = strings.TrimSpace(question)
	if question == "" {
		return nil, nil
	}
	m, err := s.answerer.Ask(ctx, question)
	if err != nil {
		return nil, err
	}
	t := &tryView{Question: question, Outcome: m.Outcome, Threshold: faq.AnswerThreshold, Focus: focus}
	if best, ok := m.Best(); ok {
		t.Best, t.HasBest, t.Others = best, true, m.Candidates[1:]
	}
	return t, nil
}
