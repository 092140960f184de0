package faq

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// longVowel is the one character every long-vowel mark, dash and wave dash
// is folded to.
const longVowel = 'ー'

// Normalize folds the ways students type Japanese into one form for matching.
//
// It applies NFKC (full-width latin and digits to ASCII, half-width kana to
// full-width with dakuten joined), turns katakana into hiragana, folds
// long-vowel marks, dashes and wave dashes to "ー", lower-cases latin, drops
// punctuation, symbols, emoji and combining marks, folds common spelling
// variants (出来る/できる, 下さい/ください, 何ヶ月/何か月, ...) and removes
// whitespace except between two words of a spaced script ("line pay").
// Normalize is idempotent: Normalize(Normalize(s)) == Normalize(s).
func Normalize(s string) string { return normalizeForm(s, true) }

// normalizeKeepKana is Normalize except that katakana stays katakana, for
// the morphological analyser, which needs it to tell loanwords.
func normalizeKeepKana(s string) string { return normalizeForm(s, false) }

// normalizeForm is Normalize, turning katakana into hiragana if foldKana.
func normalizeForm(s string, foldKana bool) string {
	t := normalizeOnce(s, foldKana)
	if t == s {
		return t // the next pass would find the same
	}
	// Folding can bring characters together that NFKC or a variant rule
	// then joins (a dropped symbol between Hangul jamo, 事 next to a
	// folded 出来): repeat until nothing changes.
	for range 8 {
		u := normalizeOnce(t, foldKana)
		if u == t {
			break
		}
		t = u
	}
	return t
}

// normalizeOnce is one pass of normalizeForm.
func normalizeOnce(s string, foldKana bool) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = nfkc(s)
	s = foldRunes(s, foldKana)
	s = foldVariants(s)
	return squeezeSpaces(s)
}

// nfkc is norm.NFKC.String(s), quicker for the text most questions are
// made of: it passes over the runes NFKC leaves alone whatever surrounds
// them (nfkcInert) without looking them up, and normalises only from the
// last of them before the first other rune, a normalisation boundary.
func nfkc(s string) string {
	from := 0 // the start of the last inert rune
	for i, r := range s {
		if !nfkcInert(r) {
			out := make([]byte, 0, len(s)+8)
			return string(norm.NFKC.AppendString(append(out, s[:from]...), s[from:]))
		}
		from = i
	}
	return s
}

// nfkcInert reports whether NFKC leaves r alone in a text and nothing
// before it combines with it: so for ASCII, hiragana, katakana and the
// common kanji (see TestNFKCInert).
func nfkcInert(r rune) bool {
	return r < utf8.RuneSelf || r >= 'ぁ' && r <= 'ゖ' || r >= 'ァ' && r <= 'ヺ' || r == longVowel ||
		r >= 0x4E00 && r <= 0x9FFF
}

// foldRunes maps every rune on its own: katakana to hiragana (if
// foldKana), dashes to longVowel, latin to lower case, and anything that is
// not a letter or a number to a space. Runs of longVowel become one.
func foldRunes(s string, foldKana bool) string {
	b := lazyBuilder{src: s}
	var prev rune
	for i, r := range s {
		f := foldRune(r, foldKana)
		switch {
		case f == 0:
			continue
		case f == longVowel && prev == longVowel:
			continue
		}
		if f == r {
			b.keepRune(i, r)
		} else {
			b.writeRune(i, f)
		}
		prev = f
	}
	return b.String()
}

// foldRune maps one rune; 0 means drop it.
func foldRune(r rune, foldKana bool) rune {
	if isPlainRune(r) {
		return r
	}
	return foldRuneSlow(r, foldKana)
}

// isPlainRune reports whether r is a rune foldRuneSlow leaves alone and
// that is common in questions, so checked first: latin lower case, digits,
// most hiragana and the common kanji (see TestFoldRunePlain).
func isPlainRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' ||
		r >= 'ぁ' && r <= 'ゔ' || r >= 0x4E00 && r <= 0x9FFF
}

// foldRuneSlow is foldRune for any rune.
func foldRuneSlow(r rune, foldKana bool) rune {
	switch {
	case r == 'ヵ' || r == 'ヶ' || r == 'ゕ' || r == 'ゖ':
		return 'か' // 何ヶ月, 3ヵ所: read か (or が, こ)
	case !foldKana && (r >= 'ァ' && r <= 'ヴ' || r == 'ヽ' || r == 'ヾ'):
		return r
	case r >= 'ァ' && r <= 'ヴ': // katakana ァ..ヴ → ぁ..ゔ
		return r - 'ァ' + 'ぁ'
	case r == 'ヽ' || r == 'ヾ':
		return r - 'ヽ' + 'ゝ'
	case isDash(r):
		return longVowel
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf:
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return ' '
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0 // combining marks, variation selectors, ZWJ
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return unicode.ToLower(r)
	case unicode.Is(unicode.Mc, r):
		return r // spacing marks belong to their letter (Indic scripts)
	}
	return ' ' // punctuation, symbols, emoji, spaces, controls
}

