package jpinput

import (
	"strings"
	"unicode/utf8"
)

// CleanText returns text received from a chat channel as it may be stored
// and shown: NUL and the other C0 and C1 control characters and DEL are
// removed, except the line feed; a tab becomes a space and a carriage
// return a line feed (CRLF one line feed); the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make
// text read differently from what it holds, are removed; invalid UTF-8
// becomes U+FFFD. Everything else, white space and emoji included, is kept
// as sent. Channels apply it to every text where they build events, before
// anything is stored (PostgreSQL refuses NUL in text).
func CleanText(s string) string {
	i := firstUnclean(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	s = s[i:]
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r':
			b.WriteByte('\n')
			if len(s) > 0 && s[0] == '\n' {
				s = s[1:]
			}
		case r == '\n' || !removed(r):
			b.WriteRune(r) // utf8.RuneError for an invalid byte
		}
	}
	return b.String()
}

// firstUnclean is the byte offset of the first rune CleanText changes, or
// -1 when there is none.
func firstUnclean(s string) int {
	for i, r := range s {
		if r == '\t' || r == '\r' || r != '\n' && removed(r) {
			return i
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

// removed reports whether CleanText drops r: a control character (C0,
// DEL, C1) or a bidirectional embedding, override or isolate.
func removed(r rune) bool {
	return r < 0x20 || r >= 0x7F && r <= 0x9F ||
		r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}
