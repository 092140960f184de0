package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// namedGet runs a query with :name parameters taken from arg (a row
// struct) and scans its one result row into dest; RETURNING uses it.
func namedGet(ctx context.Context, q sqlx.ExtContext, dest any, query string, arg any) error {
	bound, args, err := sqlx.Named(query, arg)
	if err != nil {
		return err
	}
	return sqlx.GetContext(ctx, q, dest, q.Rebind(bound), args...)
}
