package faq

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Romaji returns text, typed in the Latin alphabet as Japanese is on a
// keyboard without an input method (oubo shitai desu, yoyaku kakunin),
// in hiragana (おうぼしたいです, よやくかくにん), and whether text was
// romaji throughout: every word spelt in syllables of Hepburn or kunrei
// romanisation or one of the few English words students mix in
// (romajiLoanwords), punctuation, spaces and emoji aside. Spaces between
// words are dropped, as Japanese is written; any other word (hello), or a
// letter of another script, leaves text as it is.
func Romaji(text string) (string, bool) {
	if strings.ContainsFunc(text, func(r rune) bool { return r >= utf8.RuneSelf && unicode.IsLetter(r) }) {
		return text, false // 研修って何ヶ月？, or romaji inside Japanese
	}
	var b strings.Builder
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return (r < 'a' || r > 'z') && r != '\''
	}) {
		kana, ok := romajiParticles[w]
		if !ok {
			kana, ok = romajiLoanwords[w]
		}
		if !ok {
			kana, ok = romajiWord(w)
		}
		if !ok {
			return text, false
		}
		b.WriteString(kana)
		words++
	}
	return b.String(), words > 0
}

// romajiParticles are the particles romaji spells as they sound, typed as
// words of their own (kenshuu wa nankagetsu).
var romajiParticles = map[string]string{"wa": "は", "o": "を", "e": "へ"}

// romajiLoanwords are the English words students type among romaji ones
// (yoyaku cancel), spelt as Japanese writes them, in hiragana.
var romajiLoanwords = map[string]string{"cancel": "きゃんせる", "stop": "すとっぷ", "skip": "すきっぷ", "menu": "めにゅー",
	"help": "へるぷ", "entry": "えんとりー", "ok": "おっけー", "data": "でーた", "deta": "でーた",
	"it": "IT", "zoho": "Zoho", "zooops": "Zooops", "line": "LINE", "model": "もでる", "staff": "すたっふ", "online": "おんらいん",
	"remote": "りもーと", "office": "おふぃす", "spot": "すぽっと", "telework": "てれわーく"}

// romajiWord spells one word of romaji in hiragana, longest syllable
// first; a doubled consonant is a small っ (kk → っk), and an n before a
// consonant or at the end, or written nn or n', is ん.
func romajiWord(w string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(w); {
		c := w[i]
		if c < 'a' || c > 'z' {
			return "", false
		}
		if i+1 < len(w) && c == w[i+1] && !strings.ContainsRune("aiueon", rune(c)) || c == 't' && strings.HasPrefix(w[i+1:], "ch") {
			b.WriteString("っ") // kk, tt, ss, pp; tch
			i++
			continue
		}
		if c == 'n' && (i+1 == len(w) || !strings.ContainsRune("aiueoy", rune(w[i+1]))) {
			b.WriteString("ん")
			i++
			if i < len(w) && (w[i] == '\'' || w[i] == 'n' && (i+1 == len(w) || !strings.ContainsRune("aiueoy", rune(w[i+1])))) {
				i++ // nn, n' (but konnichiwa is ko-n-ni-chi-wa)
			}
			continue
		}
		matched := false
		for n := min(3, len(w)-i); n > 0; n-- {
			if kana, ok := romajiSyllables[w[i:i+n]]; ok {
				b.WriteString(kana)
				i += n
				matched = true
				break
			}
		}
		if !matched {
			return "", false
		}
	}
	return b.String(), true
}

// romajiSyllables are the syllables of Hepburn and kunrei romanisation,
// and the spellings students type for the small kana (xtu, ltu).
var romajiSyllables = func() map[string]string {
	m := map[string]string{
		"a": "あ", "i": "い", "u": "う", "e": "え", "o": "お",
		"shi": "し", "chi": "ち", "tsu": "つ", "fu": "ふ", "ji": "じ",
		"sha": "しゃ", "shu": "しゅ", "sho": "しょ", "she": "しぇ",
		"cha": "ちゃ", "chu": "ちゅ", "cho": "ちょ", "che": "ちぇ",
		"ja": "じゃ", "ju": "じゅ", "jo": "じょ", "je": "じぇ",
		"fa": "ふぁ", "fi": "ふぃ", "fe": "ふぇ", "fo": "ふぉ",
		"wa": "わ", "wo": "を", "ya": "や", "yu": "ゆ", "yo": "よ",
		"di": "ぢ", "du": "づ", "vu": "ゔ", "xtu": "っ", "ltu": "っ", "xtsu": "っ",
	}
	rows := map[string]string{"k": "かきくけこ", "g": "がぎぐげご", "s": "さしすせそ", "z": "ざじずぜぞ", "t": "たちつてと",
		"d": "だぢづでど", "n": "なにぬねの", "h": "はひふへほ", "b": "ばびぶべぼ", "p": "ぱぴぷぺぽ", "m": "まみむめも", "r": "らりるれろ"}
	for c, kana := range rows {
		k := []rune(kana)
		for j, v := range "aiueo" {
			if _, ok := m[c+string(v)]; !ok {
				m[c+string(v)] = string(k[j])
			}
		}
		for j, v := range map[string]string{"a": "ゃ", "u": "ゅ", "o": "ょ"} {
			m[c+"y"+j] = string(k[1]) + v // kya: き + ゃ
		}
	}
	for k, v := range map[string]string{"jya": "じゃ", "jyu": "じゅ", "jyo": "じょ"} {
		m[k] = v
	}
	return m
}()
