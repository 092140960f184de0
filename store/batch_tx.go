package store

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// readBatchSQL reads, for each listed event (channel, user, window start,
// seq), its user's conversation (if any) and the user's events received
// after the window start up to it; %s is the source of the rows (see
// rowSet).
const readBatchSQL = `WITH v (channel, user_id, since, seq) AS (%s)
SELECT v.channel AS channel, v.user_id AS user_id,
	CASE WHEN c.user_id IS NULL THEN 0 ELSE 1 END AS stored,
	COALESCE(c.mode, '') AS mode, COALESCE(c.step, '') AS step, COALESCE(c.answers, '') AS answers,
	COALESCE(c.resume, '') AS resume, COALESCE(c.misses, 0) AS misses, COALESCE(c.version, 0) AS version,
	c.updated_at AS updated_at,
	(SELECT COUNT(*) FROM inbox i WHERE i.channel = v.channel AND i.user_id = v.user_id
		AND i.received_at > v.since AND i.seq <= v.seq) AS n,
	EXISTS (SELECT 1 FROM handoffs h WHERE h.channel = v.channel AND h.user_id = v.user_id
		AND h.status = 'open') AS handoff
FROM v LEFT JOIN conversations c ON c.channel = v.channel AND c.user_id = v.user_id`

var readBatchPG = pgSQL(fmt.Sprintf(readBatchSQL, unnestSQL("TEXT", "TEXT", "TIMESTAMPTZ", "BIGINT")))

// batchReadRow is a row of readBatchSQL.
type batchReadRow struct {
	conversationRow
	Stored  bool `db:"stored"`
	N       int  `db:"n"`
	Handoff bool `db:"handoff"`
}

