package store

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// SetApplicationStatus moves an application to status to and records the
// change and its actor in the audit trail, in one transaction (see
// Tx.ChangeApplicationStatus). Setting the current status again changes
// nothing. bot.ErrNotFound when there is no such application;
// bot.ErrActiveApplication when it would become active while the candidate
// has another active application.
func (s *Store) SetApplicationStatus(ctx context.Context, id int64, to bot.Status, actor string) (bot.Application, error) {
	var app bot.Application
	err := s.withTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		app, _, err = s.tx(tx).ChangeApplicationStatus(ctx, id, to, actor)
		return err
	})
	if err != nil {
		return bot.Application{}, err
	}
	return app, nil
}
