package faq

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestBoilerplateMarks checks that every phrase of questionBoilerplate
// holds one of boilerplateMarks, which cutBoilerplate looks for first.
func TestBoilerplateMarks(t *testing.T) {
	for _, b := range questionBoilerplate {
		if !slices.ContainsFunc(boilerplateMarks, func(m string) bool { return strings.Contains(b, m) }) {
			t.Errorf("%q holds none of boilerplateMarks", b)
		}
	}
}

// TestTopicAfterNounSuffix: 「説明会って」 and 「研修中って」 keep the noun
// the analyser would otherwise read as the verbs 会う and 中る; a verb
// (出会って) keeps its 「って」.
func TestTopicAfterNounSuffix(t *testing.T) {
	for in, want := range map[string]string{
		"説明会ってオンライン？":    "説明 会 おんらいん",
		"研修中って寮ある？":      "研修 中 住まい ある",
		"先輩と出会ってどう？":     "先輩 出会う どう",
		"会って話したい":        "会う 話す",
		"初任給っていくら？":      "初任 給 いくら",
		"卒業生ってみんな出ていくの？": "卒業生 みんな 出る",
		"北見の電気代って高い？":    "北見 電気 代 高い",
	} {
		if got := analyzeText(in, nil, newConceptMap(loadDefaultConcepts(t))).spaces[wordSpace].s; got != want {
			t.Errorf("words of %q = %q, want %q", in, got, want)
		}
	}
}

// TestDegreeWordsCarryNoTopic: a word that only says how much or how
// frankly (なまら, めっちゃ, 超, 正直, ガチ) is no content word, nor is the
// laughter that closes a sentence (w, 笑), so an intensified
// question matches as the plain one does; やっぱり, which takes a choice
// back, stays.
func TestDegreeWordsCarryNoTopic(t *testing.T) {
	for in, want := range map[string]string{
		"北見の冬ってなまら寒い？":      "北見 冬 寒い",
		"北見の冬ってめっちゃ寒い？":     "北見 冬 寒い",
		"北見の冬ってばり寒い？":       "北見 冬 寒い",
		"正直、研修ってめちゃくちゃきつい？": "研修 きつい",
		"やっぱり応募やめたい":        "やっぱり 応募 やめる",
		"研修ってガチできつい？":       "研修 きつい",
		"なんで鮭なの笑":           "なんで 鮭", // laughter, as w
		"なんで鮭なのw":           "なんで 鮭",
		"サケモデルってやつ、要するに何？":  "さけ もでる 何", // the analyser reads サケモデル as two words
	} {
		if got := analyzeText(in, nil, nil).spaces[wordSpace].s; got != want {
			t.Errorf("words of %q = %q, want %q", in, got, want)
		}
	}
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	plain := ix.Match("北見の冬って寒い？")
	for _, q := range []string{"北見の冬ってなまら寒い？", "北見の冬ってばり寒い？"} {
		m := ix.Match(q)
		if got, want := m.Candidates[0], plain.Candidates[0]; got.FAQ.ID != want.FAQ.ID || math.Abs(got.Score-want.Score) > 0.01 {
			t.Errorf("Match(%q) = %s %.2f, want as the plain question: %s %.2f", q, got.FAQ.ID, got.Score, want.FAQ.ID, want.Score)
		}
	}
}

// TestWhenKeptWhole: the dictionary cuts いつ after a noun or は into a
// verb and the old auxiliary つ (説明会いつ → 説明・会い・つ); the analyser
// cuts the chunk again, so that いつ stays a word and the noun before it
// too (the concepts take いつ for 期間). いつも is not touched.
func TestWhenKeptWhole(t *testing.T) {
	for in, want := range map[string]string{
		"説明会いつ":      "説明 会 期間",
		"休みいつ":       "休み 期間",
		"締め切りはいつですか": "締切 期間",
		"いつもオンライン？":  "いつも おんらいん",
		"いつですか":      "期間",
	} {
		if got := analyzeText(in, nil, newConceptMap(loadDefaultConcepts(t))).spaces[wordSpace].s; got != want {
			t.Errorf("words of %q = %q, want %q", in, got, want)
		}
	}
}

// TestCourtesyCarriesNoTopic: the courtesy around a question
// (恐れ入りますが, お手数ですが, お伺いしてもよろしいでしょうか, ご教示
// いただけますと幸いです) is cut out or weighs nothing, so a parent's keigo
// question matches as the plain one does.
func TestCourtesyCarriesNoTopic(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	for plain, wrapped := range map[string]string{
		"研修期間はどのくらいですか":   "恐れ入りますが、研修期間はどのくらいか、お伺いしてもよろしいでしょうか",
		"研修中の住まいはどうなりますか": "お忙しいところ恐縮ですが、研修中の住まいはどうなりますか。ご教示いただけますと幸いです",
		"北見の冬は寒いですか":      "すみません、差し支えなければ北見の冬は寒いですか",
	} {
		p, w := ix.Match(plain), ix.Match(wrapped)
		pb, _ := p.Best()
		wb, _ := w.Best()
		if w.Outcome != Answered || wb.FAQ.ID != pb.FAQ.ID || wb.Score < pb.Score-0.15 {
			t.Errorf("Match(%q) = %v %s %.2f, want answered as %q: %s %.2f", wrapped, w.Outcome, wb.FAQ.ID, wb.Score, plain, pb.FAQ.ID, pb.Score)
		}
	}
	for _, q := range []string{"恐れ入りますが", "お伺いしてもよろしいでしょうか", "ご教示いただけますと幸いです"} {
		if s := analyzeText(q, nil, nil).spaces[wordSpace].s; s != "" {
			t.Errorf("analyzeText(%q) has content words %q", q, s)
		}
	}
}

// TestChatEndingsCarryNoTopic: the Kansai なん that ends a question
// (研修って何ヶ月なん？) weighs nothing; the question word なんで is kept.
// (Hiragana the dictionary cannot cut weighs nothing too; the example
// this test had, 工大生じゃないと…, is now cut: see TestNounBeforeJa.)
func TestChatEndingsCarryNoTopic(t *testing.T) {
	for in, want := range map[string]string{
		"研修って何ヶ月なん？": "研修 何 か月",
		"研修はなんで東京？":  "研修 なんで 東京",
	} {
		if got := analyzeText(in, nil, nil).spaces[wordSpace].s; got != want {
			t.Errorf("words of %q = %q, want %q", in, got, want)
		}
	}
}

// TestNounBeforeJa: the dictionary cuts 生じゃ of 工大生じゃないと into the
// verb 生じる and a stray ゃ, losing the noun and what follows; it is cut
// again before じゃ.
func TestNounBeforeJa(t *testing.T) {
	for _, in := range []string{"工大生じゃないとだめですかって聞きたいです", "院生じゃなくても応募できますかね"} {
		got := analyzeText(in, nil, newConceptMap(loadDefaultConcepts(t))).spaces[wordSpace].s
		if strings.Contains(got, "生じる") || !strings.Contains(got, "生") {
			t.Errorf("words of %q = %q, want 生 and no 生じる", in, got)
		}
	}
}
