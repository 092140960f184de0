package faq

import "testing"

// TestAnswersAlike checks which entries of the default file state the
// same facts: a close call between them is answered, not offered.
func TestAnswersAlike(t *testing.T) {
	byID := make(map[string]Scored)
	for _, f := range loadDefaultFAQs(t) {
		byID[f.ID] = Scored{FAQ: f}
	}
	for _, c := range []struct {
		best, other string
		want        bool
	}{
		{"return-to-kitami", "training-period", true}, // both: four months in Tokyo, then Kitami
		{"work-style", "kitami-office", true},
		{"team-members", "meetings", true},
		{"training-period", "return-to-kitami", false}, // says less than the other
		{"company", "city-partnership", false},
		{"salary-benefits", "tokyo-housing", false}, // each names what it cannot state
		{"kitami-life", "tokyo-life", false},
	} {
		if got := answersAlike(byID[c.best], []Scored{byID[c.other]}); got != c.want {
			t.Errorf("answersAlike(%s, %s) = %v, want %v", c.best, c.other, got, c.want)
		}
	}
}

// TestCloseCallBetweenAlikeAnswers: a question between two entries that
// say the same is answered; one between entries that differ is offered.
func TestCloseCallBetweenAlikeAnswers(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	if m := ix.Match("東京行ったら何ヶ月で北見戻ってこれますか"); m.Outcome != Answered || m.Candidates[0].FAQ.ID != "return-to-kitami" {
		t.Errorf("alike: got %v %v, want answered with return-to-kitami", m.Outcome, m.Candidates)
	}
	var company, partnership FAQ
	for _, f := range loadDefaultFAQs(t) {
		switch f.ID {
		case "company":
			company = f
		case "city-partnership":
			partnership = f
		}
	}
	if o, _ := decide([]Scored{{company, 0.9}, {partnership, 0.89}}); o != Ambiguous {
		t.Errorf("not alike: got %v, want ambiguous", o)
	}
}
