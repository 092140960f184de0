package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// Statements of Stats. The day of a question is its date in Japan; the two
// engines spell that differently (see dayExpr).
const (
	// peopleSQL is everyone who talked to the bot, one row per user key:
	// whoever wrote on any channel (each received event is in the inbox,
	// consent or not), and every candidate (a LINE friend who only added
	// the bot, say). Left out: the opening of the web chat, which no one
	// wrote (web:<visitor>:open), and the groups, rooms and Slack channels
	// the bot answers in, which are keyed by the place, not by a person
	// (LINE group ids start with C, room ids with R; Slack channel ids
	// with C or G, while its users' start with U or W).
	peopleSQL = `SELECT channel, user_id FROM candidates
	UNION
	SELECT channel, user_id FROM inbox
	WHERE NOT (channel = 'web' AND event_id LIKE 'web:%:open')
	  AND NOT (channel = 'line' AND substr(user_id, 1, 1) IN ('C', 'R'))
	  AND NOT (channel = 'slack' AND substr(user_id, 1, 1) IN ('C', 'G'))`

	countPeopleSQL = `SELECT COUNT(*) FROM (` + peopleSQL + `) people`

	applicationsByStatusSQL = `SELECT status, COUNT(*) AS n FROM applications GROUP BY status`

	questionsByDaySQL = `SELECT %s AS day, outcome, COUNT(*) AS n FROM question_log
	WHERE at >= ? AND at < ? GROUP BY 1, outcome`

	topFAQsSQL = `SELECT q.faq_id, COALESCE(MAX(f.question), '') AS question, COUNT(*) AS n
	FROM question_log q LEFT JOIN faqs f ON f.id = q.faq_id
	WHERE q.at >= ? AND q.at < ? AND q.outcome IN ('answered', 'chosen') AND q.faq_id <> ''
	GROUP BY q.faq_id ORDER BY n DESC, q.faq_id LIMIT ?`

	peopleByChannelSQL = `SELECT channel, COUNT(*) AS n FROM (` + peopleSQL + `) people GROUP BY channel`

	applicationsByChannelSQL = `SELECT channel, COUNT(*) AS n FROM applications GROUP BY channel`

	countOpenHandoffsSQL = `SELECT COUNT(*) FROM handoffs WHERE status IN ('requested', 'open')`

	openHandoffsSQL = `SELECT id, channel, user_id, reason, question, status, slack_channel, slack_ts,
	created_at, closed_at FROM handoffs WHERE status IN ('requested', 'open')
	ORDER BY created_at DESC, id DESC LIMIT ?`
)

// dayExpr is the date in Japan (YYYY-MM-DD) of question_log.at, per
// dialect. Japan has no daylight saving time, so a fixed offset is exact.
func (s *Store) dayExpr() string {
	if s.dialect == DialectPostgres {
		return `to_char((at AT TIME ZONE 'UTC') + INTERVAL '9 hours', 'YYYY-MM-DD')`
	}
	return `strftime('%Y-%m-%d', at, '+9 hours')`
}

// Stats summarises the data for the staff dashboard: the people who talked
// to the bot (see peopleSQL) and the applications, as they are now; questions (by outcome, per day and per
// answering entry) from q.Since to the end of its q.Days days in Japan; the
// open handoffs. At most q.Top entries and handoffs are listed.
func (s *Store) Stats(ctx context.Context, q bot.StatsQuery) (bot.Stats, error) {
	st := bot.Stats{Applications: map[bot.Status]int{}}
	first := bot.StartOfDayJST(q.Since)
	end := first.AddDate(0, 0, max(q.Days, 0))
	if err := s.db.GetContext(ctx, &st.Candidates, countPeopleSQL); err != nil {
		return bot.Stats{}, wrap(err, "stats: people")
	}
	if err := s.applicationsByStatus(ctx, st.Applications); err != nil {
		return bot.Stats{}, err
	}
	days, err := s.questionsByDay(ctx, q.Since, end)
	if err != nil {
		return bot.Stats{}, err
	}
	for i := range max(q.Days, 0) {
		d := first.AddDate(0, 0, i)
		c := days[d.Format(time.DateOnly)]
		st.Days = append(st.Days, bot.DayCount{Day: d, QuestionCounts: c})
		st.Questions.Answered += c.Answered
		st.Questions.Ambiguous += c.Ambiguous
		st.Questions.Missed += c.Missed
	}
	if st.TopFAQs, err = s.topFAQs(ctx, q.Since, end, q.Top); err != nil {
		return bot.Stats{}, err
	}
	if err := s.db.GetContext(ctx, &st.OpenHandoffs, countOpenHandoffsSQL); err != nil {
		return bot.Stats{}, wrap(err, "stats: open handoffs")
	}
	if st.Handoffs, err = s.openHandoffs(ctx, q.Top); err != nil {
		return bot.Stats{}, err
	}
	return st, nil
}

