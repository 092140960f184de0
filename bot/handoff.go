package bot

import "time"

// Handoff is a candidate talking to a person instead of the bot. Without a
// place to notify recruiters (see Notify) it is only recorded ("requested");
// with one, it is "open" while recruiters and the candidate talk through a
// thread (SlackChannel, SlackTS) until a recruiter, the candidate or the
// timeout closes it.
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
}

// KindStaffReply is a recruiter's reply in the thread of an open handoff:
// Incoming.Key is the candidate's, Text the reply, Thread the thread's ts.
// The engine passes it on to the candidate if that handoff is still open.
const KindStaffReply Kind = "staff_reply"
