package jpinput_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/jpinput"
)

func TestCleanText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"研修は何ヶ月ですか", "研修は何ヶ月ですか"},
		{"", ""},
		{"研修\u0000は何ヶ月ですか", "研修は何ヶ月ですか"},
		{"\x00\x01\x07\x1b[31m赤\x1f\x7f", "[31m赤"},
		{"一行目\n二行目", "一行目\n二行目"},
		{"一行目\r\n二行目\r三行目", "一行目\n二行目\n三行目"},
		{"\r\r\n", "\n\n"},
		{"列1\t列2", "列1 列2"},
		{"a\u0080b\u0085c\u009fd", "abcd"}, // C1, NEL included
		{"\u202Etxt.exe\u202C", "txt.exe"},
		{"\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069x", "x"},
		{"\u200E\u200F\u2065\u206A", "\u200E\u200F\u2065\u206A"}, // marks and neighbours are kept
		{"北見\u3000太郎 😀 ｶﾀｶﾅ", "北見\u3000太郎 😀 ｶﾀｶﾅ"},
		{"a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"\uFFFD", "\uFFFD"},
	} {
		got := jpinput.CleanText(c.in)
		if got != c.want {
			t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.want)
		}
		if again := jpinput.CleanText(got); again != got {
			t.Errorf("CleanText(%q) = %q is not stable: %q", c.in, got, again)
		}
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"研修\u0000は何ヶ月ですか", "a\r\nb\tc", "\u202Eabc", "\xff", "\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := jpinput.CleanText(s)
		if !utf8.ValidString(got) {
			t.Fatalf("%q: %q is not valid UTF-8", s, got)
		}
		for _, r := range got {
			if r < 0x20 && r != '\n' || r >= 0x7F && r <= 0x9F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("%q: %q keeps %U", s, got, r)
			}
		}
		if jpinput.CleanText(got) != got {
			t.Fatalf("%q: not stable", s)
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
			return r < 0x20 || r >= 0x7F && r <= 0x9F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
		}) && got != s {
			t.Fatalf("%q changed to %q", s, got)
		}
	})
}

// TestCleanTextKeepsCleanTextAsIs makes sure the common case allocates
// nothing: most messages have nothing to clean.
func TestCleanTextKeepsCleanTextAsIs(t *testing.T) {
	s := strings.Repeat("研修は何ヶ月ですか？\n", 20)
	if n := testing.AllocsPerRun(100, func() { _ = jpinput.CleanText(s) }); n != 0 {
		t.Errorf("%v allocations for clean text", n)
	}
}
