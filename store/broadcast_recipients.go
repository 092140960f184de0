package store

import (
	"context"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// nextBroadcastRecipientsSQL selects the next candidates of a broadcast:
// those who may be messaged (%[2]s: reachableSQL), whom the segment
// selects (%[1]s: its condition) and who were not queued the broadcast
// yet, by id.
const nextBroadcastRecipientsSQL = `SELECT ` + outreachCandidateColumns + ` FROM candidates c
WHERE %[2]s AND %[1]s
	AND NOT EXISTS (SELECT 1 FROM broadcast_recipients r WHERE r.broadcast_id = ? AND r.candidate_id = c.id)
ORDER BY c.id LIMIT ?`

// NextBroadcastRecipients returns up to limit candidates, by id, that f
// selects at now, that may be messaged (not blocked, no 配信停止, not on
// the terminal channel) and that the broadcast was not queued to.
func (t *Tx) NextBroadcastRecipients(ctx context.Context, broadcastID int64, f bot.SegmentFilter, now time.Time,
	limit int) ([]bot.Candidate, error) {
	if limit <= 0 {
		return nil, nil
	}
	where, whereArgs := segmentWhere(f, now)
	reach, args := reachable()
	args = append(append(args, whereArgs...), broadcastID, limit)
	var rows []candidateRow
	query := fmt.Sprintf(nextBroadcastRecipientsSQL, where, reach)
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(query), args...); err != nil {
		return nil, wrap(err, "broadcast %d recipients", broadcastID)
	}
	return toCandidates(rows), nil
}

// toCandidates converts stored candidates.
func toCandidates(rows []candidateRow) []bot.Candidate {
	out := make([]bot.Candidate, len(rows))
	for i, r := range rows {
		out[i] = toCandidate(r)
	}
	return out
}

// addBroadcastRecipientSQL records that a broadcast was queued to a candidate.
const addBroadcastRecipientSQL = `INSERT INTO broadcast_recipients (broadcast_id, candidate_id, outbox_id, at)
VALUES (?, ?, ?, ?)`

// AddBroadcastRecipient records that the broadcast was queued to the
// candidate as the delivery deliveryID at at; a second record for the
// same pair is an error (bot.ErrConflict; the transaction must roll
// back).
func (t *Tx) AddBroadcastRecipient(ctx context.Context, broadcastID, candidateID, deliveryID int64, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(addBroadcastRecipientSQL), broadcastID, candidateID, deliveryID, ts(at))
	return wrap(err, "broadcast %d recipient %d", broadcastID, candidateID)
}

// cancelBroadcastDeliveriesSQL drops a broadcast's deliveries still
// waiting in the outbox.
const cancelBroadcastDeliveriesSQL = `UPDATE outbox SET status = 'cancelled', payload = ''
WHERE status = 'pending' AND id IN (SELECT outbox_id FROM broadcast_recipients WHERE broadcast_id = ?)`

// CancelBroadcastDeliveries cancels the broadcast's deliveries still
// waiting in the outbox (their text is dropped with them) and reports how
// many; the ones sent stay sent.
func (t *Tx) CancelBroadcastDeliveries(ctx context.Context, broadcastID int64) (int, error) {
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(cancelBroadcastDeliveriesSQL), broadcastID)
	if err != nil {
		return 0, wrap(err, "cancel broadcast %d deliveries", broadcastID)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, wrap(err, "cancel broadcast %d deliveries", broadcastID)
	}
	return int(n), nil
}
