package faq

import "testing"

// TestQuestionsAboutAnotherPlace: a question that asks about a place or an
// organisation its best entry never mentions is offered as a choice, not
// answered; a place the student only comes from (札幌出身) or gives as one
// example among others (東京とか福島とか) does not count, and the entry
// that names the place still answers.
func TestQuestionsAboutAnotherPlace(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	for _, q := range []string{
		"東京でおすすめの観光地は？",
		"福島の観光地どこがいい？",
		"富士通ってリモートワークできる？",
	} {
		if m := ix.Match(q); m.Outcome == Answered {
			t.Errorf("%q answered with %s; it asks about a place or company the entry never names", q, m.Candidates[0].FAQ.ID)
		}
	}
	for q, want := range map[string]string{
		"北見でおすすめの観光地は？":     "sightseeing",
		"札幌出身なんですが応募できますか？": "who-can-apply",
		"メンバーが東京とか福島とかバラバラなのって、仕事しててやりにくさとかないんですか？": "remote-difficulty",
		"札幌の大学に通ってる北見出身者でも受けられる？":                   "who-can-apply",
	} {
		m := ix.Match(q)
		if best, ok := m.Best(); m.Outcome != Answered || !ok || best.FAQ.ID != want {
			t.Errorf("%q: %v %s; want answered with %s", q, m.Outcome, best.FAQ.ID, want)
		}
	}
}
