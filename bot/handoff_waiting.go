package bot

import "time"

// WaitingHandoff is an open handoff as the staff's inbox lists it: the
// candidate (HandoffView), how many of their messages came after the last
// staff reply, and when staff last replied.
type WaitingHandoff struct {
	HandoffView
	Unread      int       // the candidate's messages after the last staff reply
	UnreadSince time.Time // the first of those, zero when there are none
	RepliedAt   time.Time // the last staff reply, zero when staff have not replied yet
}

// WaitingSince is since when the candidate has waited for an answer:
// from the handoff's start until staff first reply, then from their first
// message after the last reply. It is zero when staff answered last.
func (w WaitingHandoff) WaitingSince() time.Time {
	switch {
	case w.RepliedAt.IsZero():
		return w.CreatedAt
	case w.Unread > 0:
		return w.UnreadSince
	}
	return time.Time{}
}
