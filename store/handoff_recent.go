package store

import (
	"context"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// What recent_questions keeps: the last few questions of a candidate, for
// a day, so a handoff can show recruiters what the candidate asked.
const (
	recentKeep = 3
	recentTTL  = 24 * time.Hour
)

// rememberQuestionSQL keeps a question of a stored candidate (none for a
// user who is not one).
const rememberQuestionSQL = `INSERT INTO recent_questions (candidate_id, text, at)
	SELECT id, ?, ? FROM candidates WHERE channel = ? AND user_id = ?`

// trimRecentSQL drops a candidate's questions beyond the newest few.
const trimRecentSQL = `DELETE FROM recent_questions WHERE candidate_id =
	(SELECT id FROM candidates WHERE channel = ? AND user_id = ?)
	AND id NOT IN (SELECT id FROM (SELECT r.id FROM recent_questions r JOIN candidates c ON c.id = r.candidate_id
		WHERE c.channel = ? AND c.user_id = ? ORDER BY r.id DESC LIMIT ?) AS newest)`

// expireRecentSQL drops everyone's questions older than the cutoff.
const expireRecentSQL = `DELETE FROM recent_questions WHERE at < ?`

// RememberQuestion keeps a question the user asked, for a handoff that may
// follow: the last three, for a day at most, only for a stored candidate
// (and deleted with them). Older questions, anyone's, are dropped here.
func (t *Tx) RememberQuestion(ctx context.Context, key bot.UserKey, text string, at time.Time) error {
	ch, user := string(key.Channel), key.UserID
	if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(rememberQuestionSQL), text, ts(at), ch, user); err != nil {
		return wrap(err, "remember question")
	}
	if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(trimRecentSQL), ch, user, ch, user, recentKeep); err != nil {
		return wrap(err, "trim recent questions")
	}
	if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(expireRecentSQL), ts(at.Add(-recentTTL))); err != nil {
		return wrap(err, "expire recent questions")
	}
	return nil
}

// recentQuestionsSQL reads a candidate's kept questions, oldest first.
const recentQuestionsSQL = `SELECT r.text FROM recent_questions r JOIN candidates c ON c.id = r.candidate_id
	WHERE c.channel = ? AND c.user_id = ? ORDER BY r.id`

// forgetRecentSQL drops a candidate's kept questions.
const forgetRecentSQL = `DELETE FROM recent_questions WHERE candidate_id =
	(SELECT id FROM candidates WHERE channel = ? AND user_id = ?)`

// TakeRecentQuestions returns the questions kept for the user, oldest
// first, and forgets them.
func (t *Tx) TakeRecentQuestions(ctx context.Context, key bot.UserKey) ([]string, error) {
	var texts []string
	ch, user := string(key.Channel), key.UserID
	if err := t.tx.SelectContext(ctx, &texts, t.tx.Rebind(recentQuestionsSQL), ch, user); err != nil {
		return nil, wrap(err, "recent questions")
	}
	if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(forgetRecentSQL), ch, user); err != nil {
		return nil, wrap(err, "forget recent questions")
	}
	return texts, nil
}

// rememberQuestionsSQL keeps questions of stored candidates, one row of
// (channel, user id, text, at) each.
const rememberQuestionsSQL = `INSERT INTO recent_questions (candidate_id, text, at)
	SELECT c.id, v.column3, v.column4 FROM (VALUES %s) AS v
	JOIN candidates c ON c.channel = v.column1 AND c.user_id = v.column2`

// trimRecentManySQL drops, for some of a channel's candidates, their
// questions beyond the newest few.
const trimRecentManySQL = `DELETE FROM recent_questions WHERE id IN (
	SELECT id FROM (SELECT r.id, ROW_NUMBER() OVER (PARTITION BY r.candidate_id ORDER BY r.id DESC) AS rn
		FROM recent_questions r JOIN candidates c ON c.id = r.candidate_id
		WHERE c.channel = ? AND c.user_id IN (%s)) AS ranked
	WHERE rn > ?)`

// rememberQuestions does what RememberQuestion does for many questions
// (at most one per user), with three statements (none without questions).
func (t *BatchTx) rememberQuestions(ctx context.Context, qs []worker.RecentQuestion) error {
	if len(qs) == 0 {
		return nil
	}
	row := "(?, ?, ?, ?)"
	if t.dialect == DialectPostgres {
		row = "(CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TIMESTAMPTZ))"
	}
	args := make([]any, 0, 4*len(qs))
	keys := make([]bot.UserKey, 0, len(qs))
	latest := qs[0].At
	for _, q := range qs {
		args = append(args, string(q.Key.Channel), q.Key.UserID, q.Text, ts(q.At))
		keys = append(keys, q.Key)
		if q.At.After(latest) {
			latest = q.At
		}
	}
	if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(fmt.Sprintf(rememberQuestionsSQL, repeatRow(row, len(qs)))), args...); err != nil {
		return wrap(err, "remember questions")
	}
	for ch, ids := range byChannel(keys) {
		args := append(append([]any{string(ch)}, stringArgs(ids)...), recentKeep)
		if _, err := t.tx.ExecContext(ctx, t.tx.Rebind(fmt.Sprintf(trimRecentManySQL, repeatRow("?", len(ids)))), args...); err != nil {
			return wrap(err, "trim recent questions")
		}
	}
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(expireRecentSQL), ts(latest.Add(-recentTTL)))
	return wrap(err, "expire recent questions")
}
