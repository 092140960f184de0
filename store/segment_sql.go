package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// outreachCandidateColumns are the columns of candidates c, in
// candidateRow's order, for the queries that pick whom to message.
const outreachCandidateColumns = `c.id, c.channel, c.user_id, c.display_name, c.blocked, c.consent_at,
	c.broadcast_off_at, c.created_at, c.updated_at`

// reachableSQL holds for a candidate c who may be messaged: not blocked,
// no 配信停止, not on the terminal channel (?: bot.ChannelCLI).
const reachableSQL = `(c.blocked = FALSE AND c.broadcast_off_at IS NULL AND c.channel <> ?)`

// reachable is reachableSQL with its argument.
func reachable() (string, []any) {
	return reachableSQL, []any{string(bot.ChannelCLI)}
}

// newestApplicationSQL selects the id of candidate c's newest application.
const newestApplicationSQL = `SELECT a2.id FROM applications a2 WHERE a2.candidate_id = c.id
	ORDER BY a2.created_at DESC, a2.id DESC LIMIT 1`

// sqlConds collects the conditions of a WHERE clause, each with its
// arguments in order (? placeholders, rebound when run).
type sqlConds struct {
	conds []string
	args  []any
}

// add appends one condition and its arguments.
func (w *sqlConds) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// and joins the conditions with AND; "1 = 1" when there are none.
func (w *sqlConds) and() string {
	if len(w.conds) == 0 {
		return "1 = 1"
	}
	return "(" + strings.Join(w.conds, " AND ") + ")"
}

// inList is "IN (?, ?, …)" for n values (n > 0).
func inList(n int) string {
	return "IN (" + repeatRow("?", n) + ")"
}

// anys converts a list of values for the arguments of a query.
func anys[T any](xs []T, conv func(T) any) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = conv(x)
	}
	return out
}

// segmentWhere is the condition (over candidates c) of the candidates f
// selects at now, with its arguments: the one reading of a SegmentFilter,
// used to count a segment and to pick the recipients of a broadcast or a
// rule. Every condition set must hold. School, graduation and status are
// the newest application's (created last); bookings and messages are
// matched by the candidate's channel and user id, as a booking's
// candidate_id may be empty.
func segmentWhere(f bot.SegmentFilter, now time.Time) (string, []any) {
	var w sqlConds
	if len(f.Channels) > 0 {
		w.add("c.channel "+inList(len(f.Channels)), anys(f.Channels, func(c bot.Channel) any { return string(c) })...)
	}
	if len(f.Sources) > 0 {
		w.add(`EXISTS (SELECT 1 FROM candidate_sources cs WHERE cs.candidate_id = c.id AND cs.source_id `+
			inList(len(f.Sources))+`)`, int64Args(f.Sources)...)
	}
	if cond, args := newestApplicationWhere(f); cond != "" {
		w.add(cond, args...)
	}
	switch f.Applied {
	case bot.PresenceYes:
		w.add(`EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id)`)
	case bot.PresenceNo:
		w.add(`NOT EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id)`)
	}
	addPresence(&w, f.Booked, bookingExists(`b.state <> 'cancelled'`, f.EventKind))
	addPresence(&w, f.Attended, bookingExists(`b.state = 'attended'`, f.EventKind))
	if f.ActiveDays > 0 {
		w.add(`EXISTS (`+wroteSinceSQL+`)`, ts(daysBefore(now, f.ActiveDays)))
	}
	if f.InactiveDays > 0 {
		w.add(`NOT EXISTS (`+wroteSinceSQL+`)`, ts(daysBefore(now, f.InactiveDays)))
	}
	return w.and(), w.args
}

// wroteSinceSQL selects candidate c's messages received since a time (the
// inbox keeps them, processed or not, until the retention purge).
const wroteSinceSQL = `SELECT 1 FROM inbox i WHERE i.channel = c.channel AND i.user_id = c.user_id AND i.received_at >= ?`

