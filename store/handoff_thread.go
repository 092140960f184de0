package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/sakemodel/sakebot/bot"
)

// setHandoffThreadSQL records where a handoff's thread was posted.
const setHandoffThreadSQL = `UPDATE handoffs SET slack_channel = ?, slack_ts = ? WHERE id = ?`

// SetHandoffThread records the Slack channel and ts of the first message
// of a handoff's thread, so recruiters' replies in it find the handoff;
// bot.ErrNotFound when there is no such handoff.
func (s *Store) SetHandoffThread(ctx context.Context, id int64, channel, threadTS string) error {
	res, err := s.db.ExecContext(ctx, s.db.Rebind(setHandoffThreadSQL), channel, threadTS, id)
	if err == nil {
		err = mustAffect(res, bot.ErrNotFound)
	}
	return wrap(err, "handoff %d thread", id)
}

// handoffByThreadSQL finds the newest handoff of a thread.
const handoffByThreadSQL = `SELECT ` + handoffColumns + ` FROM handoffs
	WHERE slack_channel = ? AND slack_ts = ? AND slack_ts <> '' ORDER BY id DESC LIMIT 1`

// HandoffByThread returns the handoff whose thread starts with the message
// ts in a Slack channel, or bot.ErrNotFound.
func (s *Store) HandoffByThread(ctx context.Context, channel, threadTS string) (bot.Handoff, error) {
	var r handoffRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(handoffByThreadSQL), channel, threadTS); err != nil {
		return bot.Handoff{}, wrap(err, "handoff of thread %s", threadTS)
	}
	return toHandoff(r)
}

// handoffCandidateColumns are what staff see about a handoff's (h)
// candidate: the display name, and the reference and id of the newest
// application.
const handoffCandidateColumns = `
	COALESCE((SELECT c.display_name FROM candidates c WHERE c.channel = h.channel AND c.user_id = h.user_id), '') AS display_name,
	COALESCE((SELECT a.ref FROM applications a WHERE a.channel = h.channel AND a.user_id = h.user_id
		ORDER BY a.created_at DESC, a.id DESC LIMIT 1), '') AS ref,
	COALESCE((SELECT a.id FROM applications a WHERE a.channel = h.channel AND a.user_id = h.user_id
		ORDER BY a.created_at DESC, a.id DESC LIMIT 1), 0) AS app_id`

// handoffCandidateRow is a row of handoffCandidateColumns.
type handoffCandidateRow struct {
	DisplayName string `db:"display_name"`
	Ref         string `db:"ref"`
	AppID       int64  `db:"app_id"`
}

// view is h as staff see it, with this row's candidate.
func (r handoffCandidateRow) view(h bot.Handoff) bot.HandoffView {
	return bot.HandoffView{Handoff: h, DisplayName: r.DisplayName, ApplicationRef: r.Ref, ApplicationID: r.AppID}
}

// handoffViewSQL reads what recruiters see about a handoff's candidate.
const handoffViewSQL = `SELECT ` + handoffCandidateColumns + ` FROM handoffs h WHERE h.id = ?`

// HandoffView returns a handoff with its candidate's display name and
// newest application (reference and id), or bot.ErrNotFound.
func (s *Store) HandoffView(ctx context.Context, id int64) (bot.HandoffView, error) {
	h, err := s.Handoff(ctx, id)
	if err != nil {
		return bot.HandoffView{}, err
	}
	var r handoffCandidateRow
	err = s.db.GetContext(ctx, &r, s.db.Rebind(handoffViewSQL), id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return bot.HandoffView{}, wrap(err, "handoff %d", id)
	}
	return r.view(h), nil
}
