package bot

import (
	"strings"
	"sync"
	"unicode"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// japaneseTokenizer is the morphological analyser that gives kanji words their
// readings and dictionary forms. Its dictionary takes a while to load and
// some 90 MB, so it is loaded on first use, once per process.
var japaneseTokenizer = sync.OnceValue(func() *tokenizer.Tokenizer {
	t, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		panic("bot: loading the IPA dictionary: " + err.Error()) // it is compiled in
	}
	return t
})

// analyzeText turns a text into its form in each space:
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
func analyzeText(text string) (forms [numSpaces]string, kanaOnly bool) {
	s := cutBoilerplate(normalizeKeepKana(text))
	var out [numSpaces]strings.Builder
	for _, tok := range japaneseTokenizer().Tokenize(s) {
		if tok.Class == tokenizer.DUMMY {
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
		if containsHan(surface) {
			if base := ipaFeature(tok, 6); base != "" {
				written = base
			}
			if kana := ipaFeature(tok, 7); kana != "" {
				reading = kana
			}
		}
		out[writtenSpace].WriteString(written)
		out[readingSpace].WriteString(reading)
		if isContentToken(tok) {
			out[wordSpace].WriteString(written)
		}
		out[wordSpace].WriteByte(' ')
	}
	for k := range out {
		forms[k] = foldKatakanaText(out[k].String())
	}
	return forms, onlyHiraganaText(s)
}

// ipaFeature is the i-th IPA feature of a token (0 part of speech, 1 its
// subdivision, 6 dictionary form, 7 reading), or "" when it has none.
func ipaFeature(tok tokenizer.Token, i int) string {
	if f, ok := tok.FeatureAt(i); ok && f != "*" {
		return f
	}
	return ""
}

// isContentToken reports whether a token carries meaning of its own.
func isContentToken(tok tokenizer.Token) bool {
	pos, sub := ipaFeature(tok, 0), ipaFeature(tok, 1)
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

// containsHan reports whether s holds a kanji.
func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// foldKatakanaText turns katakana into hiragana.
func foldKatakanaText(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'ァ' && r <= 'ヴ' {
			return r - 'ァ' + 'ぁ'
		}
		return r
	}, s)
}
