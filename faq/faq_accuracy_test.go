package faq

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The accuracy the matcher must keep on the development set: one question
// under the figures of 2026-12-06.
const (
	minOnTopicAccuracy  = 0.995 // on-topic questions Answered with the expected entry
	minOffTopicRejected = 0.98  // off-topic questions not Answered
)

// Where the default FAQ content and the development set live.
var (
	defaultFAQPath      = filepath.Join("..", "faqfile", "default.yaml")
	defaultConceptsPath = filepath.Join("..", "faqfile", "concepts.yaml")
	devSetPath          = filepath.Join("testdata", "faq_dev.tsv")
)

// yamlFAQ is one entry of faqfile/default.yaml, decoded here so that the
// package itself stays free of YAML.
type yamlFAQ struct {
	ID           string   `yaml:"id"`
	Category     string   `yaml:"category"`
	Question     string   `yaml:"question"`
	Alternatives []string `yaml:"alternatives"`
	Keywords     []string `yaml:"keywords"`
	Answer       string   `yaml:"answer"`
	Enabled      *bool    `yaml:"enabled"`
	OfferPerson  bool     `yaml:"offer_person"`
}

// loadDefaultFAQs reads faqfile/default.yaml, skipping the test when it
// does not exist.
func loadDefaultFAQs(tb testing.TB) []FAQ {
	tb.Helper()
	faqs, err := readDefaultFAQs()
	if os.IsNotExist(err) {
		tb.Skipf("%s does not exist", defaultFAQPath)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return faqs
}

// readDefaultFAQs decodes faqfile/default.yaml.
func readDefaultFAQs() ([]FAQ, error) {
	data, err := os.ReadFile(defaultFAQPath)
	if err != nil {
		return nil, err
	}
	var raw []yamlFAQ
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", defaultFAQPath, err)
	}
	faqs := make([]FAQ, 0, len(raw))
	for _, r := range raw {
		faqs = append(faqs, FAQ{
			ID: r.ID, Category: r.Category, Question: r.Question,
			Alternatives: r.Alternatives, Keywords: r.Keywords, Answer: r.Answer,
			Enabled: r.Enabled == nil || *r.Enabled, Version: 1, UpdatedBy: "seed", OfferPerson: r.OfferPerson,
		})
	}
	return faqs, nil
}

// loadDefaultConcepts reads faqfile/concepts.yaml (none when it does not
// exist yet).
func loadDefaultConcepts(tb testing.TB) []Concept {
	tb.Helper()
	data, err := os.ReadFile(defaultConceptsPath)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		tb.Fatal(err)
	}
	var raw []struct {
		Name  string   `yaml:"name"`
		Words []string `yaml:"words"`
	}
	if err := yaml.Unmarshal(data, &raw); err != nil {
		tb.Fatalf("%s: %v", defaultConceptsPath, err)
	}
	out := make([]Concept, 0, len(raw))
	for _, r := range raw {
		out = append(out, Concept{Name: r.Name, Words: r.Words})
	}
	return out
}

// devCase is one line of the development set; Want is "-" for a question
// that must not be answered.
type devCase struct {
	Line     int
	Want     string
	Question string
}

// loadDevSet reads bot/testdata/faq_dev.tsv.
func loadDevSet(tb testing.TB) []devCase {
	tb.Helper()
	return loadCases(tb, devSetPath)
}

