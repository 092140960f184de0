package store

import (
	"context"
	"time"
)

// Gauges are counts read from the database at scrape time, so every
// replica reports the same, whole-system figures.
type Gauges struct {
	Questions     map[string]int // questions asked, by outcome (answered, ambiguous, missed)
	Applications  map[string]int // applications, by status
	Candidates    int
	InboxPending  int
	OutboxPending int
	OutboxOldest  time.Duration // age of the oldest pending delivery
	OutboxFailed  int
	HandoffsOpen  int
}

// Gauges reads the figures for /metrics.
func (s *Store) Gauges(ctx context.Context) (Gauges, error) {
	g := Gauges{Questions: map[string]int{}, Applications: map[string]int{}}
	if err := s.groupCount(ctx, `SELECT outcome AS k, COUNT(*) AS n FROM question_log GROUP BY outcome`, g.Questions); err != nil {
		return g, err
	}
	if err := s.groupCount(ctx, `SELECT status AS k, COUNT(*) AS n FROM applications GROUP BY status`, g.Applications); err != nil {
		return g, err
	}
	counts := []struct {
		dst   *int
		query string
	}{
		{&g.Candidates, `SELECT COUNT(*) FROM candidates`},
		{&g.InboxPending, `SELECT COUNT(*) FROM inbox WHERE status = 'pending'`},
		{&g.OutboxPending, `SELECT COUNT(*) FROM outbox WHERE status = 'pending'`},
		{&g.OutboxFailed, `SELECT COUNT(*) FROM outbox WHERE status = 'failed'`},
		{&g.HandoffsOpen, `SELECT COUNT(*) FROM handoffs WHERE closed_at IS NULL`},
	}
	for _, c := range counts {
		if err := s.db.GetContext(ctx, c.dst, c.query); err != nil {
			return g, wrap(err, "gauges")
		}
	}
	st, err := s.OutboxStats(ctx)
	g.OutboxOldest = st.OldestAge
	return g, err
}

// groupCount fills dst from a query returning (k, n) rows.
func (s *Store) groupCount(ctx context.Context, query string, dst map[string]int) error {
	var rows []struct {
		K string `db:"k"`
		N int    `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &rows, query); err != nil {
		return wrap(err, "gauges")
	}
	for _, r := range rows {
		dst[r.K] = r.N
	}
	return nil
}
