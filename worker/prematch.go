package worker

import (
	"slices"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// prematch returns events with the FAQ match of each plain text message
// the fast lane may answer made beforehand (a copy: the caller's slice is
// left as it was). Texts that name a command are not matched: their turns
// never ask the FAQ. Under a backlog nothing is: the lane only stores.
func (w *Worker) prematch(events []Event) []Event {
	if w.backlog.Load() {
		return events
	}
	var index *faq.Index
	var out []Event
	for i, ev := range events {
		in := ev.Incoming
		if in.Kind != bot.KindMessage || in.Text == "" || bot.IsRequest(in.Text) || !w.eager(ev) {
			continue
		}
		if index == nil {
			index, out = w.cfg.Engine.Answerer().Index(), slices.Clone(events)
		}
		out[i].pre = &bot.Prematch{Index: index, Text: in.Text, Match: index.Match(in.Text)}
	}
	if out == nil {
		return events
	}
	return out
}
