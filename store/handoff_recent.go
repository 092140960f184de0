package store

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
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
