package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Tx is one transaction of InTx: the storage one turn of a conversation
// works in. It implements bot.Tx and is valid only inside the function
// given to InTx.
type Tx struct {
	tx *sqlx.Tx
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
