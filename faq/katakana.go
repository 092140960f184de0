package faq

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// KatakanaAsHiragana returns text in hiragana when it is written in
// kana alone, with some katakana, full or half width (タントウシャニカワッテ,
// ﾀﾝﾄｳｼｬﾆｶﾜｯﾃ, ｹｯｶまだ？), as some students type whole sentences;
// punctuation and spaces are kept. The analyser cannot cut a sentence in
// katakana into words; in hiragana it is read by its sound.
func KatakanaAsHiragana(text string) (string, bool) {
	for _, r := range text {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Katakana, r) && r != 'ー' && (r < 'ｦ' || r > 'ﾟ') && !unicode.Is(unicode.Hiragana, r) {
			return "", false // most messages: known before normalising
		}
	}
	t := norm.NFKC.String(text)
	kana := false
	for _, r := range t {
		switch {
		case r >= 'ァ' && r <= 'ヶ' || r == 'ヽ' || r == 'ヾ':
			kana = true
		case r == 'ー' || unicode.Is(unicode.Hiragana, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return "", false
		}
	}
	if !kana {
		return "", false
	}
	return strings.Map(func(r rune) rune {
		if r >= 'ァ' && r <= 'ヶ' {
			return r - 'ァ' + 'ぁ'
		}
		return r
	}, t), true
}
