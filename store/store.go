package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/pressly/goose/v3"
	"github.com/sakemodel/sakebot/bot"
)

// The dialects a Store speaks, as reported by Dialect.
const (
	DialectPostgres = "postgres"
	DialectSQLite   = "sqlite"
)

// Store is sakebot's storage over one PostgreSQL or SQLite database. It is
// safe for concurrent use.
type Store struct {
	db       *sqlx.DB
	dialect  string
	migrator *goose.Provider
	prep     prepared // the fast lane's statements on PostgreSQL
	clock    func() time.Time
	sweep    sweeper // when the waiting events were last swept
}

// Open connects to the database at databaseURL: postgres://… or
// postgresql://… for PostgreSQL; sqlite:PATH, sqlite://PATH or file:PATH for
// SQLite. It checks the connection but does not migrate; call Migrate.
// Every time the store writes (created, updated, due, leased) is read from
// clock, the one clock the engine and the worker read too; nil means
// time.Now.
func Open(ctx context.Context, databaseURL string, clock func() time.Time) (*Store, error) {
	if clock == nil {
		clock = time.Now
	}
	c, err := parseURL(databaseURL)
	if err != nil {
		return nil, err
	}
	db, err := sqlx.Open(c.driver, c.dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", c.dialect, err)
	}
	configurePool(db, c)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to %s: %w", c.dialect, err)
	}
	s := &Store{db: db, dialect: c.dialect, clock: clock}
	if s.migrator, err = newMigrator(db, c.dialect); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// configurePool sizes the connection pool for the engine. PostgreSQL gets a
// modest pool per replica. A SQLite file gets a few connections: WAL lets
// readers run beside the one writer, and write transactions queue on the
// busy timeout. An in-memory SQLite database lives in one connection.
func configurePool(db *sqlx.DB, c connConfig) {
	switch {
	case c.dialect == DialectPostgres:
		db.SetMaxOpenConns(40) // workers and webhooks must not queue behind each other
		db.SetMaxIdleConns(40)
		db.SetConnMaxIdleTime(5 * time.Minute)
		db.SetConnMaxLifetime(30 * time.Minute)
	case c.memory:
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxIdleTime(0)
		db.SetConnMaxLifetime(0)
	default:
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(8)
		db.SetConnMaxIdleTime(0)
		db.SetConnMaxLifetime(0)
	}
}

// Close closes the database.
func (s *Store) Close() error {
	s.prep.close()
	return s.db.Close()
}

// Dialect reports the engine: DialectPostgres or DialectSQLite.
func (s *Store) Dialect() string {
	return s.dialect
}

// Ready reports whether the database answers and every migration has been
// applied; /readyz uses it.
func (s *Store) Ready(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	pending, err := s.migrator.HasPending(ctx)
	if err != nil {
		return fmt.Errorf("store: not migrated: %w", err)
	}
	if pending {
		return errors.New("store: migrations pending")
	}
	return nil
}

// InTx runs fn in one transaction holding the lock of key, so the turns of
// one user run one at a time even across replicas: on PostgreSQL a
// transaction-scoped advisory lock on the key; on SQLite the write lock
// every transaction takes at BEGIN (IMMEDIATE). It commits when fn returns
// nil and rolls back otherwise. fn must do all its storage work through the
// Tx it is given.
func (s *Store) InTx(ctx context.Context, key bot.UserKey, fn func(bot.Tx) error) error {
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.lockKey(ctx, tx, key); err != nil {
			return err
		}
		return fn(s.tx(tx))
	})
}

// lockKeySQL takes the PostgreSQL advisory lock of a user key until the end
// of the transaction.
const lockKeySQL = `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`

// lockKey serialises the transactions of key. SQLite needs nothing more:
// its transactions begin IMMEDIATE and so already run one at a time.
func (s *Store) lockKey(ctx context.Context, tx *sqlx.Tx, key bot.UserKey) error {
	if s.dialect != DialectPostgres {
		return nil
	}
	lockID := string(key.Channel) + ":" + key.UserID
	if _, err := tx.ExecContext(ctx, tx.Rebind(lockKeySQL), lockID); err != nil {
		return fmt.Errorf("store: lock %s: %w", lockID, err)
	}
	return nil
}
