package faq

import "testing"

func TestReading(t *testing.T) {
	for in, want := range map[string]string{
		"予約したい":  "よやくしたい",
		"説明会":    "せつめいかい",
		"面談の予約":  "めんだんのよやく",
		"通知を戻して": "つうちをもどして",
		"応募フォーム": "おうぼふぉーむ",
		"よくある質問": "よくあるしつもん",
	} {
		if got := Reading(in); got != want {
			t.Errorf("Reading(%q) = %q, want %q", in, got, want)
		}
	}
}
