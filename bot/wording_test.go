package bot

import "testing"

// Laughter is dropped from the end of a message, and nothing else.
func TestWithoutLaughter(t *testing.T) {
	for in, want := range map[string]string{
		"担当者と話したい笑":  "担当者と話したい",
		"応募したいｗｗｗ":   "応募したい",
		"人と話したい（笑） ": "人と話したい",
		"menu show":  "menu show",
		"笑":          "笑",
	} {
		if got := withoutLaughter(in); got != want {
			t.Errorf("withoutLaughter(%q) = %q, want %q", in, got, want)
		}
	}
}

// A message in katakana alone is read in hiragana; one with any other
// letter is not.
func TestKatakanaAsHiragana(t *testing.T) {
	for in, want := range map[string]string{
		"ﾀﾝﾄｳｼｬﾄﾊﾅｼﾀｲ": "たんとうしゃとはなしたい",
		"オウボシマス！":      "おうぼします!",
		"応募シマス":        "",
		"ｴﾝﾄﾘｰしたい":     "",
	} {
		got, ok := katakanaAsHiragana(in)
		if got != want || ok != (want != "") {
			t.Errorf("katakanaAsHiragana(%q) = %q, %v, want %q", in, got, ok, want)
		}
	}
}
