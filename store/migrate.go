package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/jmoiron/sqlx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// migrations holds the schema of each dialect, one directory each.
//
//go:embed migrations/postgres/*.sql migrations/sqlite/*.sql
var migrations embed.FS

// newMigrator prepares the goose provider of the dialect's migrations. On
// PostgreSQL a session advisory lock keeps replicas that start together from
// migrating at the same time.
func newMigrator(db *sqlx.DB, dialect string) (*goose.Provider, error) {
	dir, err := fs.Sub(migrations, "migrations/"+dialect)
	if err != nil {
		return nil, fmt.Errorf("store: migrations of %s: %w", dialect, err)
	}
	gooseDialect := goose.DialectSQLite3
	var opts []goose.ProviderOption
	if dialect == DialectPostgres {
		gooseDialect = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, fmt.Errorf("store: migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(gooseDialect, db.DB, dir, opts...)
	if err != nil {
		return nil, fmt.Errorf("store: migrations of %s: %w", dialect, err)
	}
	return p, nil
}

// Migrate applies every embedded migration not applied yet, then computes
// the search keys of applications stored without one (see
// backfillSearchKeys). Running it again is a no-op.
func (s *Store) Migrate(ctx context.Context) error {
	if _, err := s.migrator.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return s.backfillSearchKeys(ctx)
}
