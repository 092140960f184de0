package faq

import "time"

// FAQ is one entry of the knowledge base the bot answers from.
type FAQ struct {
	ID           string    // stable identifier, e.g. "training-period"
	Question     string    // the canonical question
	Alternatives []string  // other ways students ask the same thing
	Keywords     []string  // optional words that strongly suggest this entry
	Answer       string    // polite answer of one to four sentences
	Category     string    // grouping for staff, e.g. "研修"
	OfferPerson  bool      // the answer comes with a 担当者と話す button (the article does not settle it)
	Enabled      bool      // disabled entries are never used to answer
	Version      int       // incremented on every edit (optimistic locking)
	UpdatedBy    string    // who last changed it ("seed", a Slack user, "admin")
	UpdatedAt    time.Time // when it was last changed
}
