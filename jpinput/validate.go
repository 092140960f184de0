package jpinput

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// InvalidInputError is a validation failure with a message meant for the candidate.
type InvalidInputError struct{ Message string }

// Error returns the message for the candidate: one polite Japanese line
// with an example of a valid answer.
func (e *InvalidInputError) Error() string { return e.Message }

// invalidInput returns an *InvalidInputError carrying msg.
func invalidInput(msg string) error { return &InvalidInputError{Message: msg} }

// Messages shown to candidates when an answer is rejected: one short line,
// です・ます, with an example.
const (
	nameMsgEmpty   = "お名前を入力してください。例：北見 太郎"
	nameMsgInvalid = "お名前に使えない文字が含まれているようです。例：北見 太郎"
	nameMsgDigit   = "お名前に数字は使えません。例：北見 太郎"
	nameMsgURL     = "お名前にはURLやメールアドレスを含めないでください。例：北見 太郎"
	nameMsgTooLong = "お名前は50文字以内で入力してください。例：北見 太郎"
	nameMsgLead    = "お名前は記号ではなく文字から入力してください。例：北見 太郎"

	kanaMsgEmpty   = "フリガナを入力してください。例：キタミ タロウ"
	kanaMsgInvalid = "フリガナはカタカナ（またはひらがな）で入力してください。例：キタミ タロウ"
	kanaMsgTooLong = "フリガナは50文字以内で入力してください。例：キタミ タロウ"

	emailMsgEmpty   = "メールアドレスを入力してください。例：taro@example.com"
	emailMsgNoAt    = "メールアドレスに「@」が見つからないようです。例：taro@example.com"
	emailMsgInvalid = "メールアドレスの形式が正しくないようです。例：taro@example.com"
	emailMsgLead    = "メールアドレスの先頭に「=」「+」「-」「@」は使えません。例：taro@example.com"
)

// maxFormInputBytes bounds what any validator looks at; a longer answer is
// rejected before any work is done on it.
const maxFormInputBytes = 1024

// maxNameRunes is the longest accepted name or フリガナ, in characters.
const maxNameRunes = 50

// ideographicSpace (U+3000) separates family and given name in stored names.
const ideographicSpace = "\u3000"

// cleanFormInput prepares an answer for validation: it drops invisible
// format characters (zero-width space, BOM, soft hyphen...) and applies
// NFKC, which turns full-width latin, digits and punctuation into ASCII,
// half-width kana into full-width (dakuten joined) and U+3000 into a space.
// ok is false for invalid UTF-8 or an answer longer than maxFormInputBytes.
func cleanFormInput(s string) (t string, ok bool) {
	if len(s) > maxFormInputBytes || !utf8.ValidString(s) {
		return "", false
	}
	s = strings.Map(func(r rune) rune {
		if isInvisibleFormat(r) {
			return -1
		}
		return r
	}, s)
	return norm.NFKC.String(s), true
}