// daysBefore is n days (of 24 hours) before t.
func daysBefore(t time.Time, n int) time.Time { return t.Add(-time.Duration(n) * 24 * time.Hour) }

// newestApplicationWhere is the condition on the newest application of
// candidate c that f's school, graduation year and statuses make, or ""
// when f has none of them.
func newestApplicationWhere(f bot.SegmentFilter) (string, []any) {
	var w sqlConds
	if f.School != "" {
		w.add(`LOWER(na.school) LIKE ? ESCAPE '\'`, "%"+escapeLike(strings.ToLower(f.School))+"%")
	}
	if f.GradYear != 0 {
		w.add(`na.graduation LIKE ?`, fmt.Sprintf("%04d-%%", f.GradYear))
	}
	if len(f.Statuses) > 0 {
		w.add("na.status "+inList(len(f.Statuses)), anys(f.Statuses, func(s bot.Status) any { return string(s) })...)
	}
	if len(w.conds) == 0 {
		return "", nil
	}
	return `EXISTS (SELECT 1 FROM applications na WHERE na.id = (` + newestApplicationSQL + `) AND ` + w.and() + `)`, w.args
}

// bookingCond is a condition on the bookings of candidate c.
type bookingCond struct {
	cond string
	args []any
}

// bookingExists is "candidate c has a booking in state" (a condition on
// b), of an event of kind when kind is set.
func bookingExists(state string, kind bot.EventKind) bookingCond {
	q := `EXISTS (SELECT 1 FROM bookings b`
	var args []any
	if kind != "" {
		q += ` JOIN events e ON e.id = b.event_id AND e.kind = ?`
		args = append(args, string(kind))
	}
	q += ` WHERE b.channel = c.channel AND b.user_id = c.user_id AND ` + state + `)`
	return bookingCond{cond: q, args: args}
}

// addPresence adds b when p is yes, its negation when p is no.
func addPresence(w *sqlConds, p bot.Presence, b bookingCond) {
	switch p {
	case bot.PresenceYes:
		w.add(b.cond, b.args...)
	case bot.PresenceNo:
		w.add("NOT "+b.cond, b.args...)
	}
}

// ruleTriggerWhere is the condition (over candidates c) that r's trigger
// happened in [from, to]: TriggerStatus, the newest application has
// r.Status and reached it then (its latest submitted or status event to
// r.Status; a submitted application without events, its creation);
// TriggerAttended, c attended an event (of r.EventKind when set) that
// ended then; TriggerFollow, c was created then and never applied.
func ruleTriggerWhere(r bot.Rule, from, to time.Time) (string, []any, error) {
	switch r.Trigger {
	case bot.TriggerStatus:
		return `EXISTS (SELECT 1 FROM applications na WHERE na.id = (` + newestApplicationSQL + `)
	AND na.status = ? AND COALESCE(
		(SELECT MAX(ae.at) FROM application_events ae WHERE ae.application_id = na.id
			AND ae.action IN ('submitted', 'status') AND ae.to_value = na.status),
		CASE WHEN na.status = 'submitted' THEN na.created_at END) BETWEEN ? AND ?)`,
			[]any{string(r.Status), ts(from), ts(to)}, nil
	case bot.TriggerAttended:
		q := `EXISTS (SELECT 1 FROM bookings b JOIN events e ON e.id = b.event_id
	WHERE b.channel = c.channel AND b.user_id = c.user_id AND b.state = 'attended' AND e.ends_at BETWEEN ? AND ?`
		args := []any{ts(from), ts(to)}
		if r.EventKind != "" {
			q, args = q+` AND e.kind = ?`, append(args, string(r.EventKind))
		}
		return q + `)`, args, nil
	case bot.TriggerFollow:
		return `(c.created_at BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id))`,
			[]any{ts(from), ts(to)}, nil
	}
	return "", nil, fmt.Errorf("store: rule %d: unknown trigger %q", r.ID, r.Trigger)
}
