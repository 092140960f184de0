package store

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// Queries of the outreach admin pages.
const (
	listSegmentsSQL   = `SELECT ` + segmentColumns + ` FROM segments ORDER BY created_at DESC, id DESC`
	listBroadcastsSQL = `SELECT ` + broadcastColumns + ` FROM broadcasts ORDER BY created_at DESC, id DESC`
	listRulesSQL      = `SELECT ` + ruleColumns + ` FROM rules ORDER BY created_at DESC, id DESC`
	ruleSentCountsSQL = `SELECT rule_id, COUNT(*) AS n FROM rule_recipients GROUP BY rule_id`
)

// ListSegments returns every segment, newest first, for staff.
func (s *Store) ListSegments(ctx context.Context) ([]bot.Segment, error) {
	var rows []segmentRow
	if err := s.db.SelectContext(ctx, &rows, listSegmentsSQL); err != nil {
		return nil, wrap(err, "list segments")
	}
	return toSegments(rows)
}

// SegmentByID returns one segment, or bot.ErrNotFound.
func (s *Store) SegmentByID(ctx context.Context, id int64) (bot.Segment, error) {
	var r segmentRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(segmentByIDSQL), id); err != nil {
		return bot.Segment{}, wrap(err, "segment %d", id)
	}
	return toSegment(r)
}

// ListBroadcasts returns the newest limit broadcasts (all when limit is 0
// or less), newest first, for staff.
func (s *Store) ListBroadcasts(ctx context.Context, limit int) ([]bot.Broadcast, error) {
	query, args := listBroadcastsSQL, []any{}
	if limit > 0 {
		query, args = query+" LIMIT ?", append(args, limit)
	}
	var rows []broadcastRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return nil, wrap(err, "list broadcasts")
	}
	return toBroadcasts(rows)
}

// BroadcastByID returns one broadcast, or bot.ErrNotFound.
func (s *Store) BroadcastByID(ctx context.Context, id int64) (bot.Broadcast, error) {
	var r broadcastRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(broadcastByIDSQL), id); err != nil {
		return bot.Broadcast{}, wrap(err, "broadcast %d", id)
	}
	return toBroadcast(r)
}

// broadcastStatsSQL counts a broadcast's recipients, their deliveries by
// state (a cancelled one in none), and those who wrote to the bot after
// their message was sent (after it was queued while it is not, or when
// its outbox row was purged) and have not blocked the bot.
const broadcastStatsSQL = `SELECT COUNT(*) AS recipients,
	COALESCE(SUM(CASE WHEN o.status = 'pending' THEN 1 ELSE 0 END), 0) AS pending,
	COALESCE(SUM(CASE WHEN o.status = 'sent' THEN 1 ELSE 0 END), 0) AS sent,
	COALESCE(SUM(CASE WHEN o.status = 'failed' THEN 1 ELSE 0 END), 0) AS failed,
	COALESCE(SUM(CASE WHEN c.blocked = FALSE AND EXISTS (SELECT 1 FROM inbox i
		WHERE i.channel = c.channel AND i.user_id = c.user_id AND i.received_at > COALESCE(o.sent_at, r.at))
		THEN 1 ELSE 0 END), 0) AS replies
FROM broadcast_recipients r
JOIN candidates c ON c.id = r.candidate_id
LEFT JOIN outbox o ON o.id = r.outbox_id
WHERE r.broadcast_id = ?`

// BroadcastStats returns how the broadcast went: how many students it was
// queued to, how many of their messages are pending, sent or failed (a
// cancelled one counts in none), and how many of them (not blocked) wrote
// to the bot after their message was sent (or queued, while it waits). A
// broadcast never sent, or none with that id, has only zeros.
func (s *Store) BroadcastStats(ctx context.Context, id int64) (bot.BroadcastStats, error) {
	var r struct {
		Recipients int `db:"recipients"`
		Pending    int `db:"pending"`
		Sent       int `db:"sent"`
		Failed     int `db:"failed"`
		Replies    int `db:"replies"`
	}
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(broadcastStatsSQL), id); err != nil {
		return bot.BroadcastStats{}, wrap(err, "broadcast %d stats", id)
	}
	return bot.BroadcastStats{Recipients: r.Recipients, Pending: r.Pending, Sent: r.Sent, Failed: r.Failed,
		Replies: r.Replies}, nil
}

// ListRules returns every rule, newest first, for staff.
func (s *Store) ListRules(ctx context.Context) ([]bot.Rule, error) {
	var rows []ruleRow
	if err := s.db.SelectContext(ctx, &rows, listRulesSQL); err != nil {
		return nil, wrap(err, "list rules")
	}
	return toRules(rows)
}

// RuleByID returns one rule, or bot.ErrNotFound.
func (s *Store) RuleByID(ctx context.Context, id int64) (bot.Rule, error) {
	var r ruleRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(ruleByIDSQL), id); err != nil {
		return bot.Rule{}, wrap(err, "rule %d", id)
	}
	return toRule(r)
}

// RuleSentCounts returns, by rule id, how many students each rule was sent
// to (rules sent to nobody are missing).
func (s *Store) RuleSentCounts(ctx context.Context) (map[int64]int, error) {
	var rows []struct {
		RuleID int64 `db:"rule_id"`
		N      int   `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &rows, ruleSentCountsSQL); err != nil {
		return nil, wrap(err, "rule sent counts")
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.RuleID] = r.N
	}
	return out, nil
}
