package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// readBatchSQL reads, for each listed event (channel, user, window start,
// seq), its user's conversation (if any) and the user's events received
// after the window start up to it.
const readBatchSQL = `SELECT v.column1 AS channel, v.column2 AS user_id,
	CASE WHEN c.user_id IS NULL THEN 0 ELSE 1 END AS stored,
	COALESCE(c.mode, '') AS mode, COALESCE(c.step, '') AS step, COALESCE(c.answers, '') AS answers,
	COALESCE(c.resume, '') AS resume, COALESCE(c.misses, 0) AS misses, COALESCE(c.version, 0) AS version,
	c.updated_at AS updated_at,
	(SELECT COUNT(*) FROM inbox i WHERE i.channel = v.column1 AND i.user_id = v.column2
		AND i.received_at > v.column3 AND i.seq <= v.column4) AS n
FROM (VALUES %s) AS v LEFT JOIN conversations c ON c.channel = v.column1 AND c.user_id = v.column2`

// batchReadRow is a row of readBatchSQL.
type batchReadRow struct {
	conversationRow
	Stored bool `db:"stored"`
	N      int  `db:"n"`
}

// ReadBatch reads what the turns of events need with one query.
func (t *BatchTx) ReadBatch(ctx context.Context, events []bot.Event, window time.Duration) (bot.BatchRead, error) {
	out := bot.BatchRead{Conversations: map[bot.UserKey]bot.Conversation{}, Recent: map[bot.UserKey]int{}}
	row := "(?, ?, ?, CAST(? AS BIGINT))"
	if t.dialect == DialectPostgres {
		row = "(CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TIMESTAMPTZ), CAST(? AS BIGINT))"
	}
	args := make([]any, 0, 4*len(events))
	for _, ev := range events {
		args = append(args, string(ev.Incoming.Key.Channel), ev.Incoming.Key.UserID, ts(ev.ReceivedAt.Add(-window)), ev.Seq)
	}
	var rows []batchReadRow
	q := fmt.Sprintf(readBatchSQL, repeatRow(row, len(events)))
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(q), args...); err != nil {
		return out, wrap(err, "read batch")
	}
	for _, r := range rows {
		key := bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID}
		out.Recent[key] = r.N
		if !r.Stored {
			continue
		}
		c, err := toConversation(r.conversationRow)
		if err != nil {
			return out, err
		}
		out.Conversations[key] = c
	}
	return out, nil
}

// The statements WriteBatch is made of; %s is a list of rows.
const (
	// recordQuestionsSQL counts questions asked; their texts are not kept.
	recordQuestionsSQL = `INSERT INTO question_log (at, channel, outcome, faq_id) VALUES %s`
	// enqueueLeasedSQL adds deliveries to the outbox, leased to the caller.
	enqueueLeasedSQL = `INSERT INTO outbox (kind, channel, user_id, recipient, thread, reply_token, event_at,
	payload, ref, retry_key, created_at, due_at, leased_until) VALUES %s RETURNING id, retry_key`
)

// WriteBatch writes what a batch's turns left: on PostgreSQL the sent
// marks, the counted questions and the replies in one statement (data-
// modifying WITH), on SQLite one statement each; kept questions take three
// more (only when recruiters are notified).
func (t *BatchTx) WriteBatch(ctx context.Context, w bot.BatchWrite) error {
	var parts []batchPart
	if len(w.Sent) > 0 {
		parts = append(parts, sentPart(w.Sent))
	}
	if len(w.Asked) > 0 {
		parts = append(parts, askedPart(w.Asked))
	}
	replies, err := repliesPart(w.Replies, w.LeaseUntil)
	if err != nil {
		return err
	}
	if err := t.runParts(ctx, parts, replies, w.Replies); err != nil {
		return err
	}
	return t.rememberQuestions(ctx, w.Kept)
}

// batchPart is one statement of WriteBatch.
type batchPart struct {
	sql  string
	args []any
}

func sentPart(ids []int64) batchPart {
	args := []any{ts(now())}
	for _, id := range ids {
		args = append(args, id)
	}
	return batchPart{fmt.Sprintf(deliveriesSentSQL, repeatRow("?", len(ids))), args}
}

func askedPart(qs []bot.AskedQuestion) batchPart {
	at := ts(now())
	args := make([]any, 0, 4*len(qs))
	for _, q := range qs {
		args = append(args, at, string(q.Channel), q.Outcome, q.FAQID)
	}
	return batchPart{fmt.Sprintf(recordQuestionsSQL, repeatRow("(?, ?, ?, ?)", len(qs))), args}
}

// repliesPart is the insert of the replies (none: an empty part), leased
// until until, setting their RetryKey, EventAt and CreatedAt.
func repliesPart(ds []*bot.Delivery, until time.Time) (batchPart, error) {
	if len(ds) == 0 {
		return batchPart{}, nil
	}
	at := now()
	args := make([]any, 0, 13*len(ds))
	for _, d := range ds {
		r, err := newOutboxRow(d, at)
		if err != nil {
			return batchPart{}, err
		}
		d.CreatedAt = at
		args = append(args, r.Kind, r.Channel, r.UserID, r.Recipient, r.Thread, r.ReplyToken,
			r.EventAt, r.Payload, r.Ref, r.RetryKey, r.CreatedAt, r.DueAt, ts(until))
	}
	return batchPart{fmt.Sprintf(enqueueLeasedSQL, repeatRow("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", len(ds))), args}, nil
}

// runParts runs the parts and then the replies' insert, setting each
// reply's ID: on PostgreSQL as one statement, the parts in WITH clauses.
func (t *BatchTx) runParts(ctx context.Context, parts []batchPart, replies batchPart, ds []*bot.Delivery) error {
	if t.dialect == DialectPostgres && len(parts) > 0 {
		var with []string
		var args []any
		for i, p := range parts {
			with = append(with, fmt.Sprintf("w%d AS (%s)", i, p.sql))
			args = append(args, p.args...)
		}
		main := "SELECT CAST(0 AS BIGINT) AS id, '' AS retry_key WHERE FALSE"
		if replies.sql != "" {
			main, args = replies.sql, append(args, replies.args...)
		}
		parts, replies = nil, batchPart{sql: "WITH " + strings.Join(with, ", ") + " " + main, args: args}
	}
	for _, p := range parts {
		if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(p.sql), p.args...); err != nil {
			return wrap(err, "write batch")
		}
	}
	if replies.sql == "" {
		return nil
	}
	var rows []struct {
		ID       int64  `db:"id"`
		RetryKey string `db:"retry_key"`
	}
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(replies.sql), replies.args...); err != nil {
		return wrap(err, "write batch")
	}
	byKey := make(map[string]*bot.Delivery, len(ds))
	for _, d := range ds {
		byKey[d.RetryKey] = d
	}
	for _, r := range rows {
		if d := byKey[r.RetryKey]; d != nil {
			d.ID = r.ID
		}
	}
	return nil
}
