package faq

import (
	"strings"
	"testing"
)

// homophoneFAQs write the words a student's IME may write otherwise.
func homophoneFAQs() []FAQ {
	return []FAQ{
		{ID: "eligibility", Question: "応募資格はありますか？", Alternatives: []string{"誰が応募できますか"}, Enabled: true},
		{ID: "salary", Question: "給料はいくらですか？", Alternatives: []string{"初任給を教えて"}, Enabled: true},
		{ID: "interview", Question: "面接はオンラインですか？", Alternatives: []string{"面接は北見でやりますか"}, Enabled: true},
		{ID: "training", Question: "研修期間はどのくらいですか？", Alternatives: []string{"研修は東京でやりますか"}, Enabled: true},
		{ID: "commute", Question: "公共交通機関で通えますか？", Alternatives: []string{"通勤はバスですか"}, Enabled: true},
		{ID: "hours", Question: "勤務時間を教えてください", Enabled: true},
		{ID: "remote", Question: "リモートワークはできますか？", Enabled: true},
	}
}

func TestHomophonesRepairedToTheEntriesWords(t *testing.T) {
	ix := NewIndex(homophoneFAQs())
	cases := []struct{ q, word, want string }{
		{"応募死角ってありますか", "資格", "eligibility"}, // a compound the IME chose wrongly
		{"級料っていくら？", "給料", "salary"},         // two kanji the dictionary takes one by one
		{"面説ってオンラインですか", "面接", "interview"},
		{"県修期間はどのくらい？", "研修", "training"}, // 修 read シュウ, not the name オサム the dictionary prefers
		// one kanji right, the other read as the rest of the word, though
		// the dictionary reads 務 and 勤 only as the name ツトム
		{"金務時間を教えて", "勤務", "hours"},
		{"痛勤ってバスですか", "通勤", "commute"},
		{"ツウキンってバスですか", "通勤", "commute"}, // a kanji word typed in katakana
		{"ケンシュウ期間はどのくらい？", "研修", "training"},
	}
	for _, c := range cases {
		an := analyzer{concepts: ix.concepts, vocab: &ix.homophones}
		words := an.analyze(c.q, ix.spelling.correct).spaces[wordSpace].s
		if !strings.Contains(words, c.word) {
			t.Errorf("%q: words %q, want %q among them", c.q, words, c.word)
		}
		if m := ix.Match(c.q); m.Outcome != Answered || m.Candidates[0].FAQ.ID != c.want {
			t.Errorf("Match(%q) = %v %v, want %s answered", c.q, m.Outcome, m.Candidates, c.want)
		}
	}
}

func TestHomophonesLeaveKnownWordsAlone(t *testing.T) {
	ix := NewIndex(homophoneFAQs())
	an := analyzer{concepts: ix.concepts, vocab: &ix.homophones}
	// 機関 is an entry's word (公共交通機関): after 交通 it is not taken
	// for 期間, nor alone
	for _, q := range []string{"交通機関", "機関"} {
		if words := an.analyze(q, ix.spelling.correct).spaces[wordSpace].s; strings.Contains(words, "期間") {
			t.Errorf("%s: words %q, want 機関 kept", q, words)
		}
	}
	// after 研修, where the entries write 期間, it is the IME's slip
	if words := an.analyze("研修機関", ix.spelling.correct).spaces[wordSpace].s; !strings.Contains(words, "期間") {
		t.Errorf("研修機関: words %q, want 期間", words)
	}
	// 期間 and 機関 are each written once: きかん means neither for sure
	if got := ix.homophones.spell("けんしゅうのきかん"); got != "研修のきかん" {
		t.Errorf("spell = %q, want 研修のきかん", got)
	}
}

func TestHiraganaSpelledAsTheEntriesWrite(t *testing.T) {
	ix := NewIndex(homophoneFAQs())
	cases := map[string]string{
		"けんしゅうってとうきょうでやるの": "研修って東京でやるの",
		"りもーとわーくはできますか":    "リモートワークはできますか",
		"めんせつってきたみでやりますか":  "面接って北見でやりますか",
		"それはいかがでしょうか":      "それはいかがでしょうか",
		"研修ってとうきょう":        "研修ってとうきょう", // in a phrase in other scripts, only its opening word
		"めんせつってリモート":       "面接ってリモート",
		"めんせつリモート":         "面接リモート",
		"めんせつしたらリモート":      "めんせつしたらリモート", // no particle after it: not read as a word
		"きかんはオンライン":        "きかんはオンライン",   // きかん is two words of the entries
	}
	for in, want := range cases {
		if got := ix.homophones.spell(in); got != want {
			t.Errorf("spell(%q) = %q, want %q", in, got, want)
		}
	}
	if m := ix.Match("けんしゅうってとうきょうでやるの"); m.Outcome != Answered || m.Candidates[0].FAQ.ID != "training" {
		t.Errorf("Match = %v %v, want training answered", m.Outcome, m.Candidates)
	}
}
