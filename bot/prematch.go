package bot

import "github.com/sakemodel/sakebot/faq"

// Prematch is the FAQ match of a message's text made before its turn,
// outside any transaction: matching is the costliest part of a turn and
// needs nothing the transaction reads, so the worker's fast lane matches
// each webhook request's messages in parallel with the others and while
// earlier batches hold their transactions. The turn uses it only when it
// asks for the same text against the same index; otherwise (the FAQ was
// edited in between, or the text is a form answer) it matches again.
type Prematch struct {
	Index *faq.Index
	Text  string
	Match faq.Match
}

// matchFor returns the match made beforehand for text against index, if
// there is one.
func (p *Prematch) matchFor(index *faq.Index, text string) (faq.Match, bool) {
	if p == nil || p.Index != index || p.Text != text {
		return faq.Match{}, false
	}
	return p.Match, true
}

// IsRequest reports whether text as a whole names a request (apply,
// status, a person, …): such a text is never matched against the FAQ.
func IsRequest(text string) bool { return detectIntent(text) != intentNone }
