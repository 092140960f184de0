package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

var (
	_ bot.BatchInbox = (*Store)(nil)
	_ bot.BatchTx    = (*BatchTx)(nil)
)

// BatchTx is the transaction of AcceptBatch. It implements bot.BatchTx and
// is valid only inside the function given to AcceptBatch.
type BatchTx struct {
	*Tx
	dialect string
}

// AcceptBatch stores a batch of events and hands the ready ones to fn in
// the same transaction (see bot.BatchInbox).
func (s *Store) AcceptBatch(ctx context.Context, events []bot.Event, eager func(bot.Event) bool,
	fn func(bot.BatchTx, []bot.Event) error) (bot.BatchResult, error) {
	var res bot.BatchResult
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		cand := candidates(events, eager)
		keys := make([]bot.UserKey, 0, len(cand))
		for _, i := range cand {
			keys = append(keys, events[i].Incoming.Key)
		}
		free, err := s.freeUsers(ctx, tx, keys)
		if err != nil {
			return err
		}
		done := map[int]bool{}
		for _, i := range cand {
			done[i] = free[events[i].Incoming.Key]
		}
		seqs, err := insertEvents(ctx, tx, events, done)
		if err != nil {
			return err
		}
		var ready []bot.Event
		res = bot.BatchResult{New: make([]bool, len(events))}
		for i, ev := range events {
			seq, ok := seqs[i]
			if !ok {
				continue
			}
			res.New[i], ev.Seq = true, seq
			if done[i] {
				ready = append(ready, ev)
			} else {
				res.Pending++
			}
		}
		if len(ready) == 0 {
			return nil
		}
		return fn(&BatchTx{Tx: &Tx{tx: tx}, dialect: s.dialect}, ready)
	})
	if err != nil {
		return bot.BatchResult{}, err
	}
	return res, nil
}

// candidates returns the positions of the events that may be answered at
// once: the first event of each user in the batch, when eager accepts it.
func candidates(events []bot.Event, eager func(bot.Event) bool) []int {
	seen := map[bot.UserKey]bool{}
	var out []int
	for i, ev := range events {
		k := ev.Incoming.Key
		if seen[k] {
			continue
		}
		seen[k] = true
		if eager(ev) {
			out = append(out, i)
		}
	}
	return out
}

// lockFreeSQL takes, without waiting, the advisory locks of the listed
// users (see lockKeySQL) and returns those it got.
const lockFreeSQL = `SELECT v.column1 AS channel, v.column2 AS user_id FROM (VALUES %s) AS v
WHERE pg_try_advisory_xact_lock(hashtextextended(v.column1 || ':' || v.column2, 0))`

// busyUsersSQL returns which of one channel's users have a pending event or
// delivery.
const busyUsersSQL = `
SELECT channel, user_id FROM inbox WHERE status = 'pending' AND channel = ? AND user_id IN (%[1]s)
UNION
SELECT channel, user_id FROM outbox WHERE status = 'pending' AND channel = ? AND user_id IN (%[1]s)`

// keyRow is a user key read from a query.
type keyRow struct {
	Channel string `db:"channel"`
	UserID  string `db:"user_id"`
}

func (r keyRow) key() bot.UserKey {
	return bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID}
}

// freeUsers returns which of keys nothing is waiting for: on PostgreSQL
// their lock was free and is now held by tx (SQLite's transactions already
// run one at a time), and they have no pending event or delivery. The check
// runs after the locks are taken, so it sees what their last holder
// committed.
func (s *Store) freeUsers(ctx context.Context, tx *sqlx.Tx, keys []bot.UserKey) (map[bot.UserKey]bool, error) {
	free := map[bot.UserKey]bool{}
	if len(keys) == 0 {
		return free, nil
	}
	if s.dialect == DialectPostgres {
		var rows []keyRow
		args := make([]any, 0, 2*len(keys))
		for _, k := range keys {
			args = append(args, string(k.Channel), k.UserID)
		}
		q := fmt.Sprintf(lockFreeSQL, repeatRow("(CAST(? AS TEXT), CAST(? AS TEXT))", len(keys)))
		if err := tx.SelectContext(ctx, &rows, tx.Rebind(q), args...); err != nil {
			return nil, wrap(err, "lock users")
		}
		keys = keys[:0:0]
		for _, r := range rows {
			keys = append(keys, r.key())
		}
	}
	for ch, ids := range byChannel(keys) {
		for _, id := range ids {
			free[bot.UserKey{Channel: ch, UserID: id}] = true
		}
		var busy []keyRow
		in := repeatRow("?", len(ids))
		args := append(append([]any{string(ch)}, stringArgs(ids)...), string(ch))
		args = append(args, stringArgs(ids)...)
		if err := tx.SelectContext(ctx, &busy, tx.Rebind(fmt.Sprintf(busyUsersSQL, in)), args...); err != nil {
			return nil, wrap(err, "busy users")
		}
		for _, r := range busy {
			delete(free, r.key())
		}
	}
	return free, nil
}

// insertEventsSQL stores a batch of events, skipping those seen before.
const insertEventsSQL = `
INSERT INTO inbox (event_id, channel, user_id, payload, status, received_at, due_at, processed_at)
VALUES %s
ON CONFLICT (event_id) DO NOTHING
RETURNING event_id, seq`

// insertEvents stores the events (done ones as processed, without their
// payload) and returns the inbox seq of each new one by position. An event
// whose id came earlier in the batch is a duplicate.
func insertEvents(ctx context.Context, tx *sqlx.Tx, events []bot.Event, done map[int]bool) (map[int]int64, error) {
	at := now()
	pos := map[string]int{}
	args := make([]any, 0, 8*len(events))
	for i, ev := range events {
		if _, dup := pos[ev.ID]; dup {
			continue
		}
		pos[ev.ID] = i
		received := ts(ev.ReceivedAt)
		if ev.ReceivedAt.IsZero() {
			received = ts(at)
		}
		status, payload, processed := "pending", "", timestamp{}
		if done[i] {
			status, processed = "done", ts(at)
		} else {
			b, err := json.Marshal(ev)
			if err != nil {
				return nil, fmt.Errorf("store: encode event: %w", err)
			}
			payload = string(b)
		}
		args = append(args, ev.ID, string(ev.Incoming.Key.Channel), ev.Incoming.Key.UserID, payload, status,
			received, received, processed)
	}
	var rows []struct {
		EventID string `db:"event_id"`
		Seq     int64  `db:"seq"`
	}
	q := fmt.Sprintf(insertEventsSQL, repeatRow("(?, ?, ?, ?, ?, ?, ?, ?)", len(pos)))
	if err := tx.SelectContext(ctx, &rows, tx.Rebind(q), args...); err != nil {
		return nil, wrap(err, "accept events")
	}
	out := make(map[int]int64, len(rows))
	for _, r := range rows {
		out[pos[r.EventID]] = r.Seq
	}
	return out, nil
}

// repeatRow repeats a row of placeholders n times, comma-separated.
func repeatRow(row string, n int) string {
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// byChannel groups user ids by channel.
func byChannel(keys []bot.UserKey) map[bot.Channel][]string {
	out := map[bot.Channel][]string{}
	for _, k := range keys {
		out[k.Channel] = append(out[k.Channel], k.UserID)
	}
	return out
}

func stringArgs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
