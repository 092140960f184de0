package bot

import "time"

// Mode is the part of the conversation a user is in.
type Mode string

// The modes of a conversation.
const (
	ModeIdle    Mode = ""        // free conversation: FAQ, menu
	ModeConsent Mode = "consent" // asked to consent before the form
	ModeForm    Mode = "form"    // answering the form's questions in order
	ModeConfirm Mode = "confirm" // looking at the summary
	ModePickFix Mode = "pickfix" // choosing which field to fix
	ModeFix     Mode = "fix"     // answering one field again, then back to the summary
	ModeCancel  Mode = "cancel"  // asked to confirm abandoning the form
	ModeForget  Mode = "forget"  // asked to confirm deleting their personal data

	// The booking modes keep what they are about in Answers under keys
	// starting with "_" (the event, the booking, the name given), beside
	// the form's answers when the booking question interrupted the form
	// (Resume: where the conversation returns afterwards).
	ModeBook          Mode = "book"          // asked to confirm booking an event
	ModeBookConsent   Mode = "bookconsent"   // asked to consent to giving a name for a 説明会 booking
	ModeBookName      Mode = "bookname"      // asked for the name a 説明会 booking is made under
	ModePickBooking   Mode = "pickbooking"   // choosing which booking to cancel or move
	ModeCancelBooking Mode = "cancelbooking" // asked to confirm cancelling a booking
)

// Conversation is the durable state of one user's conversation. It lives in
// the database, so a restart mid-form loses nothing.
type Conversation struct {
	Key       UserKey
	Mode      Mode
	Step      Field            // the field being asked (ModeForm, ModeFix)
	Answers   map[Field]string // the form's answers so far (only after consent)
	Resume    Mode             // where ModeCancel returns when the user does not cancel
	Misses    int              // unanswered questions in a row
	Version   int              // incremented on every save; postbacks carry it
	UpdatedAt time.Time
}

// InForm reports whether the user is somewhere inside the application form
// (also while a booking question interrupts it).
func (c *Conversation) InForm() bool {
	return c.Mode != ModeIdle && !(c.InBooking() && c.Resume == ModeIdle)
}

// InBooking reports whether the user is answering a booking question.
func (c *Conversation) InBooking() bool {
	switch c.Mode {
	case ModeBook, ModeBookConsent, ModeBookName, ModePickBooking, ModeCancelBooking:
		return true
	}
	return false
}

// Miss is a question the bot could not answer, counted for staff to review.
type Miss struct {
	ID        int64
	Question  string // an example of how it was asked
	Count     int
	FirstAt   time.Time
	LastAt    time.Time
	Dismissed bool
	Picks     []MissPick // what students picked from the did-you-mean choices, most picked first
}

// MissPick counts how often students who asked a missed question picked
// one FAQ entry from the did-you-mean choices: the entry the question
// should have found, which staff can add it to as a phrasing.
type MissPick struct {
	FAQID string
	Count int
}
