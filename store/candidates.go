package store

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// candidateRow is a row of candidates.
type candidateRow struct {
	ID           int64     `db:"id"`
	Channel      string    `db:"channel"`
	UserID       string    `db:"user_id"`
	DisplayName  string    `db:"display_name"`
	Blocked      bool      `db:"blocked"`
	ConsentAt    timestamp `db:"consent_at"`       // NULL when never
	BroadcastOff timestamp `db:"broadcast_off_at"` // NULL: announcements welcome; only read
	CreatedAt    timestamp `db:"created_at"`
	UpdatedAt    timestamp `db:"updated_at"`
}

// fromCandidate converts a candidate for storage.
func fromCandidate(c bot.Candidate) candidateRow {
	return candidateRow{
		ID: c.ID, Channel: string(c.Key.Channel), UserID: c.Key.UserID,
		DisplayName: c.DisplayName, Blocked: c.Blocked, ConsentAt: ts(c.ConsentAt),
		CreatedAt: ts(c.CreatedAt), UpdatedAt: ts(c.UpdatedAt),
	}
}

// toCandidate converts a stored candidate.
func toCandidate(r candidateRow) bot.Candidate {
	return bot.Candidate{
		ID: r.ID, Key: bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID},
		DisplayName: r.DisplayName, Blocked: r.Blocked, ConsentAt: r.ConsentAt.Time,
		BroadcastOffAt: r.BroadcastOff.Time, CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
	}
}

// candidateSQL selects a candidate by key.
const candidateSQL = `SELECT id, channel, user_id, display_name, blocked, consent_at, broadcast_off_at,
	created_at, updated_at FROM candidates WHERE channel = ? AND user_id = ?`

// Candidate returns the candidate, or bot.ErrNotFound.
func (t *Tx) Candidate(ctx context.Context, key bot.UserKey) (bot.Candidate, error) {
	var r candidateRow
	err := t.tx.GetContext(ctx, &r, t.tx.Rebind(candidateSQL), string(key.Channel), key.UserID)
	if err != nil {
		return bot.Candidate{}, wrap(err, "candidate %s:%s", key.Channel, key.UserID)
	}
	return toCandidate(r), nil
}

// saveCandidateSQL creates or updates a candidate by key.
const saveCandidateSQL = `
INSERT INTO candidates (channel, user_id, display_name, blocked, consent_at, created_at, updated_at)
VALUES (:channel, :user_id, :display_name, :blocked, :consent_at, :created_at, :updated_at)
ON CONFLICT (channel, user_id) DO UPDATE SET display_name = excluded.display_name,
	blocked = excluded.blocked, consent_at = excluded.consent_at, updated_at = excluded.updated_at
RETURNING id, created_at`

// SaveCandidate creates or updates the candidate by key: every field is
// replaced (so load it first to keep ConsentAt). It sets c.ID, c.CreatedAt
// and c.UpdatedAt.
func (t *Tx) SaveCandidate(ctx context.Context, c *bot.Candidate) error {
	at := t.now()
	r := fromCandidate(*c)
	r.CreatedAt, r.UpdatedAt = ts(at), ts(at)
	var saved struct {
		ID        int64     `db:"id"`
		CreatedAt timestamp `db:"created_at"`
	}
	if err := namedGet(ctx, t.tx, &saved, saveCandidateSQL, r); err != nil {
		return wrap(err, "save candidate %s:%s", r.Channel, r.UserID)
	}
	c.ID, c.CreatedAt, c.UpdatedAt = saved.ID, saved.CreatedAt.Time, at
	c.ConsentAt = r.ConsentAt.Time
	return nil
}
