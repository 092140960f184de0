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

// Setting reads a PostgreSQL setting on one of the store's connections
// (for tests).
func (s *Store) Setting(name string) (string, error) {
	var v string
	err := s.db.Get(&v, "SELECT current_setting($1)", name)
	return v, err
}

// MissPickRows counts the rows of faq_miss_picks, whatever their miss (for
// tests).
func (s *Store) MissPickRows(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, "SELECT COUNT(*) FROM faq_miss_picks")
	return n, err
}
