package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/jpinput"
)

// listApplicationsSQL selects applications; ListApplications adds the
// filter, the order and the limit.
const listApplicationsSQL = `SELECT ` + applicationColumns + ` FROM applications`

// queryColumns are the columns a ListApplications query searches as they
// are stored, besides search_key.
var queryColumns = []string{"ref", "name", "kana", "school", "email"}

// ListApplications returns the applications matching f, newest first: of
// status f.Status (all when empty), made on channel f.Channel (all when
// empty), whose reference, name, kana, school, email or phone contains
// f.Query however either was typed (all when empty; see queryCondition),
// at most f.Limit (all when 0).
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
		cond, qargs := queryCondition(q)
		where, args = append(where, cond), append(args, qargs...)
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

// queryCondition is the condition of a ListApplications query q (not
// blank) and its arguments: the query's jpinput.SearchKey is contained in
// the application's search key, so 「きたみ」 and 「ｷﾀﾐ」 find キタミ,
// 「北見太郎」 finds 北見　太郎 and 「080-1111-2222」 finds 08011112222; or q
// itself, lower-cased, is contained in one of queryColumns, which keeps
// finding an application an older replica stored before Migrate gave it
// a key. % and _ in q match themselves. A query whose key is empty (only
// hyphens) is matched as typed only.
func queryCondition(q string) (string, []any) {
	var ors []string
	var args []any
	pattern := "%" + escapeLike(strings.ToLower(q)) + "%"
	for _, col := range queryColumns {
		ors, args = append(ors, "LOWER("+col+`) LIKE ? ESCAPE '\'`), append(args, pattern)
	}
	if key := jpinput.SearchKey(q); key != "" {
		ors, args = append(ors, `search_key LIKE ? ESCAPE '\'`), append(args, "%"+escapeLike(key)+"%")
	}
	return "(" + strings.Join(ors, " OR ") + ")", args
}

// likeEscaper escapes the wildcards of LIKE (with ESCAPE '\').
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// escapeLike makes s match itself in a LIKE pattern.
func escapeLike(s string) string {
	return likeEscaper.Replace(s)
}