// ReadBatch reads what the turns of events need with one query.
func (t *BatchTx) ReadBatch(ctx context.Context, events []worker.Event, window time.Duration) (worker.BatchRead, error) {
	out := worker.BatchRead{Conversations: map[bot.UserKey]bot.Conversation{}, Recent: map[bot.UserKey]int{},
		Handoffs: map[bot.UserKey]bool{}}
	in := newRowSet(4, len(events))
	for _, ev := range events {
		in.add(string(ev.Incoming.Key.Channel), ev.Incoming.Key.UserID, ts(ev.ReceivedAt.Add(-window)), ev.Seq)
	}
	var rows []batchReadRow
	if err := t.selectRows(ctx, &rows, readBatchPG, readBatchSQL, "(?, ?, ?, CAST(? AS BIGINT))", in); err != nil {
		return out, wrap(err, "read batch")
	}
	for _, r := range rows {
		key := bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID}
		out.Recent[key] = r.N
		if r.Handoff {
			out.Handoffs[key] = true
		}
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

// The statements WriteBatch is made of; %s is the source of the rows (see
// rowSet).
const (
	// recordQuestionsSQL counts questions asked; their texts are not kept.
	recordQuestionsSQL = `INSERT INTO question_log (at, channel, outcome, faq_id) %s`
	// enqueueLeasedSQL adds deliveries to the outbox, leased to the caller.
	enqueueLeasedSQL = `INSERT INTO outbox (kind, channel, user_id, recipient, thread, reply_token, event_at,
	payload, ref, retry_key, created_at, due_at, leased_until) %s RETURNING id, retry_key`
)

// The rows of WriteBatch's statements: a VALUES row on SQLite, the column
// types on PostgreSQL.
const (
	askedRow   = "(?, ?, ?, ?)"
	repliesRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

var (
	askedTypes   = []string{"TIMESTAMPTZ", "TEXT", "TEXT", "TEXT"}
	repliesTypes = []string{"TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "TIMESTAMPTZ", "TEXT", "BIGINT", "TEXT",
		"TIMESTAMPTZ", "TIMESTAMPTZ", "TIMESTAMPTZ"}
)

// writeBatchPG is WriteBatch on PostgreSQL: the sent marks, the counted
// questions and the replies in one statement (data-modifying WITH), each
// part doing nothing when its arrays are empty.
var writeBatchPG = pgSQL("WITH sent AS (" + fmt.Sprintf(markSentSQL, "= ANY(CAST(? AS BIGINT[]))") +
	"), asked AS (" + fmt.Sprintf(recordQuestionsSQL, unnestSQL(askedTypes...)) + ") " +
	fmt.Sprintf(enqueueLeasedSQL, unnestSQL(repliesTypes...)))

// WriteBatch writes what a batch's turns left: the sent marks, the counted
// questions and the replies (one statement on PostgreSQL, one each on
// SQLite), setting each reply's ID, CreatedAt, EventAt and RetryKey; kept
// questions take three more (only when recruiters are notified).
func (t *BatchTx) WriteBatch(ctx context.Context, w worker.BatchWrite) error {
	at := t.now()
	asked := askedRows(w.Asked, at)
	replies, err := replyRows(w.Replies, at, w.LeaseUntil)
	if err != nil {
		return err
	}
	var ids []idRow
	if t.dialect == DialectPostgres {
		if len(w.Sent)+asked.len()+replies.len() > 0 {
			args := append([]any{ts(at), pq.Int64Array(w.Sent)}, asked.arrays()...)
			err = inTx(ctx, t.tx, t.stmts, &ids, writeBatchPG, append(args, replies.arrays()...)...)
		}
	} else {
		ids, err = t.writeSQLite(ctx, at, w.Sent, asked, replies)
	}
	if err != nil {
		return wrap(err, "write batch")
	}
	setIDs(w.Replies, ids)
	return t.rememberQuestions(ctx, w.Kept)
}

// writeSQLite is WriteBatch's statements on SQLite, each run when it has
// rows.
func (t *BatchTx) writeSQLite(ctx context.Context, at time.Time, sent []int64, asked, replies *rowSet) ([]idRow, error) {
	if len(sent) > 0 {
		q := fmt.Sprintf(markSentSQL, "IN ("+repeatRow("?", len(sent))+")")
		args := append([]any{ts(at)}, int64Args(sent)...)
		if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(q), args...); err != nil {
			return nil, err
		}
	}
	if asked.len() > 0 {
		q := fmt.Sprintf(recordQuestionsSQL, valuesSQL(askedRow, asked.len()))
		if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(q), asked.values()...); err != nil {
			return nil, err
		}
	}
	if replies.len() == 0 {
		return nil, nil
	}
	var ids []idRow
	q := fmt.Sprintf(enqueueLeasedSQL, valuesSQL(repliesRow, replies.len()))
	err := t.tx.SelectContext(ctx, &ids, t.tx.Rebind(q), replies.values()...)
	return ids, err
}

// askedRows are the rows of the counted questions, asked at at.
func askedRows(qs []worker.AskedQuestion, at time.Time) *rowSet {
	rows := newRowSet(len(askedTypes), len(qs))
	for _, q := range qs {
		rows.add(ts(at), string(q.Channel), q.Outcome, q.FAQID)
	}
	return rows
}

// replyRows are the rows of the replies, created at at and leased until
// until, setting their RetryKey, EventAt and CreatedAt.
func replyRows(ds []*bot.Delivery, at, until time.Time) (*rowSet, error) {
	rows := newRowSet(len(repliesTypes), len(ds))
	for _, d := range ds {
		r, err := newOutboxRow(d, at)
		if err != nil {
			return nil, err
		}
		d.CreatedAt = at
		rows.add(r.Kind, r.Channel, r.UserID, r.Recipient, r.Thread, r.ReplyToken,
			r.EventAt, r.Payload, r.Ref, r.RetryKey, r.CreatedAt, r.DueAt, ts(until))
	}
	return rows, nil
}

// idRow is a reply's id as the outbox insert returns it.
type idRow struct {
	ID       int64  `db:"id"`
	RetryKey string `db:"retry_key"`
}

// setIDs sets each reply's ID from the rows returned for it.
func setIDs(ds []*bot.Delivery, ids []idRow) {
	byKey := make(map[string]*bot.Delivery, len(ds))
	for _, d := range ds {
		byKey[d.RetryKey] = d
	}
	for _, r := range ids {
		if d := byKey[r.RetryKey]; d != nil {
			d.ID = r.ID
		}
	}
}
