package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Tx is one transaction of InTx: the storage one turn of a conversation
// works in. It implements bot.Tx and is valid only inside the function
// given to InTx.
type Tx struct {
	tx    *sqlx.Tx
	clock func() time.Time
}

// tx wraps a transaction of s.
func (s *Store) tx(tx *sqlx.Tx) *Tx {
	return &Tx{tx: tx, clock: s.clock}
}

// now is the store's clock, as the time will read back from either database.
func (s *Store) now() time.Time {
	return s.clock().UTC().Truncate(time.Microsecond)
}

// now is the store's clock, as the time will read back from either database.
func (t *Tx) now() time.Time {
	return t.clock().UTC().Truncate(time.Microsecond)
}

// withTx runs fn in a transaction, committing when it returns nil. fn's
// error is returned as it is, so domain errors reach the caller intact.
func (s *Store) withTx(ctx context.Context, fn func(*sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", mapErr(err))
	}
	return nil
}
