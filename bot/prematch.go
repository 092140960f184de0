package bot

import "github.com/sakemodel/sakebot/faq"

// Prematch is a message's text read before its turn, outside any
// transaction: the request it makes and its FAQ match. Reading is the
// costliest part of a turn and needs nothing the transaction reads, so the
// worker's fast lane reads each webhook request's messages in parallel
// with the others and while earlier batches hold their transactions. The
// turn uses the reading only for the same text, and the match only against
// the same index; otherwise (the FAQ was edited in between) it matches
// again. A short command is not matched: its turn never asks the FAQ.
type Prematch struct {
	Index   *faq.Index // nil when the text was not matched
	Text    string
	Match   faq.Match
	request request
}

// NewPrematch reads text before its turn, matching it against index.
func NewPrematch(index *faq.Index, text string) *Prematch {
	p := &Prematch{Text: text, request: readRequest(text)}
	if p.request.score < exactScore || p.request.rest != "" {
		p.Index, p.Match = index, index.Match(text)
	}
	return p
}

// matchFor returns the match made beforehand for text against index, if
// there is one.
func (p *Prematch) matchFor(index *faq.Index, text string) (faq.Match, bool) {
	if p == nil || p.Index == nil || p.Index != index || p.Text != text {
		return faq.Match{}, false
	}
	return p.Match, true
}

// requestFor returns the request read beforehand in text, if it was.
func (p *Prematch) requestFor(text string) (request, bool) {
	if p == nil || p.Text != text {
		return request{}, false
	}
	return p.request, true
}
