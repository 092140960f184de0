package jpinput

import (
	"strings"
	"unicode"
)

// Messages shown when a phone number is rejected.
const (
	phoneMsgEmpty   = "電話番号を入力してください。例：090-1234-5678"
	phoneMsgInvalid = "電話番号の形式が正しくないようです。例：090-1234-5678"
	phoneMsgForeign = "日本国内の電話番号を入力してください。例：090-1234-5678"
)

// phoneMaxDigits bounds the digits of an answer: a national number has at
// most 11, plus 81 and a (0) for the country code.
const phoneMaxDigits = 14

// phone11Prefixes are the prefixes of 11-digit numbers: mobile (070, 080,
// 090), IP phone (050), the new 060 and M2M (020); 0800 free dial starts
// with 080 too.
var phone11Prefixes = []string{"070", "080", "090", "060", "050", "020"}

// NormalizePhone validates a Japanese phone number however a phone keyboard
// typed it and returns the national digits only, e.g. "09012345678".
//
// Full-width digits, hyphens and long-vowel marks of any kind, dots, spaces
// and parentheses are accepted, as is a leading +81 or 81 with or without
// a following (0). Valid numbers are 11 digits starting 070, 080, 090,
// 060, 050 or 020 (0800 free dial included), and 10 digits starting 0 but
// not 00 (landlines such as 0157-23-4567, 0120 free dial); a 10-digit
// number with a mobile prefix is a typo and rejected. The error is an
// *InvalidInputError.
func NormalizePhone(s string) (string, error) {
	t, ok := cleanFormInput(s)
	if !ok {
		return "", invalidInput(phoneMsgInvalid)
	}
	if strings.TrimFunc(t, func(r rune) bool { return unicode.IsSpace(r) || isPhoneSeparator(r) }) == "" {
		return "", invalidInput(phoneMsgEmpty)
	}
	digits := make([]byte, 0, phoneMaxDigits)
	plus := false
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			if len(digits) == phoneMaxDigits {
				return "", invalidInput(phoneMsgInvalid)
			}
			digits = append(digits, byte(r))
		case r == '+':
			if plus || len(digits) > 0 {
				return "", invalidInput(phoneMsgInvalid)
			}
			plus = true
		case unicode.IsSpace(r) || isPhoneSeparator(r):
		default: // letters, other symbols
			return "", invalidInput(phoneMsgInvalid)
		}
	}
	d := string(digits)
	switch {
	case plus && !strings.HasPrefix(d, "81"):
		if d == "" {
			return "", invalidInput(phoneMsgInvalid)
		}
		return "", invalidInput(phoneMsgForeign)
	case plus || strings.HasPrefix(d, "81"):
		// +81 90-..., 81 90-..., +81 (0)90-...: the national number
		// follows the country code, with its leading 0 typed or not.
		d = d[len("81"):]
		if !strings.HasPrefix(d, "0") {
			d = "0" + d
		}
	}
	if !validNationalPhone(d) {
		return "", invalidInput(phoneMsgInvalid)
	}
	return d, nil
}

// isPhoneSeparator reports whether r, after NFKC, is a character people put
// between the digits of a phone number: hyphens, dashes, long-vowel marks,
// parentheses and dots.
func isPhoneSeparator(r rune) bool {
	switch r {
	case '-', 'ー', '−', '‐', '‑', '‒', '–', '—', '―', '(', ')', '.':
		return true
	}
	return false
}

// validNationalPhone reports whether d is a plausible national Japanese
// number: ASCII digits only, 11 digits with an 11-digit prefix, or 10
// digits starting 0, not 00 and not a mobile prefix (except 0800).
func validNationalPhone(d string) bool {
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	switch len(d) {
	case 11:
		return hasAnyPrefix(d, phone11Prefixes...)
	case 10:
		if d[0] != '0' || d[1] == '0' {
			return false
		}
		return strings.HasPrefix(d, "0800") || !hasAnyPrefix(d, phone11Prefixes...)
	}
	return false
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// FormatPhone formats national digits as returned by NormalizePhone for
// people and spreadsheets: 11-digit numbers as 3-4-4 (090-1234-5678), 0800
// free dial as 4-3-4, 10-digit 0120, 0800, 0570 and 0990 numbers as 4-3-3
// (0120-123-456), Tokyo (03) and Osaka (06) as 2-4-4, and other landlines
// as 4-2-4 (0157-23-4567), an approximation since area codes vary in
// length. Input that is not a valid national number is returned unchanged.
func FormatPhone(national string) string {
	d := national
	if !validNationalPhone(d) {
		return national
	}
	split := func(a, b int) string { return d[:a] + "-" + d[a:a+b] + "-" + d[a+b:] }
	switch {
	case len(d) == 11 && strings.HasPrefix(d, "0800"):
		return split(4, 3)
	case len(d) == 11:
		return split(3, 4)
	case hasAnyPrefix(d, "0120", "0800", "0570", "0990"):
		return split(4, 3)
	case hasAnyPrefix(d, "03", "06"):
		return split(2, 4)
	default:
		return split(4, 2)
	}
}
