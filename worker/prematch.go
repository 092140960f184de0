package worker

import (
	"slices"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// prematch returns events with each plain text message the fast lane may
// answer read beforehand (see bot.Prematch; a copy: the caller's slice is
// left as it was). Under a backlog nothing is: the lane only stores.
func (w *Worker) prematch(events []Event) []Event {
	if w.backlog.Load() {
		return events
	}
	var index *faq.Index
	var out []Event
	for i, ev := range events {
		in := ev.Incoming
		if in.Kind != bot.KindMessage || in.Text == "" || !w.eager(ev) {
			continue
		}
		if index == nil {
			index, out = w.cfg.Engine.Answerer().Index(), slices.Clone(events)
		}
		out[i].pre = bot.NewPrematch(index, in.Text)
	}
	if out == nil {
		return events
	}
	return out
}