// isInvisibleFormat reports whether r is an invisible character that
// copy-paste and phone keyboards leave in text and that no answer needs.
func isInvisibleFormat(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// formFields splits s at runs of white space of any kind (ASCII, U+3000,
// tabs, newlines).
func formFields(s string) []string {
	return strings.FieldsFunc(s, unicode.IsSpace)
}

// NormalizeName validates and normalises a candidate's name (氏名).
//
// It applies NFKC, trims, and collapses any run of white space to one
// full-width space (U+3000), so "北見   太郎" and "北見　太郎" are both stored
// as "北見　太郎". The name must be 1–50 characters and contain a letter
// (kanji, kana, latin or another script); digits, URLs, "@", emoji, symbols
// and control characters are rejected. Apostrophes, hyphens, "・", "=" and a
// dot ending an initial ("J. Smith") are allowed for non-Japanese names,
// but a hyphen, "=" or "・" joins two parts and never starts one: "=cmd"
// and "-Smith" are rejected (a spreadsheet would read them as formulas).
// The error is an *InvalidInputError.
func NormalizeName(s string) (string, error) {
	if len(s) > maxFormInputBytes {
		return "", invalidInput(nameMsgTooLong)
	}
	t, ok := cleanFormInput(s)
	if !ok {
		return "", invalidInput(nameMsgInvalid)
	}
	words := formFields(t)
	if len(words) == 0 {
		return "", invalidInput(nameMsgEmpty)
	}
	if strings.ContainsRune(t, '@') || strings.Contains(t, "://") || strings.Contains(strings.ToLower(t), "www.") {
		return "", invalidInput(nameMsgURL)
	}
	hasLetter := false
	for _, w := range words {
		if isNameJoiner(firstRune(w)) {
			return "", invalidInput(nameMsgLead)
		}
		var prev rune // 0 at the start of a word
		for _, r := range w {
			switch {
			case unicode.IsLetter(r):
				if prev == '.' {
					return "", invalidInput(nameMsgInvalid) // "example.com", not an initial
				}
				hasLetter = true
			case unicode.IsMark(r):
				// A combining mark (variation selector, accent) belongs
				// to the letter before it.
				if prev == 0 || !(unicode.IsLetter(prev) || unicode.IsMark(prev)) {
					return "", invalidInput(nameMsgInvalid)
				}
			case unicode.IsNumber(r):
				return "", invalidInput(nameMsgDigit)
			case isNamePunct(r):
			default: // symbols, emoji, controls, other punctuation
				return "", invalidInput(nameMsgInvalid)
			}
			prev = r
		}
	}
	if !hasLetter {
		return "", invalidInput(nameMsgInvalid)
	}
	name := strings.Join(words, ideographicSpace)
	if utf8.RuneCountInString(name) > maxNameRunes {
		return "", invalidInput(nameMsgTooLong)
	}
	return name, nil
}

// isNamePunct reports whether r is punctuation found in real names:
// O'Brien, Mary-Jane, ジョン・スミス, ジャン＝ポール, J. Smith.
func isNamePunct(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', '・', '=', '゠':
		return true
	}
	return false
}

// isNameJoiner reports whether r is name punctuation that joins two parts
// of a name (Mary-Jane, ジャン＝ポール, ジョン・スミス) and so cannot start one.
func isNameJoiner(r rune) bool {
	switch r {
	case '-', '=', '゠', '・':
		return true
	}
	return false
}

// firstRune is the first rune of s (utf8.RuneError for an empty s).
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// NormalizeKana validates and normalises a name's reading (フリガナ) to
// full-width katakana.
//
// Hiragana becomes katakana and half-width katakana full-width (ｶﾞ → ガ);
// the long-vowel mark ー is kept and other dashes and wave dashes after a
// kana (‐ - − － ｰ ～) become ー; runs of white space become one U+3000.
// Only katakana, ー, ・ and spaces are accepted: 「ほっかい たろう」 is stored
// as 「ホッカイ　タロウ」. The error is an *InvalidInputError.
func NormalizeKana(s string) (string, error) {
	if len(s) > maxFormInputBytes {
		return "", invalidInput(kanaMsgTooLong)
	}
	if !utf8.ValidString(s) {
		return "", invalidInput(kanaMsgInvalid)
	}
	// Spacing (voiced) sound marks typed after a kana: make them
	// combining so NFKC joins them (か゛ → が) instead of splitting them
	// off with a space.
	s = strings.NewReplacer("゛", "\u3099", "゜", "\u309A").Replace(s)
	t, ok := cleanFormInput(s)
	if !ok {
		return "", invalidInput(kanaMsgInvalid)
	}
	t = strings.Map(hiraganaToKatakana, t)
	t = norm.NFC.String(t) // ワ + ゛ has only a katakana composite (ヷ)
	words := formFields(t)
	if len(words) == 0 {
		return "", invalidInput(kanaMsgEmpty)
	}
	var b strings.Builder
	b.Grow(len(t) + 2*len(words))
	hasKana := false
	for i, w := range words {
		if i > 0 {
			b.WriteString(ideographicSpace)
		}
		var prev rune // 0 at the start of a word
		for _, r := range w {
			switch {
			case isKatakanaLetter(r):
				hasKana = true
			case isKanaDash(r):
				if !isKatakanaLetter(prev) && prev != 'ー' {
					return "", invalidInput(kanaMsgInvalid)
				}
				r = 'ー'
			case r == '・' || r == '·':
				r = '・'
			default:
				return "", invalidInput(kanaMsgInvalid)
			}
			b.WriteRune(r)
			prev = r
		}
	}
	if !hasKana {
		return "", invalidInput(kanaMsgInvalid)
	}
	kana := b.String()
	if utf8.RuneCountInString(kana) > maxNameRunes {
		return "", invalidInput(kanaMsgTooLong)
	}
	return kana, nil
}

