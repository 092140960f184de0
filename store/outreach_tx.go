package store

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// InOutreachTx runs fn in one transaction holding the lock of key, as
// InTx does (so one broadcast's or rule's sends run one transaction at a
// time, even across replicas), and gives fn the transaction as the
// outreach sees it. It commits when fn returns nil and rolls back
// otherwise.
func (s *Store) InOutreachTx(ctx context.Context, key bot.UserKey, fn func(bot.OutreachTx) error) error {
	return s.withTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.lockKey(ctx, tx, key); err != nil {
			return err
		}
		return fn(s.tx(tx))
	})
}
