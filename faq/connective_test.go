package faq

import "testing"

func TestWithoutConnective(t *testing.T) {
	for in, want := range map[string]string{
		"あと研修って何ヶ月？":    "研修って何ヶ月？",
		"あと、面接はオンライン？":  "面接はオンライン？",
		"ちなみに給料は？":      "給料は？",
		"それとあと寮ってある？":   "寮ってある？",
		"あと":            "",
		"あとで連絡します":      "あとで連絡します",      // later
		"あと何ヶ月で北見に戻れる？": "あと何ヶ月で北見に戻れる？", // how many more
		"あと2年で卒業です":     "あと2年で卒業です",
		"研修のあと北見に戻る":    "研修のあと北見に戻る", // not at the start
		"えっと研修って何ヶ月？":   "研修って何ヶ月？",
		"あのー":           "",
	} {
		if got := WithoutConnective(in); got != want {
			t.Errorf("WithoutConnective(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWithoutLabelAndKaomoji(t *testing.T) {
	for in, want := range map[string]string{
		"【質問】研修って何ヶ月？":    "研修って何ヶ月？",
		"Q.研修って何ヶ月？":      "研修って何ヶ月？",
		"Ｑ：寮はありますか":       "寮はありますか",
		"【長い長い長いラベルです】研修": "【長い長い長いラベルです】研修",
		"Questionです":      "Questionです",
	} {
		if got := WithoutLabel(in); got != want {
			t.Errorf("WithoutLabel(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"研修は何ヶ月ですかm(_ _)m": "研修は何ヶ月ですか",
		"よろしくｍ（＿＿）ｍです":     "よろしくです",
		"mは(単位)です":         "mは(単位)です",
	} {
		if got := WithoutKaomoji(in); got != want {
			t.Errorf("WithoutKaomoji(%q) = %q, want %q", in, got, want)
		}
	}
}
