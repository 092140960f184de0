package store

import (
	"context"
	"sync"

	"github.com/jmoiron/sqlx"
)

// lanePGSQL lists the fast lane's PostgreSQL statements. Their texts are
// fixed (rows come as arrays, not as lists of placeholders), so each is
// prepared once and PostgreSQL parses and analyses it once per connection
// instead of once per batch (it still plans it with each batch's values:
// see pgDefaults).
var lanePGSQL = []string{lockFreePG, busyUsersPG, insertEventsPG, readBatchPG, writeBatchPG}

// prepared holds the fast lane's statements once they are prepared.
type prepared struct {
	mu    sync.Mutex
	stmts map[string]*sqlx.Stmt // nil until all are prepared
}

// laneStmts returns the fast lane's statements prepared on PostgreSQL, or
// nil: on SQLite, or while they cannot be prepared yet (before migrations,
// or with the database away), in which case they run unprepared and the
// next batch tries again. It must be called outside a transaction: a
// statement is prepared on a connection of the pool.
func (s *Store) laneStmts(ctx context.Context) map[string]*sqlx.Stmt {
	if s.dialect != DialectPostgres {
		return nil
	}
	s.prep.mu.Lock()
	defer s.prep.mu.Unlock()
	if s.prep.stmts != nil {
		return s.prep.stmts
	}
	stmts := make(map[string]*sqlx.Stmt, len(lanePGSQL))
	for _, q := range lanePGSQL {
		st, err := s.db.PreparexContext(ctx, q)
		if err != nil {
			closeStmts(stmts)
			return nil
		}
		stmts[q] = st
	}
	s.prep.stmts = stmts
	return stmts
}

// closeStmts closes prepared statements.
func (p *prepared) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	closeStmts(p.stmts)
	p.stmts = nil
}

func closeStmts(stmts map[string]*sqlx.Stmt) {
	for _, st := range stmts {
		st.Close()
	}
}

// inTx runs query, a PostgreSQL statement with $n placeholders, in tx:
// prepared when it is among stmts, as is otherwise.
func inTx(ctx context.Context, tx *sqlx.Tx, stmts map[string]*sqlx.Stmt, dest any, query string, args ...any) error {
	if st := stmts[query]; st != nil {
		return tx.StmtxContext(ctx, st).SelectContext(ctx, dest, args...)
	}
	return tx.SelectContext(ctx, dest, query, args...)
}
