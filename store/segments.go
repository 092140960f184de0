package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// segmentRow is a row of segments.
type segmentRow struct {
	ID        int64     `db:"id"`
	Name      string    `db:"name"`
	Filter    string    `db:"filter"` // JSON of bot.SegmentFilter
	Version   int       `db:"version"`
	CreatedBy string    `db:"created_by"`
	CreatedAt timestamp `db:"created_at"`
	UpdatedAt timestamp `db:"updated_at"`
}

// segmentColumns are the columns of segments, in segmentRow's order.
const segmentColumns = `id, name, filter, version, created_by, created_at, updated_at`

// fromSegment converts a segment for storage.
func fromSegment(s bot.Segment) (segmentRow, error) {
	f, err := json.Marshal(s.Filter)
	if err != nil {
		return segmentRow{}, fmt.Errorf("store: encode segment %d filter: %w", s.ID, err)
	}
	return segmentRow{ID: s.ID, Name: s.Name, Filter: string(f), Version: s.Version, CreatedBy: s.CreatedBy,
		CreatedAt: ts(s.CreatedAt), UpdatedAt: ts(s.UpdatedAt)}, nil
}

// toSegment converts a stored segment.
func toSegment(r segmentRow) (bot.Segment, error) {
	s := bot.Segment{ID: r.ID, Name: r.Name, Version: r.Version, CreatedBy: r.CreatedBy,
		CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time}
	if err := json.Unmarshal([]byte(r.Filter), &s.Filter); err != nil {
		return bot.Segment{}, fmt.Errorf("store: decode segment %d filter: %w", r.ID, err)
	}
	return s, nil
}

// toSegments converts stored segments.
func toSegments(rows []segmentRow) ([]bot.Segment, error) {
	out := make([]bot.Segment, len(rows))
	for i, r := range rows {
		s, err := toSegment(r)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// segmentByIDSQL reads one segment.
const segmentByIDSQL = `SELECT ` + segmentColumns + ` FROM segments WHERE id = ?`

// Segment returns one segment, or bot.ErrNotFound.
func (t *Tx) Segment(ctx context.Context, id int64) (bot.Segment, error) {
	var r segmentRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(segmentByIDSQL), id); err != nil {
		return bot.Segment{}, wrap(err, "segment %d", id)
	}
	return toSegment(r)
}

// createSegmentSQL creates a segment at version 1.
const createSegmentSQL = `INSERT INTO segments (name, filter, version, created_by, created_at, updated_at)
VALUES (:name, :filter, 1, :created_by, :created_at, :updated_at)
RETURNING id`

// updateSegmentSQL changes a segment's name and filter if it is still at
// the version staff saw.
const updateSegmentSQL = `UPDATE segments SET name = :name, filter = :filter, version = version + 1,
	updated_at = :updated_at WHERE id = :id AND version = :version`

// SaveSegment creates the segment (ID 0: sets ID, Version 1, CreatedBy,
// CreatedAt) or updates its name and filter when s.Version is the stored
// version (bot.ErrConflict otherwise, bot.ErrNotFound when there is no
// such segment), on behalf of actor; it bumps s.Version, sets s.UpdatedAt
// and records the change (with the segment's name) in the outreach audit
// trail.
func (t *Tx) SaveSegment(ctx context.Context, s *bot.Segment, actor string) error {
	at := t.now()
	r, err := fromSegment(*s)
	if err != nil {
		return err
	}
	r.UpdatedAt = ts(at)
	if s.ID == 0 {
		r.CreatedBy, r.CreatedAt = actor, ts(at)
		if err := namedGet(ctx, t.tx, &r.ID, createSegmentSQL, r); err != nil {
			return wrap(err, "create segment")
		}
		s.ID, s.Version, s.CreatedBy, s.CreatedAt, s.UpdatedAt = r.ID, 1, actor, at, at
		return t.logOutreach(ctx, outreachSegment, s.ID, actor, "create", s.Name, at)
	}
	if err := t.updateVersioned(ctx, "segments", s.ID, s.Version, updateSegmentSQL, r); err != nil {
		return err
	}
	s.Version, s.UpdatedAt = s.Version+1, at
	return t.logOutreach(ctx, outreachSegment, s.ID, actor, "edit", s.Name, at)
}

// countSegmentSQL counts the candidates a filter selects (%[1]s: its
// condition), those of them who may be messaged (%[2]s: reachableSQL),
// and of those the ones on LINE, in one pass.
const countSegmentSQL = `SELECT COUNT(*) AS total,
	COALESCE(SUM(CASE WHEN %[2]s THEN 1 ELSE 0 END), 0) AS reachable,
	COALESCE(SUM(CASE WHEN %[2]s AND c.channel = ? THEN 1 ELSE 0 END), 0) AS on_line
FROM candidates c WHERE %[1]s`

// CountSegment counts the candidates f selects at now: all of them, those
// who may be messaged (not blocked, no 配信停止, not on the terminal
// channel), and of those the ones on LINE, in one query.
func (s *Store) CountSegment(ctx context.Context, f bot.SegmentFilter, now time.Time) (bot.SegmentCount, error) {
	where, whereArgs := segmentWhere(f, now)
	reach, reachArgs := reachable()
	args := append(append(append([]any{}, reachArgs...), reachArgs...), string(bot.ChannelLINE))
	args = append(args, whereArgs...)
	var r struct {
		Total     int `db:"total"`
		Reachable int `db:"reachable"`
		OnLINE    int `db:"on_line"`
	}
	query := fmt.Sprintf(countSegmentSQL, where, reach)
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(query), args...); err != nil {
		return bot.SegmentCount{}, wrap(err, "count segment")
	}
	return bot.SegmentCount{Total: r.Total, Reachable: r.Reachable, OnLINE: r.OnLINE}, nil
}
