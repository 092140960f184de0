package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// broadcastRow is a row of broadcasts.
type broadcastRow struct {
	ID             int64     `db:"id"`
	Title          string    `db:"title"`
	Text           string    `db:"text"`
	Buttons        string    `db:"buttons"` // JSON array of bot.ButtonKind
	SegmentID      int64     `db:"segment_id"`
	State          string    `db:"state"`
	SendAt         timestamp `db:"send_at"` // NULL: not scheduled
	QuotaAllowedBy string    `db:"quota_allowed_by"`
	Version        int       `db:"version"`
	CreatedBy      string    `db:"created_by"`
	CreatedAt      timestamp `db:"created_at"`
	UpdatedAt      timestamp `db:"updated_at"`
	StartedAt      timestamp `db:"started_at"`
	FinishedAt     timestamp `db:"finished_at"`
}

// broadcastColumns are the columns of broadcasts, in broadcastRow's order.
const broadcastColumns = `id, title, text, buttons, segment_id, state, send_at, quota_allowed_by, version,
	created_by, created_at, updated_at, started_at, finished_at`

// encodeButtons writes an announcement's buttons for storage (a JSON array).
func encodeButtons(bs []bot.ButtonKind) (string, error) {
	if len(bs) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(bs)
	if err != nil {
		return "", fmt.Errorf("store: encode buttons: %w", err)
	}
	return string(b), nil
}

// decodeButtons reads stored buttons (nil for none).
func decodeButtons(s string) ([]bot.ButtonKind, error) {
	var bs []bot.ButtonKind
	if err := json.Unmarshal([]byte(s), &bs); err != nil {
		return nil, fmt.Errorf("store: decode buttons: %w", err)
	}
	if len(bs) == 0 {
		return nil, nil
	}
	return bs, nil
}

// fromBroadcast converts a broadcast for storage.
func fromBroadcast(b bot.Broadcast) (broadcastRow, error) {
	buttons, err := encodeButtons(b.Message.Buttons)
	if err != nil {
		return broadcastRow{}, err
	}
	return broadcastRow{ID: b.ID, Title: b.Title, Text: b.Message.Text, Buttons: buttons, SegmentID: b.SegmentID,
		State: string(b.State), SendAt: ts(b.SendAt), QuotaAllowedBy: b.QuotaAllowedBy, Version: b.Version,
		CreatedBy: b.CreatedBy, CreatedAt: ts(b.CreatedAt), UpdatedAt: ts(b.UpdatedAt), StartedAt: ts(b.StartedAt),
		FinishedAt: ts(b.FinishedAt)}, nil
}

// toBroadcast converts a stored broadcast.
func toBroadcast(r broadcastRow) (bot.Broadcast, error) {
	buttons, err := decodeButtons(r.Buttons)
	if err != nil {
		return bot.Broadcast{}, fmt.Errorf("broadcast %d: %w", r.ID, err)
	}
	return bot.Broadcast{ID: r.ID, Title: r.Title, Message: bot.Announcement{Text: r.Text, Buttons: buttons},
		SegmentID: r.SegmentID, State: bot.BroadcastState(r.State), SendAt: r.SendAt.Time,
		QuotaAllowedBy: r.QuotaAllowedBy, Version: r.Version, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.Time,
		UpdatedAt: r.UpdatedAt.Time, StartedAt: r.StartedAt.Time, FinishedAt: r.FinishedAt.Time}, nil
}

