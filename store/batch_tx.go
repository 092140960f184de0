package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// conversationsSQL selects the conversations of some of a channel's users.
const conversationsSQL = `SELECT channel, user_id, mode, step, answers, resume, misses, version,
	updated_at FROM conversations WHERE channel = ? AND user_id IN (%s)`

// Conversations returns the stored conversations of keys, with one query
// per channel.
func (t *BatchTx) Conversations(ctx context.Context, keys []bot.UserKey) (map[bot.UserKey]bot.Conversation, error) {
	out := map[bot.UserKey]bot.Conversation{}
	for ch, ids := range byChannel(keys) {
		var rows []conversationRow
		q := fmt.Sprintf(conversationsSQL, repeatRow("?", len(ids)))
		if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(q), append([]any{string(ch)}, stringArgs(ids)...)...); err != nil {
			return nil, wrap(err, "conversations")
		}
		for _, r := range rows {
			c, err := toConversation(r)
			if err != nil {
				return nil, err
			}
			out[c.Key] = c
		}
	}
	return out, nil
}

// eventCountsSQL counts, for each listed event (channel, user, window start,
// seq), its user's events received after the start up to it.
const eventCountsSQL = `SELECT v.column1 AS channel, v.column2 AS user_id,
	(SELECT COUNT(*) FROM inbox i WHERE i.channel = v.column1 AND i.user_id = v.column2
		AND i.received_at > v.column3 AND i.seq <= v.column4) AS n
FROM (VALUES %s) AS v`

// EventCounts counts each event's user's events in the window before it,
// up to and including it, with one query.
func (t *BatchTx) EventCounts(ctx context.Context, events []bot.Event, window time.Duration) (map[bot.UserKey]int, error) {
	row := "(?, ?, ?, CAST(? AS BIGINT))"
	if t.dialect == DialectPostgres {
		row = "(CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TIMESTAMPTZ), CAST(? AS BIGINT))"
	}
	args := make([]any, 0, 4*len(events))
	for _, ev := range events {
		args = append(args, string(ev.Incoming.Key.Channel), ev.Incoming.Key.UserID, ts(ev.ReceivedAt.Add(-window)), ev.Seq)
	}
	var rows []struct {
		keyRow
		N int `db:"n"`
	}
	q := fmt.Sprintf(eventCountsSQL, repeatRow(row, len(events)))
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(q), args...); err != nil {
		return nil, wrap(err, "count recent events")
	}
	out := make(map[bot.UserKey]int, len(rows))
	for _, r := range rows {
		out[r.key()] = r.N
	}
	return out, nil
}

// recordQuestionsSQL counts questions asked; their texts are not kept.
const recordQuestionsSQL = `INSERT INTO question_log (at, channel, outcome, faq_id) VALUES %s`

// RecordQuestions counts many questions with one statement.
func (t *BatchTx) RecordQuestions(ctx context.Context, qs []bot.AskedQuestion) error {
	if len(qs) == 0 {
		return nil
	}
	at := ts(now())
	args := make([]any, 0, 4*len(qs))
	for _, q := range qs {
		args = append(args, at, string(q.Channel), q.Outcome, q.FAQID)
	}
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(fmt.Sprintf(recordQuestionsSQL, repeatRow("(?, ?, ?, ?)", len(qs)))), args...)
	return wrap(err, "record questions")
}

// enqueueLeasedSQL adds deliveries to the outbox, leased to the caller.
const enqueueLeasedSQL = `
INSERT INTO outbox (kind, channel, user_id, recipient, thread, reply_token, event_at, payload, ref,
	retry_key, created_at, due_at, leased_until)
VALUES %s
RETURNING id, retry_key`

// EnqueueLeased adds deliveries leased until until, with one statement.
func (t *BatchTx) EnqueueLeased(ctx context.Context, ds []*bot.Delivery, until time.Time) error {
	if len(ds) == 0 {
		return nil
	}
	at := now()
	byKey := make(map[string]*bot.Delivery, len(ds))
	args := make([]any, 0, 13*len(ds))
	for _, d := range ds {
		payload, err := json.Marshal(d.Replies)
		if err != nil {
			return fmt.Errorf("store: encode delivery: %w", err)
		}
		if d.RetryKey == "" {
			d.RetryKey = newUUID()
		}
		if d.EventAt.IsZero() {
			d.EventAt = at
		}
		byKey[d.RetryKey] = d
		args = append(args, string(d.Kind), string(d.Key.Channel), d.Key.UserID, d.To, d.Thread, d.ReplyToken,
			ts(d.EventAt), string(payload), d.Ref, d.RetryKey, ts(at), ts(at), ts(until))
	}
	var rows []struct {
		ID       int64  `db:"id"`
		RetryKey string `db:"retry_key"`
	}
	q := fmt.Sprintf(enqueueLeasedSQL, repeatRow("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", len(ds)))
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(q), args...); err != nil {
		return wrap(err, "enqueue deliveries")
	}
	for _, r := range rows {
		if d := byKey[r.RetryKey]; d != nil {
			d.ID, d.CreatedAt = r.ID, at
		}
	}
	return nil
}