// lazyBuilder builds a string that is most often a substring of src (the
// text being folded, unchanged or trimmed), without allocating until it
// is not.
type lazyBuilder struct {
	src      string
	from, to int             // while !built, the string is src[from:to]
	b        strings.Builder // once built, the string
	built    bool
}

// writeRune appends r, which is what src holds at i if i's rune is kept.
func (b *lazyBuilder) writeRune(i int, r rune) {
	if !b.built {
		if (b.from == b.to || i == b.to) && i < len(b.src) {
			if got, size := utf8.DecodeRuneInString(b.src[i:]); got == r && r != utf8.RuneError {
				if b.from == b.to {
					b.from = i
				}
				b.to = i + size
				return
			}
		}
		b.b.Grow(len(b.src) + 8)
		b.b.WriteString(b.src[b.from:b.to])
		b.built = true
	}
	b.b.WriteRune(r)
}

// keepRune appends r, the rune src holds at i, without decoding it again.
func (b *lazyBuilder) keepRune(i int, r rune) {
	if b.built || r == utf8.RuneError || b.from != b.to && i != b.to {
		b.writeRune(i, r) // an invalid byte is written as RuneError
		return
	}
	if b.from == b.to {
		b.from = i
	}
	b.to = i + utf8.RuneLen(r)
}

// String returns the string built.
func (b *lazyBuilder) String() string {
	if !b.built {
		return b.src[b.from:b.to]
	}
	return b.b.String()
}

// isDash reports whether r is a long-vowel mark, a dash or a wave dash.
func isDash(r rune) bool {
	switch r {
	case 'ー', 'ｰ', '-', '‐', '‑', '‒', '–', '—', '―', '−', '－', '~', '～', '〜', '〰', '⁓':
		return true
	}
	return false
}

// isJapanese reports whether r belongs to Japanese text, which is written
// without spaces between words.
func isJapanese(r rune) bool {
	return r == longVowel || r == '々' || r == '〆' || r == 'ゝ' || r == 'ゞ' ||
		unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// squeezeSpaces trims s and collapses runs of spaces; a space survives only
// between two runes that are not Japanese, so "研修 期間" and "研修期間" are
// the same but "line pay" keeps its space. A longVowel that no longer
// follows a letter (a leading dash, "- 研修") is dropped.
func squeezeSpaces(s string) string {
	b := lazyBuilder{src: s}
	var last rune // last rune written, 0 at the start
	pending := false
	for i, r := range s {
		if r == ' ' {
			pending = last != 0
			continue
		}
		if r == longVowel && (last == 0 || last == longVowel || pending) {
			continue
		}
		if pending && !isJapanese(last) && !isJapanese(r) {
			b.writeRune(i-1, ' ')
		}
		pending = false
		b.keepRune(i, r)
		last = r
	}
	return b.String()
}

// spellingVariant is one spelling variant folded by Normalize: from
// becomes to when ok (if set) accepts the runes around it. from and to are
// in normalised (hiragana) form.
type spellingVariant struct {
	from, to string
	ok       func(prev, next rune) bool
}

// spellingVariants are general spelling variants of Japanese: kanji or
// kana for the same word, and okurigana. They are not specific to any FAQ.
var spellingVariants = []spellingVariant{
	{"出来", "でき", nil},
	{"下さ", "くださ", nil},
	{"分か", "わか", notAfterNumeral},  // not 3分かかる
	{"分り", "わかり", nil},             // 分ります
	{"分る", "わかる", nil},             // 分る
	{"解", "わか", verbStem("るりらっれ")}, // 解る, not 了解っす
	{"判", "わか", verbStem("るりらっれ")}, // 判る
	{"有", "あ", nextIn("るりっれろ")},    // 有ります
	{"無", "な", nextIn("いくけし")},     // 無い, 無し
	{"良", "よ", nextIn("いくかけさ")},    // 良い
	{"頂", "いただ", nextIn("いきくけこ")},  // 頂けますか
	{"致", "いた", nextIn("しすせそ")},    // 致します
	{"貰", "もら", nextHiragana},      // 貰える
	{"事", "こと", kanaAround},        // 〜する事は
	{"時", "とき", kanaAround},        // 〜する時は
	{"為", "ため", kanaAround},        // 〜の為に
	{"位", "くらい", kanaAround},       // どの位
	{"ぐらい", "くらい", nil},
	{"宜し", "よろし", nil},
	{"迄", "まで", nil},
	{"又は", "または", nil},
	{"及び", "および", nil},
	{"是非", "ぜひ", nil},
	{"沢山", "たくさん", nil},
	{"色々", "いろいろ", nil},
	{"何処", "どこ", nil},
	{"何故", "なぜ", nil},
	{"け", "か", counterAfterNumeral}, // 3ケ月 (ケ→け)
	{"箇", "か", counterAfterNumeral}, // 3箇月, 何箇所
	{"申し込み", "申込", nil},             // 申し込み, 申込み, 申込
	{"申込み", "申込", nil},
	{"申し込", "申込", nil},
	{"問い合わせ", "問合せ", nil}, // 問い合わせ, 問合わせ, 問合せ
	{"問合わせ", "問合せ", nil},
	{"問い合せ", "問合せ", nil},
	{"受け付け", "受付", nil}, // 受け付け, 受付け, 受付
	{"受付け", "受付", nil},
	{"締め切り", "締切", nil}, // 締め切り, 締切り, 〆切, 締切
	{"締切り", "締切", nil},
	{"〆切", "締切", nil},
	{"打ち合わせ", "打合せ", nil},
	{"打合わせ", "打合せ", nil},
	{"振り込み", "振込", nil},
	{"振込み", "振込", nil},
	{"引っ越し", "引越", nil},
	{"引越し", "引越", nil},
	{"取り扱い", "取扱", nil},
	{"取扱い", "取扱", nil},
}

// spellingVariantsByFirst indexes spellingVariants by their first rune.
var spellingVariantsByFirst = func() map[rune][]spellingVariant {
	m := make(map[rune][]spellingVariant)
	for _, v := range spellingVariants {
		r, _ := utf8.DecodeRuneInString(v.from)
		m[r] = append(m[r], v)
	}
	return m
}()

// foldVariants rewrites the spelling variants in s, left to right, longest
// rule first where rules share a first rune (they are listed so).
func foldVariants(s string) string {
	var b strings.Builder
	var prev rune
	changed := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if mayStartVariant(r) { // checked here, inlined: most runes start none
			if v, ok := matchVariant(s[i:], r, prev); ok {
				if !changed {
					b.Grow(len(s) + 8)
					b.WriteString(s[:i])
					changed = true
				}
				b.WriteString(v.to)
				prev, _ = utf8.DecodeLastRuneInString(v.to)
				i += len(v.from)
				continue
			}
		}
		if changed {
			b.WriteRune(r)
		}
		prev = r
		i += size
	}
	if !changed {
		return s
	}
	return b.String()
}

