package store

import (
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
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
		out[i] = pq.GenericArray{A: c}
	}
	return out
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
