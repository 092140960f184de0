package bot

import (
	"cmp"
	"errors"
	"strings"
)

// msgStaffBlocked is the line kept in a handoff's conversation when a
// staff reply could not reach the candidate.
const msgStaffBlocked = "候補者がボットをブロックしているため、返信は届きませんでした。"

// staffReply passes a staff member's reply to the candidate, marked as
// from the recruiting team, if the handoff it answers is still open: the
// handoff of the Slack thread it was written in, or the one the admin page
// showed. The reply is kept in the handoff's conversation, and one written
// on the admin page is also posted in the Slack thread when recruiters are
// notified there, so that both views show every reply. A reply to a
// handoff closed meanwhile is dropped: nothing is sent.
func (t *turn) staffReply() {
	text := strings.TrimSpace(t.in.Text)
	h, ok := t.answeredHandoff()
	if !ok || text == "" {
		return
	}
	if c, err := t.tx.Candidate(t.ctx, t.in.Key); err == nil && c.Blocked {
		t.recordHandoffMessage(h.ID, FromBot, t.in.Staff, msgStaffBlocked)
		return
	}
	t.fail(t.tx.TouchHandoff(t.ctx, h.ID, t.now))
	t.recordHandoffMessage(h.ID, FromStaff, t.in.Staff, text)
	if t.in.Thread == "" {
		t.notice(DeliveryHandoffRelay, h.ID, Reply{Text: text, Staff: cmp.Or(t.in.Staff, "unknown")})
	}
	t.say(msgFromStaff + text)
}

// answeredHandoff returns the candidate's open handoff and whether it is
// the one the staff reply answers: a Slack reply must be in its thread
// (not that of an older, closed handoff), an admin page's reply must name
// it.
func (t *turn) answeredHandoff() (Handoff, bool) {
	h, err := t.tx.OpenHandoff(t.ctx, t.in.Key)
	switch {
	case errors.Is(err, ErrNotFound):
		return Handoff{}, false
	case err != nil:
		t.fail(err)
		return Handoff{}, false
	case t.in.Thread != "":
		return h, h.SlackTS == t.in.Thread
	}
	return h, t.in.Handoff == 0 || t.in.Handoff == h.ID
}
