package faq

import "testing"

// A message in kana alone, with some katakana, is read in hiragana; one
// with any other letter, or in hiragana already, is not.
func TestKatakanaAsHiragana(t *testing.T) {
	for in, want := range map[string]string{
		"ﾀﾝﾄｳｼｬﾄﾊﾅｼﾀｲ": "たんとうしゃとはなしたい",
		"オウボシマス！":      "おうぼします!",
		"応募シマス":        "",
		"ｴﾝﾄﾘｰしたい":     "えんとりーしたい",
		"ｹｯｶまだ？":       "けっかまだ?",
		"けっかまだ？":       "",
	} {
		got, ok := KatakanaAsHiragana(in)
		if got != want || ok != (want != "") {
			t.Errorf("KatakanaAsHiragana(%q) = %q, %v, want %q", in, got, ok, want)
		}
	}
}

// A question typed in katakana alone, half width as phones offer it, is
// answered as if typed in hiragana.
func TestMatchKatakanaSentence(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	expectAnswered(t, ix, map[string]string{
		"ｹﾝｼｭｳｷｶﾝﾊﾄﾞﾉｸﾗｲ?": "training-period",
		"サケモデルッテナンデスカ":     "what-is-sake-model",
	})
}