// toBroadcasts converts stored broadcasts.
func toBroadcasts(rows []broadcastRow) ([]bot.Broadcast, error) {
	out := make([]bot.Broadcast, len(rows))
	for i, r := range rows {
		b, err := toBroadcast(r)
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// broadcastByIDSQL reads one broadcast.
const broadcastByIDSQL = `SELECT ` + broadcastColumns + ` FROM broadcasts WHERE id = ?`

// Broadcast returns one broadcast, or bot.ErrNotFound.
func (t *Tx) Broadcast(ctx context.Context, id int64) (bot.Broadcast, error) {
	var r broadcastRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(broadcastByIDSQL), id); err != nil {
		return bot.Broadcast{}, wrap(err, "broadcast %d", id)
	}
	return toBroadcast(r)
}

// createBroadcastSQL creates a broadcast at version 1.
const createBroadcastSQL = `INSERT INTO broadcasts (title, text, buttons, segment_id, state, send_at, quota_allowed_by,
	version, created_by, created_at, updated_at, started_at, finished_at)
VALUES (:title, :text, :buttons, :segment_id, :state, :send_at, :quota_allowed_by,
	1, :created_by, :created_at, :updated_at, :started_at, :finished_at)
RETURNING id`

// updateBroadcastSQL changes every field of a broadcast but its creation,
// if it is still at the version read.
const updateBroadcastSQL = `UPDATE broadcasts SET title = :title, text = :text, buttons = :buttons,
	segment_id = :segment_id, state = :state, send_at = :send_at, quota_allowed_by = :quota_allowed_by,
	version = version + 1, updated_at = :updated_at, started_at = :started_at, finished_at = :finished_at
WHERE id = :id AND version = :version`

// SaveBroadcast creates the broadcast (ID 0: sets ID, Version 1,
// CreatedBy, CreatedAt; an empty State is a draft) or updates every field
// but ID, CreatedBy and CreatedAt when b.Version is the stored version
// (bot.ErrConflict otherwise, bot.ErrNotFound when there is no such
// broadcast), on behalf of actor; it bumps b.Version, sets b.UpdatedAt and
// records action (create, edit, schedule, start, finish, hold, cancel…)
// with the title in the outreach audit trail.
func (t *Tx) SaveBroadcast(ctx context.Context, b *bot.Broadcast, action, actor string) error {
	at := t.now()
	if b.State == "" {
		b.State = bot.BroadcastDraft
	}
	r, err := fromBroadcast(*b)
	if err != nil {
		return err
	}
	r.UpdatedAt = ts(at)
	if b.ID == 0 {
		r.CreatedBy, r.CreatedAt = actor, ts(at)
		if err := namedGet(ctx, t.tx, &r.ID, createBroadcastSQL, r); err != nil {
			return wrap(err, "create broadcast")
		}
		b.ID, b.Version, b.CreatedBy, b.CreatedAt, b.UpdatedAt = r.ID, 1, actor, at, at
	} else {
		if err := t.updateVersioned(ctx, "broadcasts", b.ID, b.Version, updateBroadcastSQL, r); err != nil {
			return err
		}
		b.Version, b.UpdatedAt = b.Version+1, at
	}
	return t.logOutreach(ctx, outreachBroadcast, b.ID, actor, action, broadcastDetail(*b, action), at)
}

// broadcastDetail is the audit trail's summary of a change to b: its
// title, and for a schedule the send time (JST) and whether a 管理者 allowed it
// beyond the LINE quota.
func broadcastDetail(b bot.Broadcast, action string) string {
	d := "「" + b.Title + "」"
	if action == "schedule" && !b.SendAt.IsZero() {
		d += " 送信日時 " + b.SendAt.In(jst).Format("2006-01-02 15:04")
		if b.QuotaAllowedBy != "" {
			d += "（LINEの送信数の上限を超える送信を許可）"
		}
	}
	return d
}

// dueBroadcastsSQL selects the broadcasts whose time has come and those
// being sent, oldest send time first.
const dueBroadcastsSQL = `SELECT ` + broadcastColumns + ` FROM broadcasts
WHERE (state = 'scheduled' AND send_at <= ?) OR state = 'sending' ORDER BY send_at, id`

// DueBroadcasts returns the broadcasts scheduled at or before now and
// those sending (a crash or a restart may have left one half-queued),
// oldest SendAt first.
func (s *Store) DueBroadcasts(ctx context.Context, now time.Time) ([]bot.Broadcast, error) {
	var rows []broadcastRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(dueBroadcastsSQL), ts(now)); err != nil {
		return nil, wrap(err, "due broadcasts")
	}
	return toBroadcasts(rows)
}
