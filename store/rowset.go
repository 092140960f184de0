package store

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"
)

// rowSet holds the rows of a multi-row statement, column by column. SQLite
// gets them as a VALUES list with one placeholder per value; PostgreSQL as
// one array per column, so that the statement's text does not depend on
// the number of rows and can be prepared once (see lanePGSQL).
type rowSet struct {
	cols [][]any
}

// newRowSet returns an empty set of rows of ncols columns, with room for n.
func newRowSet(ncols, n int) *rowSet {
	r := &rowSet{cols: make([][]any, ncols)}
	for i := range r.cols {
		r.cols[i] = make([]any, 0, n)
	}
	return r
}

// add appends a row; vals has one value per column.
func (r *rowSet) add(vals ...any) {
	for i, v := range vals {
		r.cols[i] = append(r.cols[i], v)
	}
}

// len is the number of rows.
func (r *rowSet) len() int {
	if len(r.cols) == 0 {
		return 0
	}
	return len(r.cols[0])
}

// arrays returns the rows as one PostgreSQL array per column, the
// arguments of unnestSQL.
func (r *rowSet) arrays() []any {
	out := make([]any, len(r.cols))
	for i, c := range r.cols {
		out[i] = pgArray(c)
	}
	return out
}

// pgArray is a column's values as a PostgreSQL array literal. It does
// what lib/pq's GenericArray does for the values the store passes
// (strings, int64s, timestamps and nil), without reflection: that was 5%
// of sakebot's CPU under load.
type pgArray []any

// Value implements driver.Valuer.
func (a pgArray) Value() (driver.Value, error) {
	b := make([]byte, 0, 2+32*len(a))
	b = append(b, '{')
	for i, v := range a {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendElement(b, v); err != nil {
			return nil, err
		}
	}
	return string(append(b, '}')), nil
}

// appendElement appends one array element: quoted text, a number or NULL.
func appendElement(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "NULL"...), nil
	case string:
		return appendQuoted(b, v), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case timestamp:
		if v.IsZero() {
			return append(b, "NULL"...), nil
		}
		return append(v.UTC().AppendFormat(append(b, '"'), timeLayout), '"'), nil
	}
	return nil, fmt.Errorf("store: no array element for %T", v)
}

// appendQuoted appends s as a quoted array element, escaping quotes and
// backslashes.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for {
		i := strings.IndexAny(s, `"\`)
		if i < 0 {
			break
		}
		b = append(append(append(b, s[:i]...), '\\'), s[i])
		s = s[i+1:]
	}
	return append(append(b, s...), '"')
}

// values returns the rows' values row by row, the arguments of valuesSQL.
func (r *rowSet) values() []any {
	out := make([]any, 0, len(r.cols)*r.len())
	for j := range r.len() {
		for _, c := range r.cols {
			out = append(out, c[j])
		}
	}
	return out
}

// valuesSQL is a VALUES list of n rows like row, e.g. "(?, ?)".
func valuesSQL(row string, n int) string {
	return "VALUES " + repeatRow(row, n)
}

// unnestSQL selects rows from one array per column, the columns being of
// the PostgreSQL types given.
func unnestSQL(types ...string) string {
	arrays := make([]string, len(types))
	for i, t := range types {
		arrays[i] = "CAST(? AS " + t + "[])"
	}
	return "SELECT * FROM unnest(" + strings.Join(arrays, ", ") + ")"
}

// pgSQL is q with PostgreSQL's numbered placeholders.
func pgSQL(q string) string {
	return sqlx.Rebind(sqlx.DOLLAR, q)
}

// repeatRow repeats a row of placeholders n times, comma-separated.
func repeatRow(row string, n int) string {
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// int64Args converts ids to query arguments.
func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
