package bot

import "time"

// Handoff is a candidate talking to a person instead of the bot. When
// nobody would answer (see Notify.Handoffs) it is only recorded
// ("requested"); otherwise it is "open" while staff and the candidate talk,
// through a Slack thread (SlackChannel, SlackTS) and the admin page's
// inbox, until staff, the candidate or the timeout close it.
type Handoff struct {
	ID           int64
	Key          UserKey
	Reason       HandoffReason
	Question     string   // what they asked last, if anything
	Recent       []string // the candidate's last few questions before the handoff, oldest first
	Status       HandoffStatus
	SlackChannel string // the channel of the recruiters' thread, once posted
	SlackTS      string // the ts of the thread's first message, once posted
	CreatedAt    time.Time
	LastAt       time.Time // the last message either way (open handoffs time out after it)
	ClosedAt     time.Time // zero while not closed
	ClosedBy     string    // who closed it: a staff member's id, ClosedByCandidate or ClosedByTimeout
}

// HandoffStatus is where a handoff stands.
type HandoffStatus string

// The statuses of a handoff.
const (
	HandoffRequested HandoffStatus = "requested" // recorded only: no recruiters' channel is configured
	HandoffOpen      HandoffStatus = "open"      // the candidate's messages go to recruiters, and their replies back
	HandoffClosed    HandoffStatus = "closed"    // over: the bot answers again
)

// HandoffReason is why a handoff was opened.
type HandoffReason string

// Why a handoff was opened.
const (
	HandoffAsked      HandoffReason = "requested"  // the candidate asked for a person
	HandoffUnanswered HandoffReason = "unanswered" // the bot failed twice and the candidate accepted the offer
)

// Who, besides a staff member, closes a handoff.
const (
	ClosedByCandidate = "candidate" // the candidate went back to the bot
	ClosedByTimeout   = "timeout"   // nobody wrote for Notify.HandoffTimeout
)

// HandoffView is a handoff with what recruiters are shown about the
// candidate.
type HandoffView struct {
	Handoff
	DisplayName    string // the candidate's display name on their channel, if known
	ApplicationRef string // the reference of their newest application, if any
	ApplicationID  int64  // the id of that application, 0 when none
}

// KindStaffReply is a staff member's reply to a candidate in an open
// handoff: Incoming.Key is the candidate's, Text the reply, Staff who wrote
// it; Thread is the Slack thread's ts when it was written there, empty
// when it came from the admin page (which names the handoff in Handoff).
// The engine passes it on to the candidate if that handoff is still open.
const KindStaffReply Kind = "staff_reply"
