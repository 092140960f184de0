package bot

import "slices"

// A preMatch is the FAQ match of an event's text made before the event's
// turn, outside the fast lane's transaction: matching is the costliest
// part of a turn and needs nothing the transaction reads, so each webhook
// request matches its own events, in parallel with the others and while
// earlier batches hold their transactions. The turn uses it only when it
// asks for the same text against the same index; otherwise (the FAQ was
// edited in between, or the text is a form answer) it matches again.
type preMatch struct {
	index *Index
	text  string
	match Match
}

// matchFor returns the match made beforehand for text against index, if
// there is one.
func (p *preMatch) matchFor(index *Index, text string) (Match, bool) {
	if p == nil || p.index != index || p.text != text {
		return Match{}, false
	}
	return p.match, true
}

// prematch returns events with the FAQ match of each plain text message
// the fast lane may answer made beforehand (a copy: the caller's slice is
// left as it was). Texts that name a command are not matched: their turns
// never ask the FAQ. Under a backlog nothing is: the lane only stores.
func (w *Worker) prematch(events []Event) []Event {
	if w.backlog.Load() {
		return events
	}
	var index *Index
	var out []Event
	for i, ev := range events {
		in := ev.Incoming
		if in.Kind != KindMessage || in.Text == "" || detectIntent(in.Text) != intentNone || !w.eager(ev) {
			continue
		}
		if index == nil {
			index, out = w.cfg.Engine.Answerer().Index(), slices.Clone(events)
		}
		out[i].pre = &preMatch{index: index, text: in.Text, match: index.Match(in.Text)}
	}
	if out == nil {
		return events
	}
	return out
}
