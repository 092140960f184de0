package store

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

var _ worker.RateCounter = (*Store)(nil)

// eventsUpToSQL counts a user's events received after a time, up to and
// including a given one (by order of arrival).
const eventsUpToSQL = `SELECT COUNT(*) FROM inbox WHERE channel = ? AND user_id = ? AND received_at > ? AND seq <= ?`

// EventsUpTo counts the events received from key after from, up to and
// including the event seq (the per-candidate rate limit).
func (s *Store) EventsUpTo(ctx context.Context, key bot.UserKey, from time.Time, seq int64) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, s.db.Rebind(eventsUpToSQL), string(key.Channel), key.UserID, ts(from), seq)
	return n, wrap(err, "count recent events")
}
