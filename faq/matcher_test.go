package faq

import (
	"math"
	"strings"
	"sync"
	"testing"
)

// sampleFAQs is a small inline knowledge base for the matcher's unit tests.
func sampleFAQs() []FAQ {
	return []FAQ{
		{ID: "training-period", Question: "研修期間はどのくらいですか？",
			Alternatives: []string{"研修は何ヶ月ありますか", "研修の長さを教えてください"},
			Keywords:     []string{"研修期間"}, Answer: "研修は東京で4ヶ月間です。", Enabled: true},
		{ID: "work-location", Question: "勤務地はどこですか？",
			Alternatives: []string{"どこで働くことになりますか", "北見以外でも働けますか"},
			Keywords:     []string{"勤務地", "配属"}, Enabled: true},
		{ID: "remote-work", Question: "リモートワークはできますか？",
			Alternatives: []string{"在宅勤務は可能ですか", "テレワークできますか"},
			Keywords:     []string{"リモート", "在宅"}, Enabled: true},
		{ID: "how-to-apply", Question: "応募方法を教えてください",
			Alternatives: []string{"どうやって応募すればいいですか", "エントリーの仕方は？"},
			Keywords:     []string{"応募", "エントリー"}, Enabled: true},
		{ID: "interview-online", Question: "面接はオンラインでも受けられますか？",
			Alternatives: []string{"Web面接はありますか", "面接は北見まで行く必要がありますか"},
			Keywords:     []string{"面接", "オンライン"}, Enabled: true},
		{ID: "transport-cost", Question: "面接の交通費は支給されますか？",
			Alternatives: []string{"交通費は出ますか"},
			Keywords:     []string{"交通費"}, Enabled: true},
		{ID: "no-experience", Question: "プログラミング未経験でも応募できますか？",
			Alternatives: []string{"文系でも大丈夫ですか", "ITの経験がなくてもいいですか"},
			Keywords:     []string{"未経験", "文系"}, Enabled: true},
		{ID: "kitami-tech", Question: "北見工業大学の学生はいますか？",
			Alternatives: []string{"北見工大の出身者はいますか"},
			Keywords:     []string{"北見工業大学"}, Enabled: true},
		{ID: "retired", Question: "説明会はありますか？", Enabled: false},
	}
}

func TestIndexLenSkipsDisabled(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	if got, want := ix.Len(), 8; got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
	if NewIndex(nil).Len() != 0 {
		t.Fatal("empty index has entries")
	}
}

func TestMatchOnTopic(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	cases := []struct{ q, want string }{
		{"研修期間は？", "training-period"},
		{"けんしゅうきかんはどのくらい", "training-period"},
		{"研修って何か月くらいあるんですか", "training-period"},
		{"ﾘﾓｰﾄﾜｰｸ可能ですか", "remote-work"},
		{"在宅勤務できる？", "remote-work"},
		{"応募はどうやってするの？", "how-to-apply"},
		{"web面接でもいいですか", "interview-online"},
		{"オンライン面接できますか？", "interview-online"},
		{"交通費でますか", "transport-cost"},
		{"文系ですが大丈夫でしょうか", "no-experience"},
		{"勤務地について教えて", "work-location"},
	}
	for _, c := range cases {
		m := ix.Match(c.q)
		best, ok := m.Best()
		if m.Outcome != Answered || !ok || best.FAQ.ID != c.want {
			t.Errorf("Match(%q) = %v %q %.2f, want answered %q", c.q, m.Outcome, best.FAQ.ID, best.Score, c.want)
		}
	}
}

func TestMatchOffTopic(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	for _, q := range []string{
		"鮭の塩焼きのレシピ", "東京の人口は？", "北見市長は誰？", "今日の天気は",
		"", "？？？", "😀", "ありがとう",
	} {
		m := ix.Match(q)
		if m.Outcome == Answered {
			best, _ := m.Best()
			t.Errorf("Match(%q) answered %q (%.2f), want a fallback", q, best.FAQ.ID, best.Score)
		}
	}
}

func TestMatchShape(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	for _, q := range []string{"研修", "面接", "北見", "応募 面接 研修 交通費", "x"} {
		m := ix.Match(q)
		if m.Question != q || m.Normalized != Normalize(q) {
			t.Errorf("Match(%q) kept %q / %q", q, m.Question, m.Normalized)
		}
		if len(m.Candidates) > MaxCandidates {
			t.Errorf("Match(%q) has %d candidates", q, len(m.Candidates))
		}
		for i, c := range m.Candidates {
			if c.Score < 0 || c.Score > 1 || math.IsNaN(c.Score) {
				t.Errorf("Match(%q) score %v out of [0,1]", q, c.Score)
			}
			if i > 0 && c.Score > m.Candidates[i-1].Score {
				t.Errorf("Match(%q) candidates not best first", q)
			}
		}
		if m.Outcome == Ambiguous && len(m.Candidates) < 2 {
			t.Errorf("Match(%q) ambiguous with %d candidates", q, len(m.Candidates))
		}
	}
}

