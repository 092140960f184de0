package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// BatchTx is the fast lane's transaction (see worker.BatchTx): the worker
// stores a batch of events with Accept, reads what the ready ones need,
// runs their turns, writes what they leave, and commits. The store only
// executes statements; the worker decides.
type BatchTx struct {
	*Tx
	dialect string
	stmts   map[string]*sqlx.Stmt // the fast lane's prepared statements (PostgreSQL), or nil
}

// BeginBatch opens the fast lane's transaction. The caller must end it
// with Commit or Rollback (Rollback after Commit does nothing).
func (s *Store) BeginBatch(ctx context.Context) (worker.BatchTx, error) {
	stmts := s.laneStmts(ctx)
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	return &BatchTx{Tx: s.tx(tx), dialect: s.dialect, stmts: stmts}, nil
}

// Commit commits the batch.
func (t *BatchTx) Commit() error {
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", mapErr(err))
	}
	return nil
}

// Rollback abandons the batch; after Commit it does nothing.
func (t *BatchTx) Rollback() error {
	if err := t.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("store: rollback: %w", err)
	}
	return nil
}

// Accept stores the events not seen before (by ID) and returns, besides
// what it stored, the ready ones: the first new event of each user that
// eager accepts, whose user has no pending event or delivery and whose lock
// was free at once (it is now held by the transaction). Ready events are
// stored as processed; every other new event is stored pending.
func (t *BatchTx) Accept(ctx context.Context, events []worker.Event, eager func(worker.Event) bool) (worker.BatchResult, []worker.Event, error) {
	cand := candidates(events, eager)
	keys := make([]bot.UserKey, 0, len(cand))
	for _, i := range cand {
		keys = append(keys, events[i].Incoming.Key)
	}
	free, err := t.freeUsers(ctx, keys)
	if err != nil {
		return worker.BatchResult{}, nil, err
	}
	done := map[int]bool{}
	for _, i := range cand {
		done[i] = free[events[i].Incoming.Key]
	}
	seqs, err := t.insertEvents(ctx, events, done)
	if err != nil {
		return worker.BatchResult{}, nil, err
	}
	var ready []worker.Event
	res := worker.BatchResult{New: make([]bool, len(events))}
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
	return res, ready, nil
}

// candidates returns the positions of the events that may be answered at
// once: the first event of each user in the batch, when eager accepts it.
func candidates(events []worker.Event, eager func(worker.Event) bool) []int {
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

// lockFreePG takes, without waiting, the advisory locks of the listed
// users (see lockKeySQL) and returns those it got.
var lockFreePG = pgSQL(`SELECT channel, user_id FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS v (channel, user_id)
WHERE pg_try_advisory_xact_lock(hashtextextended(channel || ':' || user_id, 0))`)

// busyUsersSQL returns which of the listed users have a pending event or
// delivery; %s is the source of the rows (see rowSet).
const busyUsersSQL = `WITH v (channel, user_id) AS (%s)
SELECT channel, user_id FROM v
WHERE EXISTS (SELECT 1 FROM inbox i WHERE i.status = 'pending' AND i.channel = v.channel AND i.user_id = v.user_id)
	OR EXISTS (SELECT 1 FROM outbox o WHERE o.status = 'pending' AND o.channel = v.channel AND o.user_id = v.user_id)`

var busyUsersPG = pgSQL(fmt.Sprintf(busyUsersSQL, unnestSQL("TEXT", "TEXT")))

// keyRow is a user key read from a query.
type keyRow struct {
	Channel string `db:"channel"`
	UserID  string `db:"user_id"`
}

func (r keyRow) key() bot.UserKey {
	return bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID}
}

// freeUsers returns which of keys nothing is waiting for: on PostgreSQL
// their lock was free and is now held by the transaction (SQLite's
// transactions already run one at a time), and they have no pending event
// or delivery. The check runs after the locks are taken, so it sees what
// their last holder committed.
func (t *BatchTx) freeUsers(ctx context.Context, keys []bot.UserKey) (map[bot.UserKey]bool, error) {
	free := map[bot.UserKey]bool{}
	if len(keys) == 0 {
		return free, nil
	}
	if t.dialect == DialectPostgres {
		var err error
		if keys, err = t.lockFree(ctx, keys); err != nil || len(keys) == 0 {
			return free, err
		}
	}
	rows := keyRows(keys)
	for _, k := range keys {
		free[k] = true
	}
	var busy []keyRow
	if err := t.selectRows(ctx, &busy, busyUsersPG, busyUsersSQL, "(?, ?)", rows); err != nil {
		return nil, wrap(err, "busy users")
	}
	for _, r := range busy {
		delete(free, r.key())
	}
	return free, nil
}

