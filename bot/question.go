package bot

import "strings"

// isClearQuestion reports whether text is unmistakably a question: a
// question mark or a polite question ending.
func isClearQuestion(text string) bool {
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, "?？") {
		return true
	}
	for _, end := range []string{"ですか", "ますか", "でしょうか", "って何", "ってなに", "とは"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// looksLikeQuestion reports whether text reads as a question rather than an
// answer to a form field.
func looksLikeQuestion(text string) bool {
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, "?？") {
		return true
	}
	for _, end := range []string{"ですか", "ますか", "でしょうか", "か", "って何", "ってなに", "とは", "の", "って"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}
