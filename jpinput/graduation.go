package jpinput

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Messages shown when a graduation date is rejected.
const (
	gradMsgEmpty   = "卒業（予定）年月を入力してください。例：2027年3月"
	gradMsgInvalid = "卒業（予定）年月をご確認ください。例：2027年3月"
	gradMsgNoMonth = "卒業（予定）の月も入力してください。例：2027年3月"
	gradMsgMonth   = "月は1〜12の数字で入力してください。例：2027年3月"
)

// Plausible graduation years, relative to the current year.
const (
	gradYearsBack  = 10
	gradYearsAhead = 6
)

var (
	// gradYearMonthRe matches a year, a separator and a month, once spaces
	// and suffixes are gone: 2027年3月, 2027/03, 27.3, 令和9年3月, R9.3.
	gradYearMonthRe = regexp.MustCompile(`^(?:(令和|R|平成|H)(元|[0-9]{1,2})|([0-9]{4}|[0-9]{2}))(?:年|[./,、-])([0-9]{1,2})月?$`)
	// gradCompactRe matches YYYYMM.
	gradCompactRe = regexp.MustCompile(`^([0-9]{4})([0-9]{2})$`)
	// gradYearOnlyRe matches a year with no month: 2027年, 27卒, R9.
	gradYearOnlyRe = regexp.MustCompile(`^(?:(令和|R|平成|H)(元|[0-9]{1,2})|([0-9]{4}|[0-9]{2}))年?$`)
)

// gradSuffixes are words that may follow the date and are dropped,
// repeatedly, so 「2027年3月卒業予定です。」 is 2027年3月.
var gradSuffixes = []string{"。", ".", "です", "予定", "見込み", "見込", "卒業", "修了", "卒", "頃", "ごろ", "末"}

// ParseGraduation parses a graduation (or expected graduation) year and
// month as students type it and returns it as "YYYY-MM".
//
// Accepted: 2027年3月, 2027年03月, 2027/3, 2027/03, 2027-03, 2027.3, 202703,
// 27年3月 (two-digit years are 20YY), suffixes such as 卒, 卒業予定, 修了見込み,
// the Reiwa era (令和9年3月, 令和元年 = 2019, R9.3, R9年3月) and Heisei (平成,
// H), full-width digits, and spaces anywhere. The month must be 1–12 and the
// year between now.Year()-10 and now.Year()+6 inclusive. The error is an
// *InvalidInputError.
func ParseGraduation(s string, now time.Time) (string, error) {
	t, ok := cleanFormInput(s)
	if !ok {
		return "", invalidInput(gradMsgInvalid)
	}
	t = strings.ToUpper(strings.Map(func(r rune) rune {
		if isKanaDash(r) {
			return '-'
		}
		return r
	}, t))
	if strings.TrimFunc(t, unicode.IsSpace) == "" {
		return "", invalidInput(gradMsgEmpty)
	}
	// First with every space dropped ("2027 年 3 月", "2027 03"); failing
	// that, with a space between two digits read as a separator ("2027 3").
	year, month, found := parseGradCompact(dropGradSpaces(t, false))
	if found == gradNoMatch {
		year, month, found = parseGradCompact(dropGradSpaces(t, true))
	}
	if found == gradNoMatch {
		return "", invalidInput(gradMsgInvalid)
	}
	if year < now.Year()-gradYearsBack || year > now.Year()+gradYearsAhead {
		return "", invalidInput(gradMsgInvalid)
	}
	if found == gradYearOnly {
		return "", invalidInput(gradMsgNoMonth)
	}
	if month < 1 || month > 12 {
		return "", invalidInput(gradMsgMonth)
	}
	return fmt.Sprintf("%04d-%02d", year, month), nil
}

// gradMatch is how much of a graduation date parseGradCompact found.
type gradMatch int

const (
	gradNoMatch   gradMatch = iota // not a date
	gradYearOnly                   // a year but no month
	gradYearMonth                  // a year and a month
)

// dropGradSpaces removes white space from s; with digitSep, white space
// between two digits becomes "/" instead.
func dropGradSpaces(s string, digitSep bool) string {
	var b strings.Builder
	b.Grow(len(s))
	var last rune
	pending := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			pending = true
			continue
		}
		if pending && digitSep && isASCIIDigit(last) && isASCIIDigit(r) {
			b.WriteByte('/')
		}
		pending = false
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// isASCIIDigit reports whether r is 0-9.
func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// parseGradCompact parses a graduation date without spaces. It returns the
// Gregorian year, the month (unchecked) and what it found; an era year
// that does not exist (令和0年, 平成32年) is no match.
func parseGradCompact(t string) (year, month int, found gradMatch) {
	for changed := true; changed; {
		changed = false
		for _, suf := range gradSuffixes {
			if strings.HasSuffix(t, suf) {
				t = strings.TrimSuffix(t, suf)
				changed = true
			}
		}
	}
	if m := gradCompactRe.FindStringSubmatch(t); m != nil {
		year, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
		return year, month, gradYearMonth
	}
	m := gradYearMonthRe.FindStringSubmatch(t)
	found = gradYearMonth
	if m == nil {
		m = gradYearOnlyRe.FindStringSubmatch(t)
		found = gradYearOnly
		if m == nil {
			return 0, 0, gradNoMatch
		}
	}
	year, ok := gradYear(m[1], m[2], m[3])
	if !ok {
		return 0, 0, gradNoMatch
	}
	if found == gradYearMonth {
		month, _ = strconv.Atoi(m[4])
	}
	return year, month, found
}

// gradYear converts a matched year to the Gregorian calendar: an era and
// its year (元 is 1), or a western year of four or two (20YY) digits.
func gradYear(era, eraYear, western string) (int, bool) {
	if era == "" {
		y, _ := strconv.Atoi(western)
		if len(western) == 2 {
			y += 2000
		}
		return y, true
	}
	n := 1
	if eraYear != "元" {
		n, _ = strconv.Atoi(eraYear)
	}
	switch era {
	case "令和", "R":
		return 2018 + n, n >= 1
	default: // 平成, H
		return 1988 + n, n >= 1 && n <= 31
	}
}
