package slack

import (
	"slices"
	"strings"

	"github.com/sakemodel/sakebot/faq"
	"github.com/slack-go/slack"
)

// modalMeta travels in the modal's private_metadata (within maxMetadata):
// which entry, at which version, or which unanswered question it is made
// from, and how the boxes were laid out.
type modalMeta struct {
	ID      string   `json:"id,omitempty"`
	Version int      `json:"v,omitempty"`
	MissID  int64    `json:"miss,omitempty"`
	Boxes   int      `json:"alts,omitempty"` // alternatives boxes, when more than one
	Keep    []string `json:"keep,omitempty"` // fields not offered: saving keeps them as stored
}

// kept reports whether the modal did not offer field, an entry's field too
// long to show whole, so that saving keeps its stored value.
func (m modalMeta) kept(field string) bool {
	return m.ID != "" && slices.Contains(m.Keep, field)
}

// topBlock is the first input block of the modal, where an error that
// belongs to no box is shown.
func (m modalMeta) topBlock() string {
	for _, field := range []string{blockQuestion, blockAlternatives, blockAnswer, blockCategory} {
		if !m.kept(field) {
			return field
		}
	}
	return blockQuestion
}

// keepStored returns the stored entry with the fields the modal offered
// replaced by the edited ones; the others (keywords, enabled, offer_person,
// and any field too long to offer) stay as stored.
func (m modalMeta) keepStored(stored, edited faq.FAQ) faq.FAQ {
	f := stored
	if !m.kept(blockQuestion) {
		f.Question = edited.Question
	}
	if !m.kept(blockAlternatives) {
		f.Alternatives = edited.Alternatives
	}
	if !m.kept(blockAnswer) {
		f.Answer = edited.Answer
	}
	if !m.kept(blockCategory) {
		f.Category = edited.Category
	}
	f.UpdatedBy = edited.UpdatedBy
	return f
}

// submittedFAQ reads the modal's boxes and checks them with faq.Validate;
// errs, keyed by block id, says what to fix (in Japanese, the first problem
// of each box), as the admin page does. The fields the modal did not offer
// are left empty and not checked: saving keeps them as stored.
func submittedFAQ(state *slack.ViewState, meta modalMeta) (f faq.FAQ, errs map[string]string) {
	alts, from := submittedAlternatives(state, meta.Boxes)
	f = faq.FAQ{Question: stateValue(state, blockQuestion), Answer: stateValue(state, blockAnswer),
		Category: stateValue(state, blockCategory), Alternatives: alts, Enabled: true}
	errs = map[string]string{}
	for _, p := range faq.Validate(f) {
		if meta.kept(p.Field) {
			continue
		}
		block := p.Field
		switch {
		case p.Field == blockAlternatives && p.Item > 0 && p.Item <= len(from):
			block = from[p.Item-1] // the box the line is in
		case !slices.Contains([]string{blockQuestion, blockAlternatives, blockAnswer, blockCategory}, block):
			block = meta.topBlock() // not in the modal (it has none such): shown at the top
		}
		if _, said := errs[block]; !said {
			errs[block] = p.Message
		}
	}
	return f, errs
}

// stateValue is the trimmed text of a box of a submission ("" when the
// box is not there).
func stateValue(state *slack.ViewState, block string) string {
	if state == nil {
		return ""
	}
	return strings.TrimSpace(state.Values[block][inputAction].Value)
}
