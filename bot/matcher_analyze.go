package bot

import (
	"strings"
	"sync"
	"unicode"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// japanese is the morphological analyser that gives kanji words their
// readings and dictionary forms. Its dictionary takes a while to load and
// some 90 MB, so it is loaded on first use, once per process.
var japanese = sync.OnceValue(func() *tokenizer.Tokenizer {
	t, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		panic("bot: loading the IPA dictionary: " + err.Error()) // it is compiled in
	}
	return t
})

// analyze turns a text into its form in each space:
//   - written: the normalised text with every inflected kanji word in its
//     dictionary form (戻れ, 戻っ → 戻る);
//   - reading: the normalised text with every kanji word in its reading;
//   - words: the content words (nouns, verbs, adjectives, adverbs, latin)
//     in dictionary form, separated by spaces; particles, auxiliaries and
//     the like are left out.
//
// All three are in hiragana; spaces are boundaries. kanaOnly says the text
// is written in hiragana alone, as students do who skip the kanji
// conversion, which the analyser cannot cut into words reliably.
func analyze(text string) (forms [numSpaces]string, kanaOnly bool) {
	s := cutBoilerplate(normalizeKeepKana(text))
	var out [numSpaces]strings.Builder
	for _, tok := range japanese().Tokenize(s) {
		f := tok.Features()
		if tok.Class == tokenizer.DUMMY || len(f) == 0 {
			continue
		}
		surface := tok.Surface
		if surface == " " {
			for k := range out {
				out[k].WriteByte(' ')
			}
			continue
		}
		written, reading := surface, surface
		if hasHan(surface) {
			if base := feature(f, 6); base != "" {
				written = base
			}
			if kana := feature(f, 7); kana != "" {
				reading = kana
			}
		}
		out[writtenSpace].WriteString(written)
		out[readingSpace].WriteString(reading)
		if isContent(f) {
			out[wordSpace].WriteString(written)
		}
		out[wordSpace].WriteByte(' ')
	}
	for k := range out {
		forms[k] = foldKatakana(out[k].String())
	}
	return forms, onlyHiragana(s)
}

// feature is the i-th feature of a token, or "" when it has none.
func feature(f []string, i int) string {
	if i < len(f) && f[i] != "*" {
		return f[i]
	}
	return ""
}

// isContent reports whether a token with the IPA features f carries
// meaning of its own.
func isContent(f []string) bool {
	pos, sub := f[0], feature(f, 1)
	switch pos {
	case "名詞":
		return sub != "非自立"
	case "動詞", "形容詞":
		return sub != "非自立" && sub != "接尾"
	case "副詞":
		return true
	case "記号":
		return sub == "アルファベット"
	}
	return false
}

// hasHan reports whether s holds a kanji.
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// foldKatakana turns katakana into hiragana.
func foldKatakana(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'ァ' && r <= 'ヴ' {
			return r - 'ァ' + 'ぁ'
		}
		return r
	}, s)
}