// keyRows are the rows (channel, user id) of keys.
func keyRows(keys []bot.UserKey) *rowSet {
	rows := newRowSet(2, len(keys))
	for _, k := range keys {
		rows.add(string(k.Channel), k.UserID)
	}
	return rows
}

// lockFree returns those of keys (PostgreSQL) whose locks it took.
func (t *BatchTx) lockFree(ctx context.Context, keys []bot.UserKey) ([]bot.UserKey, error) {
	var got []keyRow
	if err := inTx(ctx, t.tx, t.stmts, &got, lockFreePG, keyRows(keys).arrays()...); err != nil {
		return nil, wrap(err, "lock users")
	}
	out := make([]bot.UserKey, 0, len(got))
	for _, r := range got {
		out = append(out, r.key())
	}
	return out, nil
}

// insertEventsSQL stores a batch of events, skipping those seen before; %s
// is the source of the rows (see rowSet).
const insertEventsSQL = `WITH v (event_id, channel, user_id, payload, status, received_at, processed_at) AS (%s)
INSERT INTO inbox (event_id, channel, user_id, payload, status, received_at, due_at, processed_at, waiting)
SELECT event_id, channel, user_id, payload, status, received_at, received_at, processed_at,
	CASE WHEN status = 'pending' AND EXISTS (SELECT 1 FROM inbox p WHERE p.channel = v.channel
		AND p.user_id = v.user_id AND p.status = 'pending') THEN 1 ELSE 0 END
FROM v WHERE TRUE
ON CONFLICT (event_id) DO NOTHING
RETURNING event_id, seq`

var insertEventsPG = pgSQL(fmt.Sprintf(insertEventsSQL,
	unnestSQL("TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "TIMESTAMPTZ", "TIMESTAMPTZ")))

// insertEvents stores the events (done ones as processed, without their
// payload) and returns the inbox seq of each new one by position. An event
// whose id came earlier in the batch is a duplicate.
func (t *BatchTx) insertEvents(ctx context.Context, events []worker.Event, done map[int]bool) (map[int]int64, error) {
	at := t.now()
	pos := map[string]int{}
	rows := newRowSet(7, len(events))
	for i, ev := range events {
		if _, dup := pos[ev.ID]; dup {
			continue
		}
		pos[ev.ID] = i
		if ev.ReceivedAt.IsZero() {
			ev.ReceivedAt = at // in the stored event too: the worker reasons from it
		}
		received := ts(ev.ReceivedAt)
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
		rows.add(ev.ID, string(ev.Incoming.Key.Channel), ev.Incoming.Key.UserID, payload, status, received, processed)
	}
	var got []struct {
		EventID string `db:"event_id"`
		Seq     int64  `db:"seq"`
	}
	if err := t.selectRows(ctx, &got, insertEventsPG, insertEventsSQL, "(?, ?, ?, ?, ?, ?, ?)", rows); err != nil {
		return nil, wrap(err, "accept events")
	}
	out := make(map[int]int64, len(got))
	for _, r := range got {
		out[pos[r.EventID]] = r.Seq
	}
	return out, nil
}

// selectRows runs a statement over a set of rows: on PostgreSQL pgQuery with one
// array per column, on SQLite sqliteQuery with a VALUES list of rows like
// row in place of its %s.
func (t *BatchTx) selectRows(ctx context.Context, dest any, pgQuery, sqliteQuery, row string, rows *rowSet) error {
	if t.dialect == DialectPostgres {
		return inTx(ctx, t.tx, t.stmts, dest, pgQuery, rows.arrays()...)
	}
	q := fmt.Sprintf(sqliteQuery, valuesSQL(row, rows.len()))
	return t.tx.SelectContext(ctx, dest, t.tx.Rebind(q), rows.values()...)
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
