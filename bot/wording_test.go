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

// Dialect endings and IME slips are written in the standard form, and
// nothing else is.
func TestStandardWording(t *testing.T) {
	for in, want := range map[string]string{
		"メニューに戻してけれ":  "メニューに戻してください",
		"フォームちょうだい":   "フォームください",
		"始めたいんやけど":    "始めたいんですけど",
		"誰かおらん？":      "誰かいない？",
		"これやめときます":    "これやめておきます",
		"応慕したい":       "応募したい",
		"手続き始めたい":     "手続きを始めたい",
		"特になし":        "特になし",
		"予約入っとるか見たい":  "予約入っているか見たい", // faq.Dialect
		"説明会に参加したいです": "説明会に参加したいです",
	} {
		if got := standardWording(in); got != want {
			t.Errorf("standardWording(%q) = %q, want %q", in, got, want)
		}
	}
}
