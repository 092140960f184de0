package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// applicationRow is a row of applications.
type applicationRow struct {
	ID           int64     `db:"id"`
	Ref          string    `db:"ref"`
	CandidateID  int64     `db:"candidate_id"`
	Channel      string    `db:"channel"`
	UserID       string    `db:"user_id"`
	Name         string    `db:"name"`
	Kana         string    `db:"kana"`
	School       string    `db:"school"`
	Department   string    `db:"department"`
	Graduation   string    `db:"graduation"`
	Email        string    `db:"email"`
	Phone        string    `db:"phone"`
	KitamiWish   string    `db:"kitami_wish"`
	ITExperience string    `db:"it_experience"`
	Motivation   string    `db:"motivation"`
	Status       string    `db:"status"`
	Active       bool      `db:"active"` // Status.Active(), for the one-active index
	SlackChannel string    `db:"slack_channel"`
	SlackTS      string    `db:"slack_ts"`
	CreatedAt    timestamp `db:"created_at"`
	UpdatedAt    timestamp `db:"updated_at"`
	// SearchKey is written, never read back (applicationColumns leaves it
	// out): what ListApplications searches, see searchKey.
	SearchKey string `db:"search_key"`
}

// fromApplication converts an application for storage, with its search
// key.
func fromApplication(a bot.Application) applicationRow {
	return applicationRow{
		ID: a.ID, Ref: a.Ref, CandidateID: a.CandidateID,
		Channel: string(a.Key.Channel), UserID: a.Key.UserID,
		Name: a.Name, Kana: a.Kana, School: a.School, Department: a.Department,
		Graduation: a.Graduation, Email: a.Email, Phone: a.Phone, KitamiWish: a.KitamiWish,
		ITExperience: a.ITExperience, Motivation: a.Motivation,
		Status: string(a.Status), Active: a.Status.Active(),
		SlackChannel: a.SlackChannel, SlackTS: a.SlackTS,
		CreatedAt: ts(a.CreatedAt), UpdatedAt: ts(a.UpdatedAt),
		SearchKey: searchKey(a.Ref, a.Name, a.Kana, a.School, a.Email, a.Phone),
	}
}

// toApplication converts a stored application.
func toApplication(r applicationRow) bot.Application {
	return bot.Application{
		ID: r.ID, Ref: r.Ref, CandidateID: r.CandidateID,
		Key:  bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID},
		Name: r.Name, Kana: r.Kana, School: r.School, Department: r.Department,
		Graduation: r.Graduation, Email: r.Email, Phone: r.Phone, KitamiWish: r.KitamiWish,
		ITExperience: r.ITExperience, Motivation: r.Motivation, Status: bot.Status(r.Status),
		SlackChannel: r.SlackChannel, SlackTS: r.SlackTS,
		CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
	}
}

// toApplications converts stored applications; never nil.
func toApplications(rows []applicationRow) []bot.Application {
	apps := make([]bot.Application, 0, len(rows))
	for _, r := range rows {
		apps = append(apps, toApplication(r))
	}
	return apps
}

// applicationColumns lists the columns of applications in the order of
// applicationRow.
const applicationColumns = `id, ref, candidate_id, channel, user_id, name, kana, school,
	department, graduation, email, phone, kitami_wish, it_experience, motivation, status, active,
	slack_channel, slack_ts, created_at, updated_at`

// latestApplicationSQL selects a candidate's newest application.
const latestApplicationSQL = `SELECT ` + applicationColumns + ` FROM applications
	WHERE candidate_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`

// LatestApplication returns the candidate's newest application, or
// bot.ErrNotFound.
func (t *Tx) LatestApplication(ctx context.Context, candidateID int64) (bot.Application, error) {
	var r applicationRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(latestApplicationSQL), candidateID); err != nil {
		return bot.Application{}, wrap(err, "latest application of candidate %d", candidateID)
	}
	return toApplication(r), nil
}

// applicationSQL selects one application.
const applicationSQL = `SELECT ` + applicationColumns + ` FROM applications WHERE id = ?`

// Application returns one application by ID, or bot.ErrNotFound.
func (s *Store) Application(ctx context.Context, id int64) (bot.Application, error) {
	var r applicationRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(applicationSQL), id); err != nil {
		return bot.Application{}, wrap(err, "application %d", id)
	}
	return toApplication(r), nil
}

// setApplicationNoticeSQL records where the recruiters' notice was posted.
const setApplicationNoticeSQL = `UPDATE applications SET slack_channel = ?, slack_ts = ? WHERE id = ?`

// SetApplicationNotice records the Slack channel and message ts of the
// recruiters' notice of an application, so the notice can be updated
// later; bot.ErrNotFound when there is no such application.
func (s *Store) SetApplicationNotice(ctx context.Context, id int64, channel, ts string) error {
	res, err := s.db.ExecContext(ctx, s.db.Rebind(setApplicationNoticeSQL), channel, ts, id)
	if err == nil {
		err = mustAffect(res, bot.ErrNotFound)
	}
	return wrap(err, "application %d notice", id)
}

// errNoCandidate explains a CreateApplication without a stored candidate.
var errNoCandidate = errors.New("store: application without a stored candidate (save the candidate first)")

// jst is Japan's time zone; reference numbers count by the Japanese year.
var jst = time.FixedZone("JST", 9*60*60)

// nextRefSQL takes the next number of a year's reference counter. On
// PostgreSQL the row lock makes concurrent transactions take turns.
const nextRefSQL = `
INSERT INTO ref_counters (year, last) VALUES (?, 1)
ON CONFLICT (year) DO UPDATE SET last = ref_counters.last + 1
RETURNING last`

// nextRef returns the next reference number, SK-YYYY-NNNN, of the year of
// at in Japan. It rolls back with the transaction, so numbers have no gaps
// from failed submissions.
func nextRef(ctx context.Context, q sqlx.ExtContext, at time.Time) (string, error) {
	year := at.In(jst).Year()
	var n int
	if err := sqlx.GetContext(ctx, q, &n, q.Rebind(nextRefSQL), year); err != nil {
		return "", wrap(err, "reference number")
	}
	return fmt.Sprintf("SK-%d-%04d", year, n), nil
}
