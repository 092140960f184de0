package faq

import "testing"

// TestWonderingAsQuestion: an ending that wonders aloud is read as the
// question it puts, and other endings are left alone.
func TestWonderingAsQuestion(t *testing.T) {
	for in, want := range map[string]string{
		"給料同じなのかなと思って":    "給料同じなのですか",
		"休み取れるのかなと思いまして。": "休み取れるのですか。",
		"休み取れるかなって思って":    "休み取れるのですか",
		"休み取れますか":         "休み取れますか",
		"かなと思って":          "かなと思って",
		"やっていけるかな…":       "やっていけるかな…",
	} {
		if got := wonderingAsQuestion(in); got != want {
			t.Errorf("wonderingAsQuestion(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestQuestionsPutSoftly: questions put by wondering aloud, typed without
// their particles or with the verbs that frame them in hiragana, are
// answered as their plain forms are.
func TestQuestionsPutSoftly(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	for q, want := range map[string]string{
		"北見で働いても東京と給料同じなのかなと思って": "salary-benefits",
		"休み取れる？":          "holidays", // 休み, not the verb 休む
		"休日おしえて":          "holidays", // おしえて frames as 教えて does
		"研修のあと北見帰る時期おしえて": "return-to-kitami",
		"親の介護があるので東京にいる期間がどれくらいか知りたいです": "training-period",
	} {
		m := ix.Match(q)
		if b, ok := m.Best(); m.Outcome != Answered || !ok || b.FAQ.ID != want {
			t.Errorf("Match(%q) = %v %v, want %s answered", q, m.Outcome, m.Candidates, want)
		}
	}
}