func TestMatchExactQuestionScoresHigh(t *testing.T) {
	faqs := sampleFAQs()
	ix := NewIndex(faqs)
	for _, f := range faqs {
		if !f.Enabled {
			continue
		}
		best, ok := ix.Match(f.Question).Best()
		if !ok || best.FAQ.ID != f.ID || best.Score < 0.9 {
			t.Errorf("Match(%q) = %q %.2f, want %q ≥ 0.9", f.Question, best.FAQ.ID, best.Score, f.ID)
		}
	}
}

func TestMatchDisabledNeverAnswers(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	for _, c := range ix.Match("説明会はありますか？").Candidates {
		if c.FAQ.ID == "retired" {
			t.Fatal("a disabled entry was ranked")
		}
	}
}

func TestMatchAmbiguous(t *testing.T) {
	ix := NewIndex([]FAQ{
		{ID: "a", Question: "インターンの応募締切はいつですか", Enabled: true},
		{ID: "b", Question: "本選考の応募締切はいつですか", Enabled: true},
	})
	m := ix.Match("応募締切はいつですか")
	if m.Outcome != Ambiguous || len(m.Candidates) != 2 {
		t.Fatalf("Match = %v with %d candidates, want ambiguous with 2", m.Outcome, len(m.Candidates))
	}
	if m.Outcome.String() != "ambiguous" {
		t.Errorf("String() = %q", m.Outcome.String())
	}
}

func TestMatchBestEmpty(t *testing.T) {
	if _, ok := (Match{}).Best(); ok {
		t.Fatal("Best() of an empty match reported a candidate")
	}
	m := NewIndex(nil).Match("研修期間")
	if m.Outcome != Missed || len(m.Candidates) != 0 {
		t.Fatalf("empty index: %v %v", m.Outcome, m.Candidates)
	}
}

func TestMatchConcurrent(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	want := ix.Match("研修期間は？")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				got := ix.Match("研修期間は？")
				if got.Outcome != want.Outcome || got.Candidates[0].Score != want.Candidates[0].Score {
					t.Error("concurrent Match differs")
					return
				}
				ix.Match("リモートワークはできますか")
			}
		})
	}
	wg.Wait()
}

func FuzzMatch(f *testing.F) {
	ix := NewIndex(sampleFAQs())
	for _, s := range []string{"研修期間は？", "けんしゅう", "ﾘﾓｰﾄ", "", "😀", "a b c", "研修" + string(make([]byte, 2000)),
		"I'd like to talk to someone from HR, can't I?", "is it -20 w/o snow", "remote workってOK?", "デッドラインは？"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		m := ix.Match(q)
		if len(m.Candidates) > MaxCandidates || m.Outcome != Missed && len(m.Candidates) == 0 {
			t.Fatalf("Match(%q) = %v with %d candidates", q, m.Outcome, len(m.Candidates))
		}
		for _, c := range m.Candidates {
			if !(c.Score >= CandidateFloor && c.Score <= 1) {
				t.Fatalf("Match(%q) scored %v", q, c.Score)
			}
		}
	})
}

func TestMatchLongQuestions(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	cases := []struct{ q, want string }{
		// a preamble that does not ask, then the question
		{"北見工大の3年です。友達から聞いたんですけど、研修期間はどのくらいですか？", "training-period"},
		// a reason in a clause before the question
		{"地元を離れたくないので、在宅勤務は可能ですか", "remote-work"},
		// keigo around the question
		{"応募方法を教えていただけますでしょうか", "how-to-apply"},
		// a misspelt loanword
		{"リモーワークってできる？", "remote-work"},
		{"ｴﾝﾄﾘｰの仕方を知りたいです😊", "how-to-apply"},
	}
	for _, c := range cases {
		m := ix.Match(c.q)
		best, ok := m.Best()
		if m.Outcome != Answered || !ok || best.FAQ.ID != c.want {
			t.Errorf("Match(%q) = %v %q %.2f, want answered %q", c.q, m.Outcome, best.FAQ.ID, best.Score, c.want)
		}
	}
}

func TestMatchUnknownTopicMisses(t *testing.T) {
	ix := NewIndex(sampleFAQs())
	// each shares a word with an entry but asks about something else
	for _, q := range []string{"研修中の寮はありますか", "面接の服装は自由ですか", "面接で聞かれることは何ですか"} {
		if m := ix.Match(q); m.Outcome == Answered {
			best, _ := m.Best()
			t.Errorf("Match(%q) answered %q (%.2f), want a fallback", q, best.FAQ.ID, best.Score)
		}
	}
}

// 確認 frames a question (確認させてください) as 教えて does: a message that
// only asks for a check names no topic, though an entry's phrasing says it.
func TestMatchCheckingNamesNoTopic(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	if m := ix.Match("確認してもらえます？"); m.Outcome == Answered {
		t.Errorf("Match answered %v, want no answer", m.Candidates)
	}
	if m := ix.Match("地元に戻ってからの働き方を確認したいです"); !answeredWith(m, "work-style") {
		t.Errorf("Match = %v %v, want work-style answered", m.Outcome, m.Candidates)
	}
}

