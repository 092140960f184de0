package store

import "context"

// DownTo undoes the migrations above version v (for tests).
func (s *Store) DownTo(ctx context.Context, v int64) error {
	_, err := s.migrator.DownTo(ctx, v)
	return err
}
