package store

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// Queries of a student's arrivals and 配信停止.
const (
	hasFirstSourceSQL = `SELECT COUNT(*) FROM candidate_sources WHERE candidate_id = ? AND is_first = ?`
	tagCandidateSQL   = `INSERT INTO candidate_sources (candidate_id, source_id, is_first, at) VALUES (?, ?, ?, ?)`
	broadcastOffSQL   = `UPDATE candidates SET broadcast_off_at = ?, updated_at = ?
		WHERE channel = ? AND user_id = ? AND broadcast_off_at IS NULL`
	broadcastOnSQL = `UPDATE candidates SET broadcast_off_at = NULL, updated_at = ?
		WHERE channel = ? AND user_id = ? AND broadcast_off_at IS NOT NULL`
	// cancelAnnouncementsSQL drops the broadcasts and automatic messages
	// still waiting in the outbox for a candidate who said 配信停止.
	cancelAnnouncementsSQL = `UPDATE outbox SET status = 'cancelled', payload = '' WHERE status = 'pending' AND id IN (
		SELECT r.outbox_id FROM broadcast_recipients r JOIN candidates c ON c.id = r.candidate_id
			WHERE c.channel = ? AND c.user_id = ?
		UNION SELECT r.outbox_id FROM rule_recipients r JOIN candidates c ON c.id = r.candidate_id
			WHERE c.channel = ? AND c.user_id = ?)`
)

// TagCandidate records that the stored candidate arrived with the
// source's code at at: the first arrival is their source (first true),
// later ones are recorded too. The arrivals go with the candidate
// (ON DELETE CASCADE: forget, purge).
func (t *Tx) TagCandidate(ctx context.Context, candidateID, sourceID int64, at time.Time) (bool, error) {
	var n int
	if err := t.tx.GetContext(ctx, &n, t.tx.Rebind(hasFirstSourceSQL), candidateID, true); err != nil {
		return false, wrap(err, "candidate %d source", candidateID)
	}
	first := n == 0
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(tagCandidateSQL), candidateID, sourceID, first, ts(at))
	if err != nil {
		return false, wrap(err, "tag candidate %d with source %d", candidateID, sourceID)
	}
	return first, nil
}

// SetBroadcastOff records that the stored candidate asked for no more
// announcements (off: at at; the broadcasts and automatic messages still
// waiting for them are dropped) or for them again; it reports false when
// it was so already, or when there is no such candidate.
func (t *Tx) SetBroadcastOff(ctx context.Context, key bot.UserKey, off bool, at time.Time) (bool, error) {
	now := t.now()
	query, args := broadcastOnSQL, []any{ts(now), string(key.Channel), key.UserID}
	if off {
		query, args = broadcastOffSQL, append([]any{ts(at)}, args...)
	}
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(query), args...)
	if err != nil {
		return false, wrap(err, "candidate %s:%s broadcast off %t", key.Channel, key.UserID, off)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap(err, "candidate %s:%s broadcast off %t", key.Channel, key.UserID, off)
	}
	if off && n > 0 {
		_, err = t.tx.ExecContext(ctx, t.tx.Rebind(cancelAnnouncementsSQL), string(key.Channel), key.UserID,
			string(key.Channel), key.UserID)
		if err != nil {
			return false, wrap(err, "cancel announcements to %s:%s", key.Channel, key.UserID)
		}
	}
	return n > 0, nil
}
