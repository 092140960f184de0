package store

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// waitingHandoffRow is a row of waitingHandoffsSQL.
type waitingHandoffRow struct {
	handoffRow
	handoffCandidateRow
	Unread      int       `db:"unread"`
	UnreadSince timestamp `db:"unread_since"`
	RepliedAt   timestamp `db:"replied_at"`
}

// afterLastStaffReply selects a handoff's (h) candidate lines (m) after
// its last staff reply.
const afterLastStaffReply = `m.handoff_id = h.id AND m.sender = 'candidate' AND m.id > COALESCE(
	(SELECT MAX(s.id) FROM handoff_messages s WHERE s.handoff_id = h.id AND s.sender = 'staff'), 0)`

// waitingHandoffsSQL lists the open handoffs, newest first, with their
// candidates and how their conversations stand.
const waitingHandoffsSQL = `SELECT ` + handoffColumns + `,` + handoffCandidateColumns + `,
	(SELECT COUNT(*) FROM handoff_messages m WHERE ` + afterLastStaffReply + `) AS unread,
	(SELECT MIN(m.at) FROM handoff_messages m WHERE ` + afterLastStaffReply + `) AS unread_since,
	(SELECT MAX(m.at) FROM handoff_messages m WHERE m.handoff_id = h.id AND m.sender = 'staff') AS replied_at
FROM handoffs h WHERE h.status = 'open' ORDER BY h.created_at DESC, h.id DESC LIMIT ?`

// WaitingHandoffs returns up to limit open handoffs, newest first, each
// with its candidate, the number of their messages after the last staff
// reply (and since when), and when staff last replied.
func (s *Store) WaitingHandoffs(ctx context.Context, limit int) ([]bot.WaitingHandoff, error) {
	var rows []waitingHandoffRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(waitingHandoffsSQL), limit); err != nil {
		return nil, wrap(err, "waiting handoffs")
	}
	out := make([]bot.WaitingHandoff, 0, len(rows))
	for _, r := range rows {
		h, err := toHandoff(r.handoffRow)
		if err != nil {
			return nil, err
		}
		out = append(out, bot.WaitingHandoff{HandoffView: r.view(h), Unread: r.Unread,
			UnreadSince: r.UnreadSince.Time, RepliedAt: r.RepliedAt.Time})
	}
	return out, nil
}

// openHandoffCountSQL counts the open handoffs.
const openHandoffCountSQL = `SELECT COUNT(*) FROM handoffs WHERE status = 'open'`

// OpenHandoffCount counts the open handoffs: the conversations waiting
// for staff.
func (s *Store) OpenHandoffCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, openHandoffCountSQL)
	return n, wrap(err, "open handoff count")
}
