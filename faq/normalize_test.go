package faq

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"full-width latin and digits", "ＺＯＯＯＰＳ　Ｊａｐａｎ　２０２６", "zooops japan 2026"},
		{"half-width kana with dakuten", "ｻｹﾓﾃﾞﾙ", "さけもでる"},
		{"half-width handakuten", "ｽﾞｰﾌﾟｽ", "ずーぷす"},
		{"katakana to hiragana", "サケモデル", "さけもでる"},
		{"hiragana unchanged", "さけもでる", "さけもでる"},
		{"vu", "ヴィ", "ゔぃ"},
		{"long vowel marks", "リモート ﾘﾓｰﾄ", "りもーとりもーと"},
		{"dashes fold", "サ-バ‐ー−－", "さーばー"},
		{"wave dashes", "すごい〜～", "すごいー"},
		{"run of long vowels", "すごーーーい", "すごーい"},
		{"leading dash dropped", "ー研修", "研修"},
		{"upper case", "ZohoCRM", "zohocrm"},
		{"emoji removed", "研修😢ですか🙏", "研修ですか"},
		{"kanji verb stem", "解ります", "わかります"},
		{"not inside a compound", "了解っす", "了解っす"},
		{"emoji with joiners", "👨‍👩‍👧研修", "研修"},
		{"punctuation removed", "「研修」、期間は？！", "研修期間は"},
		{"spaces between Japanese removed", "研修　期間  は", "研修期間は"},
		{"spaces between latin kept", "zoho   crm", "zoho crm"},
		{"latin next to Japanese", "Zoho CRM って何", "zoho crmって何"},
		{"trimmed", "  研修  ", "研修"},
		{"empty", "", ""},
		{"only symbols", "？！…😀", ""},
		{"circled digit", "①", "1"},
		{"ヶ月", "何ヶ月", "何か月"},
		{"カ月", "何カ月", "何か月"},
		{"ケ月", "3ケ月", "3か月"},
		{"箇月", "何箇月", "何か月"},
		{"ケ not a counter", "ケーキ", "けーき"},
		{"出来る", "出来ますか", "できますか"},
		{"下さい", "教えて下さい", "教えてください"},
		{"分かる", "分かりません", "わかりません"},
		{"分 as minutes", "3分かかる", "3分かかる"},
		{"有る", "有りますか", "ありますか"},
		{"有料 untouched", "有料", "有料"},
		{"事 as こと", "する事は", "することは"},
		{"仕事 untouched", "仕事の事務", "仕事の事務"},
		{"申し込み", "申込み 申し込み 申込", "申込申込申込"},
		{"問い合わせ", "問合わせ", "問合せ"},
		{"ideographic iteration", "色々", "いろいろ"},
		{"invalid utf-8", "研修\xff期間", "研修期間"},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestNormalizeVariantsMatch(t *testing.T) {
	groups := [][]string{
		{"研修は何ヶ月", "研修は何カ月", "研修は何か月", "研修は何ケ月", "研修は何箇月", "研修は何ヵ月"},
		{"リモートワーク", "ﾘﾓｰﾄﾜｰｸ", "りもーとわーく", "リモ-トワ〜ク"},
		{"できますか", "出来ますか", "デキマスカ"},
	}
	for _, g := range groups {
		want := Normalize(g[0])
		for _, s := range g[1:] {
			if got := Normalize(s); got != want {
				t.Errorf("Normalize(%q) = %q, want %q (as %q)", s, got, want, g[0])
			}
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"研修期間は何ヶ月ですか？", "ｻｹﾓﾃﾞﾙってなに😀", "ＺｏｏｏｐｓＪａｐａｎ", "する事出来る",
		"ー-〜", "a b  c", "ᄀ!ᅡ", "か\u3099", "\xff\xfe", "Ǆ ǅ ǆ", "ﬀ ℌ ㍿",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if nn := Normalize(n); nn != n {
			t.Fatalf("not idempotent: Normalize(%q) = %q, Normalize(%q) = %q", s, n, n, nn)
		}
	})
}

// TestFoldRunePlain checks that foldRune's shortcut agrees with the full
// mapping on every rune it takes.
func TestFoldRunePlain(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !isPlainRune(r) {
			continue
		}
		for _, foldKana := range []bool{false, true} {
			if got := foldRuneSlow(r, foldKana); got != r {
				t.Errorf("foldRuneSlow(%U, %v) = %U, but isPlainRune", r, foldKana, got)
			}
		}
	}
}

// TestFoldRunesUnchanged checks the texts foldRunes and squeezeSpaces
// return as they are, or trimmed, against building them afresh.
func TestFoldRunesUnchanged(t *testing.T) {
	for _, s := range []string{
		"", " ", "研修期間は", " 研修 ", "zoho crm", "zoho  crm", "ーー研修", "研修 ー期間", "a ー b",
		"すごーーーい", "サケモデル", "ｻｹﾓﾃﾞﾙ", "研修\uFFFD", "\xff研修", "line pay ", "  line pay",
	} {
		for _, foldKana := range []bool{false, true} {
			var want strings.Builder
			var prev rune
			for _, r := range s {
				r = foldRuneSlow(r, foldKana)
				if r == 0 || r == longVowel && prev == longVowel {
					continue
				}
				want.WriteRune(r)
				prev = r
			}
			if got := foldRunes(s, foldKana); got != want.String() {
				t.Errorf("foldRunes(%q, %v) = %q, want %q", s, foldKana, got, want.String())
			}
		}
	}
}
