package store

import "context"

// DownTo undoes the migrations above version v (for tests).
func (s *Store) DownTo(ctx context.Context, v int64) error {
	_, err := s.migrator.DownTo(ctx, v)
	return err
}

// LanePrepared is how many of the fast lane's statements are prepared (for
// tests).
func (s *Store) LanePrepared() int {
	s.prep.mu.Lock()
	defer s.prep.mu.Unlock()
	return len(s.prep.stmts)
}