func TestAnalyzeWeighsTheAskingClause(t *testing.T) {
	a := analyzeText("北見工大の3年です。寮はありますか", nil, nil)
	words := a.spaces[wordSpace]
	got := map[string]float32{}
	for i, w := range strings.Fields(words.s) {
		got[w] = words.d[i]
	}
	if got["寮"] != 1 || got["工大"] != statementWeight {
		t.Errorf("words %q weigh %v, want 寮 1 and 工大 %v", words.s, words.d, statementWeight)
	}
	a = analyzeText("東京は遠いんですけど、寮はありますか", nil, nil)
	got = map[string]float32{}
	for i, w := range strings.Fields(a.spaces[wordSpace].s) {
		got[w] = a.spaces[wordSpace].d[i]
	}
	if got["寮"] != 1 || got["東京"] != subClauseWeight {
		t.Errorf("words %q weigh %v, want 寮 1 and 東京 %v", a.spaces[wordSpace].s, a.spaces[wordSpace].d, subClauseWeight)
	}
	// a comma ends a clause too: 不安で、 leads up to the question
	a = analyzeText("東京に行くのが不安で、寮はありますか", nil, nil)
	got = map[string]float32{}
	for i, w := range strings.Fields(a.spaces[wordSpace].s) {
		got[w] = a.spaces[wordSpace].d[i]
	}
	if got["寮"] != 1 || got["不安"] != subClauseWeight {
		t.Errorf("words %q weigh %v, want 寮 1 and 不安 %v", a.spaces[wordSpace].s, a.spaces[wordSpace].d, subClauseWeight)
	}
	for _, q := range []string{"教えてください", "ありがとうございます", "ですか？", "ｗｗｗ", "教えてもらえると助かります"} {
		if s := analyzeText(q, nil, nil).spaces[wordSpace].s; s != "" {
			t.Errorf("analyzeText(%q) has content words %q", q, s)
		}
	}
}

func TestSpellingCorrection(t *testing.T) {
	ix := NewIndex([]FAQ{{ID: "a", Question: "リモートワークやサテライトオフィスはありますか", Answer: "Zooops Japanのオンライン会議で。", Enabled: true}})
	cases := map[string]string{
		"リモーワーク":     "リモートワーク", // a letter left out
		"リモートワクー":    "リモートワーク", // two swapped
		"サテライトオフイス":  "サテライトオフィス",
		"zoops":      "zooops",
		"オフライン":      "オフライン", // a word of its own
		"リモートワーク":    "リモートワーク",
		"テレワーク":      "テレワーク", // two edits away
		"ワーク":        "ワーク",   // too short to guess
		"北見でリモーワーク？": "北見でリモートワーク？",
	}
	for in, want := range cases {
		if got := ix.spelling.correct(in); got != want {
			t.Errorf("correct(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "ab", 1}, {"abc", "acb", 1},
		{"abc", "xyz", 3}, {"リモート", "リモト", 1}, {"kitten", "sitting", 3},
	}
	for _, c := range cases {
		if got := editDistance([]rune(c.a), []rune(c.b), 10); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if got := editDistance([]rune("abcdef"), []rune("uvwxyz"), 2); got < 2 {
		t.Errorf("editDistance with limit 2 = %d, want ≥ 2", got)
	}
}

// An opening that only tells where the student stands (〜なんですが、), or
// sentences around the one that asks, do not keep the question from its
// answer; an opening with nothing after it that names a topic is read
// whole.
func TestMatchRereadsThePartThatAsks(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	for q, want := range map[string]string{
		"今バイトの休憩中なんですが、研修期間ってどのくらいですか":  "training-period",
		"文系の院生ですけど、北見の冬ってどのくらい寒いですか":    "kitami-winter",
		"いまバイトの休憩中なんですけど研修期間ってどのくらいですか": "training-period", // no comma
		// a sentence of its own asks, among others that tell who asks
		"北見工大の院生の母でございます。息子がこの取り組みに興味を持っております。研修はどのくらいの期間なのでしょうか。よろしくお願いいたします。": "training-period",
		// the first sentence that asks is the question; what follows adds to it
		"東京での修行ってどんなことするの？座学？": "training-content",
	} {
		if m := ix.Match(q); !answeredWith(m, want) {
			t.Errorf("Match(%q) = %v %v, want %s answered", q, m.Outcome, m.Candidates, want)
		}
	}
	for _, q := range []string{"最近忙しいんですが、どうすればいいですか", "バイトが忙しいんだけど何したらいいかな"} {
		if m := ix.Match(q); m.Outcome == Answered {
			t.Errorf("Match(%s) answered %v, want no answer", q, m.Candidates)
		}
	}
}
