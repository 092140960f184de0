package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// listApplicationsSQL selects applications; ListApplications adds the
// filter, the order and the limit.
const listApplicationsSQL = `SELECT ` + applicationColumns + ` FROM applications`

// queryColumns are the columns a ListApplications query searches.
var queryColumns = []string{"ref", "name", "kana", "school", "email"}

// ListApplications returns the applications matching f, newest first: of
// status f.Status (all when empty), made on channel f.Channel (all when
// empty), whose reference, name, kana, school or email contains f.Query
// (case-insensitively; all when empty), at most f.Limit (all when 0).
func (s *Store) ListApplications(ctx context.Context, f bot.ApplicationFilter) ([]bot.Application, error) {
	if f.Status != "" && !f.Status.Valid() {
		return nil, fmt.Errorf("store: list applications: unknown status %q", f.Status)
	}
	if f.Channel != "" && !f.Channel.Valid() {
		return nil, fmt.Errorf("store: list applications: unknown channel %q", f.Channel)
	}
	query, args := listApplicationsQuery(f)
	var rows []applicationRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return nil, wrap(err, "list applications")
	}
	return toApplications(rows), nil
}

// listApplicationsQuery builds the query of ListApplications and its
// arguments.
func listApplicationsQuery(f bot.ApplicationFilter) (string, []any) {
	var where []string
	var args []any
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, string(f.Status))
	}
	if f.Channel != "" {
		where, args = append(where, "channel = ?"), append(args, string(f.Channel))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		pattern := "%" + escapeLike(strings.ToLower(q)) + "%"
		var ors []string
		for _, col := range queryColumns {
			ors, args = append(ors, "LOWER("+col+`) LIKE ? ESCAPE '\'`), append(args, pattern)
		}
		where = append(where, "("+strings.Join(ors, " OR ")+")")
	}
	query := listApplicationsSQL
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY created_at DESC, id DESC"
	if f.Limit > 0 {
		query, args = query+" LIMIT ?", append(args, f.Limit)
	}
	return query, args
}

// likeEscaper escapes the wildcards of LIKE (with ESCAPE '\').
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// escapeLike makes s match itself in a LIKE pattern.
func escapeLike(s string) string {
	return likeEscaper.Replace(s)
}
