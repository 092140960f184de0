package admin

import (
	"context"
	"strings"

	"github.com/sakemodel/sakebot/faq"
)

// tryView is the result of the 「試す」 box: what the bot would do with a
// question, with the same index the bot uses right now. The page says it
// in words (which entry answers, which are offered, or that a person is
// offered); the scores behind it are shown only on request.
type tryView struct {
	Question  string
	Outcome   faq.Outcome
	Best      faq.Scored // the entry that would answer (or the closest one)
	HasBest   bool
	Others    []faq.Scored // the next best entries (offered too, when the bot offers choices)
	Threshold float64      // the score an entry needs to answer
	Focus     string       // the entry being edited, when on its page
}

// Answered reports whether the bot would answer with Best.
func (t *tryView) Answered() bool { return t.Outcome == faq.Answered }

// Ambiguous reports whether the bot would offer the close entries to choose from.
func (t *tryView) Ambiguous() bool { return t.Outcome == faq.Ambiguous }

// Suggested reports whether the bot would say it has no exact answer and
// offer the near entries ("did you mean"), with a person as a choice.
func (t *tryView) Suggested() bool { return t.Outcome == faq.Suggested }

// Missed reports whether the bot would say it cannot answer.
func (t *tryView) Missed() bool { return t.Outcome == faq.Missed }

// Offered is the entries the bot would offer to choose from, best first;
// none unless it offers choices.
func (t *tryView) Offered() []faq.Scored {
	if !t.HasBest || !t.Ambiguous() && !t.Suggested() {
		return nil
	}
	return t.Scores()
}

// Scores is every entry ranked for the question, best first, with its
// score.
func (t *tryView) Scores() []faq.Scored {
	if !t.HasBest {
		return nil
	}
	return append([]faq.Scored{t.Best}, t.Others...)
}

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
