package jpinput

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SearchKey returns the form of s that searches compare, so that a name,
// reading, phone number or address is found however it was typed, both
// when it is stored and when staff search for it.
//
// It applies NFKC (full-width latin and digits become ASCII, half-width
// kana full-width with its dakuten joined), turns katakana into hiragana
// (キタミ and ｷﾀﾐ both become きたみ), lower-cases, and removes white space
// of every kind (ASCII, U+3000, tabs, line feeds), control and invisible
// format characters, and hyphens, dashes and minus signs (- ‐ ‑ ‒ – — ―
// − －). The long-vowel mark ー belongs to names and is kept, except between
// two digits, where a phone keyboard types it for a hyphen (080ー1111). So
// 「北見　太郎」, 「北見 太郎」 and 「北見太郎」 give 北見太郎, and
// 「080-1111-2222」 and 「０８０１１１１２２２２」 give 08011112222. Invalid
// UTF-8 is dropped. A key never contains a line feed, so keys joined with
// one cannot be matched across the join.
func SearchKey(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	runes := []rune(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range runes {
		if searchIgnored(r) || r == 'ー' && betweenDigits(runes, i) {
			continue
		}
		b.WriteRune(unicode.ToLower(katakanaToHiragana(r)))
	}
	return b.String()
}

// searchIgnored reports whether SearchKey drops r wherever it is: white
// space, control and invisible format characters, hyphens and dashes.
func searchIgnored(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || isInvisibleFormat(r) || isSearchDash(r)
}

// isSearchDash reports whether r is a hyphen, dash or minus sign, which
// people put into phone numbers, names and addresses or leave out at will:
// U+002D, U+2010–U+2015, U+2212 and the full-width U+FF0D. The long-vowel
// mark ー (U+30FC) is not one.
func isSearchDash(r rune) bool {
	return r == '-' || r >= '\u2010' && r <= '\u2015' || r == '\u2212' || r == '\uFF0D'
}

// betweenDigits reports whether the rune at i has an ASCII digit on both
// sides (NFKC has made full-width digits ASCII), looking past what
// SearchKey drops and past other long-vowel marks (080ーー1111, 080 ー 1111).
func betweenDigits(runes []rune, i int) bool {
	return isASCIIDigit(nearestKept(runes, i, -1)) && isASCIIDigit(nearestKept(runes, i, 1))
}

// nearestKept returns the first rune from i in direction step (-1 or 1)
// that is neither dropped by SearchKey nor ー, or 0 when there is none.
func nearestKept(runes []rune, i, step int) rune {
	for j := i + step; j >= 0 && j < len(runes); j += step {
		if r := runes[j]; r != 'ー' && !searchIgnored(r) {
			return r
		}
	}
	return 0
}

// katakanaToHiragana maps a katakana letter or iteration mark that has a
// hiragana counterpart (ァ–ヶ, ヽ, ヾ) to it; other runes, ー and ヷ–ヺ
// included, are returned unchanged.
func katakanaToHiragana(r rune) rune {
	switch {
	case r >= 'ァ' && r <= 'ヶ':
		return r - ('ァ' - 'ぁ')
	case r == 'ヽ' || r == 'ヾ':
		return r - ('ヽ' - 'ゝ')
	}
	return r
}
