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

// MarkDoneUnreleased marks an event done without releasing the next event
// of its user, as when an event of theirs was being stored meanwhile and
// the release did not see it yet (for tests).
func (s *Store) MarkDoneUnreleased(ctx context.Context, eventID string) error {
	_, err := s.db.ExecContext(ctx, s.db.Rebind(`UPDATE inbox SET status = 'done' WHERE event_id = ?`), eventID)
	return err
}

// WaitingEvents counts the events that wait behind another (for tests).
func (s *Store) WaitingEvents(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM inbox WHERE waiting = 1`)
	return n, err
}