// applicationsByStatus counts every application by status into counts.
func (s *Store) applicationsByStatus(ctx context.Context, counts map[bot.Status]int) error {
	var rows []struct {
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &rows, applicationsByStatusSQL); err != nil {
		return wrap(err, "stats: applications")
	}
	for _, r := range rows {
		counts[bot.Status(r.Status)] = r.N
	}
	return nil
}

// ChannelCounts counts the people who talked to the bot (see peopleSQL)
// and the applications of each channel, as they are now: every channel of bot.Channels in its order
// (zero counts included), then any other channel found stored, by name.
func (s *Store) ChannelCounts(ctx context.Context) ([]bot.ChannelCount, error) {
	candidates, err := s.countByChannel(ctx, peopleByChannelSQL, "people")
	if err != nil {
		return nil, err
	}
	applications, err := s.countByChannel(ctx, applicationsByChannelSQL, "applications")
	if err != nil {
		return nil, err
	}
	channels := bot.Channels()
	var others []bot.Channel
	for _, counts := range []map[bot.Channel]int{candidates, applications} {
		for c := range counts {
			if !slices.Contains(channels, c) && !slices.Contains(others, c) {
				others = append(others, c)
			}
		}
	}
	slices.Sort(others)
	out := make([]bot.ChannelCount, 0, len(channels)+len(others))
	for _, c := range append(channels, others...) {
		out = append(out, bot.ChannelCount{Channel: c, Candidates: candidates[c], Applications: applications[c]})
	}
	return out, nil
}

// countByChannel runs query, which selects channel and n, into a map;
// what names the figure in an error.
func (s *Store) countByChannel(ctx context.Context, query, what string) (map[bot.Channel]int, error) {
	var rows []struct {
		Channel string `db:"channel"`
		N       int    `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &rows, query); err != nil {
		return nil, wrap(err, "stats: %s by channel", what)
	}
	counts := make(map[bot.Channel]int, len(rows))
	for _, r := range rows {
		counts[bot.Channel(r.Channel)] = r.N
	}
	return counts, nil
}

// questionsByDay counts the questions asked from since to end by their
// date in Japan (YYYY-MM-DD).
func (s *Store) questionsByDay(ctx context.Context, since, end time.Time) (map[string]bot.QuestionCounts, error) {
	var rows []struct {
		Day     string `db:"day"`
		Outcome string `db:"outcome"`
		N       int    `db:"n"`
	}
	query := s.db.Rebind(fmt.Sprintf(questionsByDaySQL, s.dayExpr()))
	if err := s.db.SelectContext(ctx, &rows, query, ts(since), ts(end)); err != nil {
		return nil, wrap(err, "stats: questions")
	}
	days := map[string]bot.QuestionCounts{}
	for _, r := range rows {
		c := days[r.Day]
		c.Add(r.Outcome, r.N)
		days[r.Day] = c
	}
	return days, nil
}

// topFAQs lists the entries that answered most often from since to end.
func (s *Store) topFAQs(ctx context.Context, since, end time.Time, limit int) ([]bot.FAQCount, error) {
	var rows []struct {
		FAQID    string `db:"faq_id"`
		Question string `db:"question"`
		N        int    `db:"n"`
	}
	if limit <= 0 {
		return nil, nil
	}
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(topFAQsSQL), ts(since), ts(end), limit); err != nil {
		return nil, wrap(err, "stats: top entries")
	}
	top := make([]bot.FAQCount, 0, len(rows))
	for _, r := range rows {
		top = append(top, bot.FAQCount{FAQID: r.FAQID, Question: r.Question, Count: r.N})
	}
	return top, nil
}

// openHandoffs lists the newest handoffs still requested or open.
func (s *Store) openHandoffs(ctx context.Context, limit int) ([]bot.Handoff, error) {
	if limit <= 0 {
		return nil, nil
	}
	var rows []handoffRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(openHandoffsSQL), limit); err != nil {
		return nil, wrap(err, "stats: open handoffs")
	}
	out := make([]bot.Handoff, 0, len(rows))
	for _, r := range rows {
		out = append(out, bot.Handoff{ID: r.ID, Key: bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID},
			Reason: bot.HandoffReason(r.Reason), Question: r.Question, Status: bot.HandoffStatus(r.Status), CreatedAt: r.CreatedAt.Time})
	}
	return out, nil
}
