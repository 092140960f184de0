package faqfile

import "github.com/sakemodel/sakebot/faq"

// spot is a value in an entry: a key, or with item > 0 the item-th
// (1-based) item of a list.
type spot struct {
	key  string
	item int
}

// places is where the values of one entry are in the file, so that the
// problems faq.Validate finds can be given their lines.
type places struct {
	lines map[spot]int  // the line of each value
	bad   map[spot]bool // values already reported as not text or not a list
}

// newPlaces returns empty places for an entry.
func newPlaces() *places {
	return &places{lines: map[spot]int{}, bad: map[spot]bool{}}
}

// validate reports what faq.Validate finds wrong with f, at the line of the
// value concerned (entryLine for a missing key), in this format's words.
// A value already reported as not being text is not reported again.
func (d *decoder) validate(f faq.FAQ, entryLine int, e *places) {
	d.reportProblems(faq.Validate(f), entryLine, e, f.ID)
}

// validateConcept reports what faq.ValidateConcept finds wrong with c, as
// validate does for an entry.
func (d *decoder) validateConcept(c faq.Concept, conceptLine int, e *places) {
	d.reportProblems(faq.ValidateConcept(c), conceptLine, e, "")
}

// reportProblems reports the problems of the entry or concept at
// entryLine, with id the entry's id.
func (d *decoder) reportProblems(ps []faq.Problem, entryLine int, e *places, id string) {
	for _, p := range ps {
		at := spot{p.Field, p.Item}
		if e.bad[at] || e.bad[spot{p.Field, 0}] {
			continue
		}
		line, present := e.lines[at]
		if !present {
			line = entryLine
		}
		switch {
		case p.Rule == faq.Required && p.Item > 0:
			d.report(line, p.Field, "item %d must not be empty", p.Item)
		case p.Rule == faq.Required && present:
			d.report(line, p.Field, "must not be empty")
		case p.Rule == faq.Required:
			d.report(line, p.Field, "is required")
		case p.Rule == faq.TooLong && p.Item > 0:
			d.report(line, p.Field, "item %d must be at most %d characters (it has %d)", p.Item, p.Limit, p.Count)
		case p.Rule == faq.TooLong:
			d.report(line, p.Field, "must be at most %d characters (it has %d)", p.Limit, p.Count)
		case p.Rule == faq.TooMany:
			d.report(line, p.Field, "must have at most %d items (it has %d)", p.Limit, p.Count)
		case p.Rule == faq.TooFew && !present:
			d.report(line, p.Field, "is required: a list of at least %d words that mean the same", p.Limit)
		case p.Rule == faq.TooFew:
			d.report(line, p.Field, "must have at least %d different words (it has %d)", p.Limit, p.Count)
		case p.Rule == faq.Duplicate:
			d.report(line, p.Field, "item %d is the same as item %d", p.Item, p.Count)
		case p.Rule == faq.ControlChar && p.Item > 0:
			d.report(line, p.Field, "item %d must not contain control characters (tabs, line breaks, …)", p.Item)
		case p.Rule == faq.ControlChar:
			d.report(line, p.Field, "must not contain control characters (tabs, line breaks, …)")
		case p.Rule == faq.BadID:
			d.report(line, p.Field, "%q must be 1 to %d lowercase letters (a-z), digits and hyphens, starting with a letter or digit", id, faq.MaxIDLength)
		default: // a rule this format has no words for: as staff see it
			d.report(line, p.Field, "%s", p.Message)
		}
	}
}