// variantFirsts is a set of the first runes of spellingVariants in the
// Basic Multilingual Plane, one bit a rune, checked before the map.
var variantFirsts = func() *[0x10000 / 64]uint64 {
	var set [0x10000 / 64]uint64
	for r := range spellingVariantsByFirst {
		if r < 0x10000 {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
}()

// mayStartVariant reports whether a spelling variant may start with r.
func mayStartVariant(r rune) bool {
	return r >= 0x10000 || variantFirsts[r/64]&(1<<(r%64)) != 0
}

// matchVariant finds the variant rule that applies at the start of s,
// whose first rune is r.
func matchVariant(s string, r, prev rune) (spellingVariant, bool) {
	if !mayStartVariant(r) {
		return spellingVariant{}, false
	}
	for _, v := range spellingVariantsByFirst[r] {
		if !strings.HasPrefix(s, v.from) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[len(v.from):])
		if v.ok == nil || v.ok(prev, next) {
			return v, true
		}
	}
	return spellingVariant{}, false
}

// nextIn accepts a variant when the rune after it is one of runes.
func nextIn(runes string) func(prev, next rune) bool {
	return func(_, next rune) bool { return strings.ContainsRune(runes, next) }
}

// verbStem accepts a variant that starts a word, not after a kanji,
// followed by one of runes: the 解 of 解る but not of 了解っす.
func verbStem(runes string) func(prev, next rune) bool {
	return func(prev, next rune) bool {
		return !unicode.Is(unicode.Han, prev) && strings.ContainsRune(runes, next)
	}
}

// nextHiragana accepts a variant followed by hiragana (okurigana).
func nextHiragana(_, next rune) bool { return isHiraganaRune(next) }

// kanaAround accepts a kanji written where kana is usual: after hiragana
// and not followed by another kanji (the 事 of する事 but not of 仕事, 事務).
func kanaAround(prev, next rune) bool {
	return isHiraganaRune(prev) && !unicode.Is(unicode.Han, next)
}

// notAfterNumeral rejects a variant right after a number (3分かかる).
func notAfterNumeral(prev, _ rune) bool { return !isNumeralRune(prev) }

// counterAfterNumeral accepts け or 箇 between a number and a counter
// (3ケ月, 何箇所).
func counterAfterNumeral(prev, next rune) bool {
	return isNumeralRune(prev) && strings.ContainsRune("月所国年条", next)
}

// isNumeralRune reports whether r is a digit or a kanji that counts.
func isNumeralRune(r rune) bool {
	return r >= '0' && r <= '9' || strings.ContainsRune("何数幾一二三四五六七八九十百千", r)
}

// isHiraganaRune reports whether r is hiragana (not the long-vowel mark).
func isHiraganaRune(r rune) bool { return r >= 'ぁ' && r <= 'ゖ' }
