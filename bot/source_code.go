package bot

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// sourceCodeRe is a code as the store keeps it: one capital letter and
// four digits.
var sourceCodeRe = regexp.MustCompile(`^[A-Z][0-9]{4}$`)

// ValidSourceCode reports whether code is a code as stored (K0612).
func ValidSourceCode(code string) bool { return sourceCodeRe.MatchString(code) }

// NormalizeSourceCode returns code as stored: half-width (NFKC), upper
// case, without a leading # (or ＃, ♯) and spaces. Whether the result is
// a valid code is ValidSourceCode's to say.
func NormalizeSourceCode(code string) string {
	code = strings.ToUpper(norm.NFKC.String(code))
	code = strings.Join(strings.Fields(code), "")
	return strings.TrimLeft(code, "#♯")
}

// codeInTextRe finds a code a student sent in a message (after NFKC, so
// ＃ｋ０６１２ reads #k0612): # (or ♯, which some keyboards offer for
// it), the letter and four digits not followed by a fifth, anywhere in
// the text.
var codeInTextRe = regexp.MustCompile(`[#♯]\s?([A-Za-z])\s?([0-9]{4})(?:[^0-9]|$)`)

// FindSourceCode returns the code carried by a student's message, as
// stored (K0612), and whether there is one. The rest of the text is not
// looked at: the student may have edited it.
func FindSourceCode(text string) (string, bool) {
	m := codeInTextRe.FindStringSubmatch(norm.NFKC.String(text))
	if m == nil {
		return "", false
	}
	return strings.ToUpper(m[1]) + m[2], true
}
