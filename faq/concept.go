package faq

import "time"

// Concept is a group of words that mean the same thing to a student asking
// about the program (事務所, 職場, オフィス, サテライト): the matcher takes any
// of them for the others, so an entry that says オフィス answers a question
// that says 事務所. Concepts are data kept next to the FAQ, edited by staff
// in the YAML file and on the admin page.
type Concept struct {
	Name      string    // what staff call the group, unique, e.g. "事務所"
	Words     []string  // the words of the group, at least two
	UpdatedBy string    // who last changed it
	UpdatedAt time.Time // when it was last changed
}

// Limits of a concept, enforced by [ValidateConcept] wherever one is written.
const (
	// MaxConceptNameLength is the maximum length of a name, in characters.
	MaxConceptNameLength = 50
	// MaxConceptWords is the maximum number of words in one concept.
	MaxConceptWords = 30
	// MaxConceptWordLength is the maximum length of a word, in characters.
	MaxConceptWordLength = 30
)
