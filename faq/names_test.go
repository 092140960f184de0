package faq

import "testing"

// TestQuestionsAboutAnotherPlace: a question that asks about a place or an
// organisation its best entry never mentions is offered as a choice, not
// answered; a place the student only comes from (札幌出身, 沖縄から行ったら),
// compares with (札幌より) or gives as one example among others (東京とか
// 福島とか) does not count, and the entry
// that names the place still answers.
func TestQuestionsAboutAnotherPlace(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	expectNotAnswered(t, ix, "it asks about a place or company the entry never names",
		"東京でおすすめの観光地は？",
		"東京でおすすめの観光地", // keywords, no question mark: the one sentence is the question
		"福島の観光地どこがいい？",
		"富士通ってリモートワークできる？",
	)
	expectAnswered(t, ix, map[string]string{
		"北見でおすすめの観光地は？":     "sightseeing",
		"札幌出身なんですが応募できますか？": "who-can-apply",
		"メンバーが東京とか福島とかバラバラなのって、仕事しててやりにくさとかないんですか？": "remote-difficulty",
		"札幌の大学に通ってる北見出身者でも受けられる？":                   "who-can-apply",
		"沖縄から行ったら北見の暮らしってどうなん?お店とかちゃんとある?":          "kitami-life",       // where the student comes from
		"北見の冬って札幌より寒い?":                             "kitami-winter",     // a place compared with
		"サケって日本酒のほうじゃなくて魚の鮭？名前の由来知りたい":              "why-called-sake",   // 日本酒 is a drink
		"東京のチームと離れて働くの不便じゃないっすか":                    "remote-difficulty", // the team, not the place
		"先輩が東京にいると質問しづらくないですか":                      "remote-difficulty", // where someone is
	})
}

// expectNotAnswered fails t for each of questions ix answers, saying why it
// should not.
func expectNotAnswered(t *testing.T, ix *Index, why string, questions ...string) {
	t.Helper()
	for _, q := range questions {
		if m := ix.Match(q); m.Outcome == Answered {
			t.Errorf("%q answered with %s; %s", q, m.Candidates[0].FAQ.ID, why)
		}
	}
}

// expectAnswered fails t for each question ix does not answer with the
// entry it maps to.
func expectAnswered(t *testing.T, ix *Index, want map[string]string) {
	t.Helper()
	for q, id := range want {
		m := ix.Match(q)
		if best, ok := m.Best(); m.Outcome != Answered || !ok || best.FAQ.ID != id {
			t.Errorf("%q: %v %s; want answered with %s", q, m.Outcome, best.FAQ.ID, id)
		}
	}
}

// TestFramingClause: a clause before the question that only tells of
// asking or of being told (先輩に聞いたんですけど, 個人的な質問なんですが)
// does not pull the question toward the entries that name its words
// (先輩 → the team members), while what was heard (〜って聞いたんですけど)
// stays the question.
func TestFramingClause(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	expectAnswered(t, ix, map[string]string{
		"先輩に聞いたんですけど在宅勤務できる？":       "work-style",
		"先輩に聞いたんですけど、本社どこ？":         "company",
		"個人的な質問なんですけど北見ではどこで働くの？":   "kitami-office",
		"個人的な質問なんですが、どんな仕事をするんですか？": "job-content",
		"研修は4ヶ月って聞いたんですけど本当ですか":     "training-period",
	})
}

// An opening that names the topic (〜について) sets no scene, and what
// follows a scene is not read alone when it only judges (大丈夫かな).
func TestSceneThatNamesTheTopic(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	expectNotAnswered(t, ix, "the part read alone names nothing the question is about",
		"寮の契約更新について大学に問い合わせたいのですが、窓口はどちらでしょうか",
		"バイト先の店長がめっちゃ厳しいんだけど大丈夫かな")
	expectAnswered(t, ix, map[string]string{
		"今就活中なんですけど研修って何ヶ月？":    "training-period",
		"寒がりなんですけど、北見の冬って大丈夫かな": "kitami-winter",
	})
}
