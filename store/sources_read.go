package store

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// listSourcesSQL lists every source, newest first.
const listSourcesSQL = `SELECT ` + sourceColumns + ` FROM sources ORDER BY created_at DESC, id DESC`

// ListSources returns every source, disabled ones too, newest first, for
// staff.
func (s *Store) ListSources(ctx context.Context) ([]bot.Source, error) {
	var rows []sourceRow
	if err := s.db.SelectContext(ctx, &rows, listSourcesSQL); err != nil {
		return nil, wrap(err, "list sources")
	}
	out := make([]bot.Source, len(rows))
	for i, r := range rows {
		out[i] = toSource(r)
	}
	return out, nil
}

// SourceByID returns one source, or bot.ErrNotFound.
func (s *Store) SourceByID(ctx context.Context, id int64) (bot.Source, error) {
	var r sourceRow
	if err := s.db.GetContext(ctx, &r, s.db.Rebind(sourceByIDSQL), id); err != nil {
		return bot.Source{}, wrap(err, "source %d", id)
	}
	return toSource(r), nil
}

// SourceCount is how a source has done, for the sources page, the
// dashboard and the report. Students are the students whose first source
// it is; the other counts but Arrivals are of those students, each
// counted once (so Applications/Students is the conversion from arrival
// to application and never exceeds 1).
type SourceCount struct {
	SourceID     int64 `db:"source_id"`
	Students     int   `db:"students"`     // students whose first source this is
	Arrivals     int   `db:"arrivals"`     // every arrival with the code, first or not, of anyone
	Applications int   `db:"applications"` // of Students, those who submitted an application (any status)
	Bookings     int   `db:"bookings"`     // of Students, those with a booking not cancelled (booked, attended, no-show)
	Attended     int   `db:"attended"`     // of Students, those who attended an event
}

// sourceCountsSQL counts, per source, its students (first arrivals), its
// arrivals and what its students went on to do. The bookings are the
// students' by channel and user (a booking's candidate_id may be NULL).
const sourceCountsSQL = `SELECT s.id AS source_id,
	(SELECT COUNT(*) FROM candidate_sources cs WHERE cs.source_id = s.id AND cs.is_first = ?) AS students,
	(SELECT COUNT(*) FROM candidate_sources cs WHERE cs.source_id = s.id) AS arrivals,
	(SELECT COUNT(*) FROM candidate_sources cs WHERE cs.source_id = s.id AND cs.is_first = ?
		AND EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = cs.candidate_id)) AS applications,
	(SELECT COUNT(*) FROM candidate_sources cs JOIN candidates c ON c.id = cs.candidate_id
		WHERE cs.source_id = s.id AND cs.is_first = ? AND EXISTS (SELECT 1 FROM bookings b
			WHERE b.channel = c.channel AND b.user_id = c.user_id AND b.state <> 'cancelled')) AS bookings,
	(SELECT COUNT(*) FROM candidate_sources cs JOIN candidates c ON c.id = cs.candidate_id
		WHERE cs.source_id = s.id AND cs.is_first = ? AND EXISTS (SELECT 1 FROM bookings b
			WHERE b.channel = c.channel AND b.user_id = c.user_id AND b.state = 'attended')) AS attended
FROM sources s ORDER BY s.created_at DESC, s.id DESC`

// SourceCounts returns the counts of every source (zeros too), in
// ListSources' order.
func (s *Store) SourceCounts(ctx context.Context) ([]SourceCount, error) {
	var out []SourceCount
	if err := s.db.SelectContext(ctx, &out, s.db.Rebind(sourceCountsSQL), true, true, true, true); err != nil {
		return nil, wrap(err, "source counts")
	}
	return out, nil
}