// hiraganaToKatakana maps a hiragana letter or iteration mark to its
// katakana; other runes are returned unchanged.
func hiraganaToKatakana(r rune) rune {
	switch {
	case r >= 'ぁ' && r <= 'ゖ':
		return r + ('ァ' - 'ぁ')
	case r == 'ゝ' || r == 'ゞ':
		return r + ('ヽ' - 'ゝ')
	}
	return r
}

// isKatakanaLetter reports whether r is a full-width katakana letter or
// iteration mark (not ー or ・).
func isKatakanaLetter(r rune) bool {
	return r >= 'ァ' && r <= 'ヺ' || r == 'ヽ' || r == 'ヾ' ||
		r >= '\u31F0' && r <= '\u31FF' // small katakana for Ainu: ㇰ ㇱ ㇲ ...
}

// isKanaDash reports whether r, after NFKC, is a long-vowel mark, a dash or
// a wave dash that a student may type for ー.
func isKanaDash(r rune) bool {
	switch r {
	case 'ー', '-', '‐', '‑', '‒', '–', '—', '―', '−', '~', '〜', '〰', '⁓':
		return true
	}
	return false
}

// NormalizeEmail validates and normalises an e-mail address.
//
// It applies NFKC (full-width ＠ and letters), removes white space, a
// "mailto:" prefix and a trailing 。, and lower-cases the domain; the local
// part is kept as typed. The local part must be 1–64 characters of
// [A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]; consecutive and trailing dots are allowed
// because Japanese carriers issued such addresses ("taro..k.@docomo.ne.jp").
// The domain needs at least two labels of [a-z0-9-] and an alphabetic
// top-level domain of two or more letters; the whole address is at most 254
// characters. A local part starting with "=", "+", "-" or "@" is rejected:
// no real address starts so, and a spreadsheet would read it as a formula.
// The error is an *InvalidInputError.
func NormalizeEmail(s string) (string, error) {
	t, ok := cleanFormInput(s)
	if !ok {
		return "", invalidInput(emailMsgInvalid)
	}
	t = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, t)
	for strings.HasSuffix(t, "。") {
		t = strings.TrimSuffix(t, "。")
	}
	if len(t) >= len("mailto:") && strings.EqualFold(t[:len("mailto:")], "mailto:") {
		t = t[len("mailto:"):]
	}
	if t == "" {
		return "", invalidInput(emailMsgEmpty)
	}
	if strings.IndexByte("=+-@", t[0]) >= 0 {
		return "", invalidInput(emailMsgLead)
	}
	local, domain, found := strings.Cut(t, "@")
	if !found {
		return "", invalidInput(emailMsgNoAt)
	}
	domain = strings.ToLower(domain)
	if !validEmailLocal(local) || !validEmailDomain(domain) || len(local)+1+len(domain) > 254 {
		return "", invalidInput(emailMsgInvalid)
	}
	return local + "@" + domain, nil
}

// validEmailLocal reports whether local is 1–64 characters of the atext
// set plus dots, anywhere.
func validEmailLocal(local string) bool {
	if len(local) == 0 || len(local) > 64 {
		return false
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte(".!#$%&'*+/=?^_`{|}~-", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// validEmailDomain reports whether domain (lower case) is a host name with
// at least two labels and an alphabetic top-level domain.
func validEmailDomain(domain string) bool {
	if len(domain) > 253 {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if tld[i] < 'a' || tld[i] > 'z' {
			return false
		}
	}
	return true
}