// loadCases reads a question set: lines "<expected id>\t<question>".
func loadCases(tb testing.TB, path string) []devCase {
	tb.Helper()
	devSetPath := path
	f, err := os.Open(devSetPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var cases []devCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want, q, ok := strings.Cut(line, "\t")
		if !ok {
			tb.Fatalf("%s:%d: no tab", devSetPath, n)
		}
		cases = append(cases, devCase{Line: n, Want: strings.TrimSpace(want), Question: strings.TrimSpace(q)})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return cases
}

// devResult counts how the matcher did on a question set.
type devResult struct {
	onTopic, answered, ambiguousRight int
	suggestedRight, unanswered        int // of the on-topic questions not answered: the right entry among did-you-mean choices
	offTopic, rejected                int
	failures                          []string
}

// scoreDevSet runs every case through ix. An off-topic question counts as
// rejected when it is not answered, or answered by an entry that states no
// fact (OfferPerson: "the article does not say; ask a person").
func scoreDevSet(ix *Index, cases []devCase) devResult {
	var r devResult
	for _, c := range cases {
		m := ix.Match(c.Question)
		best, _ := m.Best()
		if c.Want == "-" {
			r.offTopic++
			if m.Outcome != Answered || best.FAQ.OfferPerson {
				r.rejected++
				continue
			}
		} else {
			r.onTopic++
			switch {
			case m.Outcome == Answered && best.FAQ.ID == c.Want:
				r.answered++
				continue
			case m.Outcome == Ambiguous && best.FAQ.ID == c.Want:
				r.ambiguousRight++
			}
			if m.Outcome != Answered {
				r.unanswered++
				if (m.Outcome == Suggested || m.Outcome == Ambiguous) && slices.ContainsFunc(m.Candidates, func(s Scored) bool { return s.FAQ.ID == c.Want }) {
					r.suggestedRight++
				}
			}
		}
		r.failures = append(r.failures, describeFailure(c, m))
	}
	return r
}

// describeFailure is one line about a case the matcher got wrong.
func describeFailure(c devCase, m Match) string {
	var got []string
	for _, s := range m.Candidates {
		got = append(got, fmt.Sprintf("%s %.2f", s.FAQ.ID, s.Score))
	}
	return fmt.Sprintf("line %d: %s | want %s | got %v [%s]",
		c.Line, c.Question, c.Want, m.Outcome, strings.Join(got, ", "))
}

func TestFAQAccuracy(t *testing.T) {
	faqs := loadDefaultFAQs(t)
	cases := loadDevSet(t)
	ix := NewIndex(faqs, loadDefaultConcepts(t)...)
	known := make(map[string]bool)
	for _, f := range faqs {
		known[f.ID] = true
	}
	for _, c := range cases {
		if c.Want != "-" && !known[c.Want] {
			t.Errorf("%s:%d: expected id %q is not in %s", devSetPath, c.Line, c.Want, defaultFAQPath)
		}
	}
	r := scoreDevSet(ix, cases)
	acc := ratio(r.answered, r.onTopic)
	rej := ratio(r.rejected, r.offTopic)
	t.Logf("entries %d, threshold %.2f, margin %.2f", ix.Len(), AnswerThreshold, AmbiguityMargin)
	t.Logf("on-topic: %d/%d answered correctly (%.3f); %d more ambiguous with the right one first",
		r.answered, r.onTopic, acc, r.ambiguousRight)
	t.Logf("off-topic: %d/%d rejected (%.3f)", r.rejected, r.offTopic, rej)
	for _, f := range r.failures {
		t.Log("  " + f)
	}
	logThresholds(t, ix, cases)
	if acc < minOnTopicAccuracy {
		t.Errorf("on-topic accuracy %.3f < %.2f", acc, minOnTopicAccuracy)
	}
	if rej < minOffTopicRejected {
		t.Errorf("off-topic rejection %.3f < %.2f", rej, minOffTopicRejected)
	}
}

// ratio is n/d, or 1 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// logThresholds logs how accuracy and rejection trade off around
// AnswerThreshold, to choose it by measurement.
func logThresholds(t *testing.T, ix *Index, cases []devCase) {
	ranked := make([][]Scored, len(cases))
	for i, c := range cases {
		ranked[i], _ = ix.rank(c.Question)
	}
	for th := 0.30; th < 0.605; th += 0.025 {
		var on, right, off, rejected int
		for i, c := range cases {
			out, cands := decideAt(ranked[i], th)
			if c.Want == "-" {
				off++
				if out != Answered {
					rejected++
				}
				continue
			}
			on++
			if out == Answered && cands[0].FAQ.ID == c.Want {
				right++
			}
		}
		t.Logf("threshold %.3f: on-topic %.3f, off-topic rejected %.3f", th, ratio(right, on), ratio(rejected, off))
	}
}
