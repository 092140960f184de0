package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// askResult is one line of `ask --json`, as DESIGN.md specifies.
type askResult struct {
	Question string  `json:"question"`
	Matched  bool    `json:"matched"`
	FAQID    string  `json:"faq_id"`
	Score    float64 `json:"score"`
	Answer   string  `json:"answer"`
	// Intent is the request the message makes ("apply", "human", …, or
	// "none"), read as the bot reads it outside the form.
	Intent string `json:"intent"`
	// Choices are the entries offered as "did you mean" (or, when two are
	// close, "which one"), best first; absent when the bot answers or
	// has nothing near.
	Choices []string `json:"choices,omitempty"`
}

func runAsk(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "ask", "ask [--json] [QUESTION]\n\nAnswers one question from the FAQ; with no QUESTION, every line of stdin is a question.")
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	answer := func(q string) error {
		m, err := a.engine.Answerer().Ask(ctx, q)
		if err != nil {
			return err
		}
		return printAnswer(e, askResultOf(q, m, bot.IntentName(a.engine.Answerer().Index(), q)), *asJSON)
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		if q := strings.TrimSpace(sc.Text()); q != "" {
			if err := answer(q); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

func askResultOf(q string, m faq.Match, intent string) askResult {
	r := askResult{Question: q, Answer: bot.FallbackText, Intent: intent}
	if m.Outcome == faq.Suggested || m.Outcome == faq.Ambiguous {
		for _, c := range m.Candidates {
			r.Choices = append(r.Choices, c.FAQ.ID)
		}
	}
	best, ok := m.Best()
	if ok {
		r.Score = best.Score
	}
	if ok && m.Outcome == faq.Answered {
		r.Matched, r.FAQID, r.Answer = true, best.FAQ.ID, best.FAQ.Answer
	}
	return r
}

func printAnswer(e *env, r askResult, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	}
	if r.Matched {
		_, err := fmt.Fprintf(e.stdout, "%s\n  (faq %s, score %.2f)\n", r.Answer, r.FAQID, r.Score)
		return err
	}
	if len(r.Choices) > 0 {
		_, err := fmt.Fprintf(e.stdout, "%s\n  (no FAQ entry matched; best score %.2f; did you mean: %s)\n", r.Answer, r.Score, strings.Join(r.Choices, ", "))
		return err
	}
	_, err := fmt.Fprintf(e.stdout, "%s\n  (no FAQ entry matched; best score %.2f)\n", r.Answer, r.Score)
	return err
}
