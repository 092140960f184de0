package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// insertApplicationSQL stores a new application with its search key.
const insertApplicationSQL = `
INSERT INTO applications (ref, candidate_id, channel, user_id, name, kana, school, department,
	graduation, email, phone, kitami_wish, it_experience, motivation, status, active,
	slack_channel, slack_ts, created_at, updated_at, search_key)
VALUES (:ref, :candidate_id, :channel, :user_id, :name, :kana, :school, :department,
	:graduation, :email, :phone, :kitami_wish, :it_experience, :motivation, :status, :active,
	:slack_channel, :slack_ts, :created_at, :updated_at, :search_key)
RETURNING id`

// CreateApplication stores a submitted application of a stored candidate
// (a.CandidateID), assigning ID, Ref (SK-YYYY-NNNN, unique), Key (the
// candidate's), timestamps and, when empty, Status (submitted); it records
// the "submitted" event. bot.ErrActiveApplication when the candidate has an
// active application.
func (t *Tx) CreateApplication(ctx context.Context, a *bot.Application) error {
	app := *a
	if app.Status == "" {
		app.Status = bot.StatusSubmitted
	}
	if !app.Status.Valid() {
		return fmt.Errorf("store: create application: unknown status %q", app.Status)
	}
	key, err := candidateKey(ctx, t.tx, app.CandidateID)
	if err != nil {
		return err
	}
	if err := checkNoActive(ctx, t.tx, app); err != nil {
		return err
	}
	at := t.now()
	app.Key, app.CreatedAt, app.UpdatedAt = key, at, at
	if app.Ref, err = nextRef(ctx, t.tx, at); err != nil {
		return err
	}
	if err := namedGet(ctx, t.tx, &app.ID, insertApplicationSQL, fromApplication(app)); err != nil {
		return wrap(err, "create application")
	}
	ev := bot.ApplicationEvent{ApplicationID: app.ID, Actor: "candidate", Action: "submitted",
		To: string(app.Status), At: at}
	if err := insertEvent(ctx, t.tx, ev); err != nil {
		return err
	}
	*a = app
	return nil
}

// candidateKeySQL reads a candidate's key.
const candidateKeySQL = `SELECT channel, user_id FROM candidates WHERE id = ?`

// candidateKey returns the key of a stored candidate.
func candidateKey(ctx context.Context, q sqlx.ExtContext, id int64) (bot.UserKey, error) {
	var k struct {
		Channel string `db:"channel"`
		UserID  string `db:"user_id"`
	}
	if err := sqlx.GetContext(ctx, q, &k, q.Rebind(candidateKeySQL), id); err != nil {
		if mapErr(err) == bot.ErrNotFound {
			return bot.UserKey{}, fmt.Errorf("%w: candidate %d: %w", errNoCandidate, id, bot.ErrNotFound)
		}
		return bot.UserKey{}, wrap(err, "candidate %d", id)
	}
	return bot.UserKey{Channel: bot.Channel(k.Channel), UserID: k.UserID}, nil
}

// countActiveSQL counts a candidate's active applications (0 or 1).
const countActiveSQL = `SELECT COUNT(*) FROM applications WHERE candidate_id = ? AND active = TRUE`

// checkNoActive returns bot.ErrActiveApplication when a is active and the
// candidate already has an active application. The unique index stays the
// last word; checking first keeps the transaction usable on PostgreSQL,
// where a failed statement aborts it.
func checkNoActive(ctx context.Context, q sqlx.ExtContext, a bot.Application) error {
	if !a.Status.Active() {
		return nil
	}
	var n int
	if err := sqlx.GetContext(ctx, q, &n, q.Rebind(countActiveSQL), a.CandidateID); err != nil {
		return wrap(err, "active applications of candidate %d", a.CandidateID)
	}
	if n > 0 {
		return bot.ErrActiveApplication
	}
	return nil
}
