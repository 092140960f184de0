package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// expireConversationsSQL deletes unfinished conversations untouched since
// a cutoff.
const expireConversationsSQL = `DELETE FROM conversations WHERE mode <> '' AND updated_at < ?`

// ExpireConversations deletes the unfinished conversations (mode not idle)
// last touched before cutoff, with their answers, and reports how many.
func (s *Store) ExpireConversations(ctx context.Context, cutoff time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, s.db.Rebind(expireConversationsSQL), ts(cutoff))
	if err != nil {
		return 0, wrap(err, "expire conversations")
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, wrap(err, "expire conversations")
	}
	return int(n), nil
}

// forgetSQL deletes the personal data of one user key, table by table;
// events go with their applications and a booking's audit lines with the
// booking (ON DELETE CASCADE; forget frees the bookings' seats first).
// Misses are anonymous and stay.
var forgetSQL = []string{
	`DELETE FROM bookings WHERE channel = ? AND user_id = ?`,
	`DELETE FROM outbox WHERE channel = ? AND user_id = ?`,
	`DELETE FROM inbox WHERE channel = ? AND user_id = ?`,
	`DELETE FROM applications WHERE channel = ? AND user_id = ?`,
	`DELETE FROM handoff_messages WHERE handoff_id IN (SELECT id FROM handoffs WHERE channel = ? AND user_id = ?)`,
	`DELETE FROM handoffs WHERE channel = ? AND user_id = ?`,
	`DELETE FROM conversations WHERE channel = ? AND user_id = ?`,
	`DELETE FROM candidates WHERE channel = ? AND user_id = ?`,
}

// forgetWebChatSQL deletes the web chat lines of a visitor (the user id of
// a bot.ChannelWeb key).
const forgetWebChatSQL = `DELETE FROM webchat_messages WHERE visitor = ?`

// freeSeatsOfSQL gives back the seats a user's active bookings hold,
// before forget deletes them, so that Event.Booked still counts the active
// bookings (a seat of an event to come is free again at once).
const freeSeatsOfSQL = `UPDATE events SET booked = booked - (SELECT COUNT(*) FROM bookings b
	WHERE b.event_id = events.id AND b.channel = ? AND b.user_id = ? AND b.state IN ('booked', 'attended'))
WHERE id IN (SELECT event_id FROM bookings WHERE channel = ? AND user_id = ? AND state IN ('booked', 'attended'))`

// ForgetCandidate deletes the personal data of the user: the candidate,
// their bookings (freeing their seats), their conversation, applications
// with their audit trails, handoffs with their conversations, their queued
// events and deliveries, and a web chat visitor's lines, in one transaction holding the user's lock, and records
// the deletion (without the data) in the deletion log. It reports whether
// anything was deleted.
func (s *Store) ForgetCandidate(ctx context.Context, key bot.UserKey, actor string) (bool, error) {
	var deleted bool
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.lockKey(ctx, tx, key); err != nil {
			return err
		}
		var err error
		deleted, err = forget(ctx, tx, s.now(), key, actor)
		return err
	})
	return deleted, err
}

// ForgetCandidate is Store.ForgetCandidate inside a conversation's
// transaction (the candidate asked for it), which already holds the lock.
func (t *Tx) ForgetCandidate(ctx context.Context, key bot.UserKey, actor string) (bool, error) {
	return forget(ctx, t.tx, t.now(), key, actor)
}

// forget deletes the user's rows table by table (a web chat visitor's
// lines too) and logs the deletion.
func forget(ctx context.Context, tx *sqlx.Tx, at time.Time, key bot.UserKey, actor string) (bool, error) {
	var deleted int64
	del := func(query string, args ...any) error {
		res, err := tx.ExecContext(ctx, tx.Rebind(query), args...)
		if err != nil {
			return wrap(err, "forget %s:%s", key.Channel, key.UserID)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return wrap(err, "forget %s:%s", key.Channel, key.UserID)
		}
		deleted += n
		return nil
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(freeSeatsOfSQL), string(key.Channel), key.UserID,
		string(key.Channel), key.UserID); err != nil {
		return false, wrap(err, "forget %s:%s", key.Channel, key.UserID)
	}
	for _, query := range forgetSQL {
		if err := del(query, string(key.Channel), key.UserID); err != nil {
			return false, err
		}
	}
	if key.Channel == bot.ChannelWeb {
		if err := del(forgetWebChatSQL, key.UserID); err != nil {
			return false, err
		}
	}
	return deleted > 0, logDeletion(ctx, tx, at, "forget", actor, subject(key), deleted)
}
