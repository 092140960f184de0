package jpinput_test

import (
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/jpinput"
)

func TestSearchKey(t *testing.T) {
	cases := []struct{ in, want string }{
		// Names: spaces of any kind and width.
		{"北見　太郎", "北見太郎"},
		{"北見 太郎", "北見太郎"},
		{"北見太郎", "北見太郎"},
		{" 北見\t太郎\n", "北見太郎"},
		// Readings: katakana, hiragana and half-width kana are one.
		{"キタミ　タロウ", "きたみたろう"},
		{"きたみ", "きたみ"},
		{"ｷﾀﾐ ﾀﾛｳ", "きたみたろう"},
		{"ｶﾞｯｺｳ", "がっこう"},
		{"ヴァイオリン", "ゔぁいおりん"},
		{"ヽヾヶ", "ゝゞゖ"},
		{"ヷ", "ヷ"}, // no hiragana counterpart
		// The long-vowel mark stays in names, half-width or not.
		{"タロー", "たろー"},
		{"ﾀﾛｰ", "たろー"},
		{"ルーシー", "るーしー"},
		// Phone numbers: widths, hyphens, dashes, minus signs.
		{"080-1111-2222", "08011112222"},
		{"08011112222", "08011112222"},
		{"０８０１１１１２２２２", "08011112222"},
		{"０８０－１１１１－２２２２", "08011112222"},
		{"080‐1111‑2222", "08011112222"},
		{"080–1111—2222―", "08011112222"},
		{"080−1111", "0801111"},
		{"080 1111 2222", "08011112222"},
		// A phone keyboard's ー between digits is a hyphen.
		{"080ー1111ｰ2222", "08011112222"},
		{"080 ー 1111", "0801111"},
		{"1ー", "1ー"},
		// Latin: width and case.
		{"Taro@Example.JP", "taro@example.jp"},
		{"ＴＡＲＯ", "taro"},
		{"SK-2026-0001", "sk20260001"},
		// LIKE wildcards are kept; the store escapes them.
		{"100% 本気", "100%本気"},
		{"a_b", "a_b"},
		// Invisible and control characters, invalid UTF-8.
		{"北\u200b見\u00ad", "北見"},
		{"北\x00見\x1f", "北見"},
		{"北\xff見", "北見"},
		{"", ""},
		{"　 - ", ""},
	}
	for _, c := range cases {
		got := jpinput.SearchKey(c.in)
		if got != c.want {
			t.Errorf("SearchKey(%q) = %q, want %q", c.in, got, c.want)
		}
		if again := jpinput.SearchKey(got); again != got {
			t.Errorf("SearchKey(%q) = %q, not a fixed point (%q)", got, again, got)
		}
		if strings.ContainsAny(got, "\n \u3000") {
			t.Errorf("SearchKey(%q) = %q contains white space", c.in, got)
		}
	}
}

// TestSearchKeyFindsEveryVariant: the key of each way of typing a value is
// a substring of the key of the value as stored.
func TestSearchKeyFindsEveryVariant(t *testing.T) {
	stored := map[string][]string{
		"北見　太郎":       {"北見", "北見 太郎", "北見太郎", "北見　太郎", "見 太"},
		"キタミ　タロウ":     {"きたみ", "キタミ", "ｷﾀﾐ", "きたみ たろう", "ｷﾀﾐﾀﾛｳ"},
		"08011112222": {"080-1111-2222", "08011112222", "０８０１１１１２２２２", "1111-2222", "080ー1111"},
	}
	for value, queries := range stored {
		key := jpinput.SearchKey(value)
		for _, q := range queries {
			if !strings.Contains(key, jpinput.SearchKey(q)) {
				t.Errorf("%q (key %q) is not found by %q (key %q)", value, key, q, jpinput.SearchKey(q))
			}
		}
	}
}
