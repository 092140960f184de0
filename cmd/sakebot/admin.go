package main

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/store"
)

// adminMount returns the staff web page, to be mounted at "/admin/", and
// true when ADMIN_PASSWORD is set; nil and false when it is not (serve
// then says the page is off). The page's 「試す」 box uses the engine's
// answerer, so it says exactly what the bot would.
func adminMount(a *app, cfg config, log *slog.Logger) (http.Handler, bool) {
	if cfg.AdminPassword == "" {
		return nil, false
	}
	h, err := admin.New(admin.Config{
		Password: cfg.AdminPassword,
		Store:    adminStore{Store: a.store, engine: a.engine},
		Answerer: a.engine.Answerer(),
		Logger:   log,
		Now:      a.now,
	})
	if err != nil {
		log.Error("the admin page is off: it could not start", "err", err)
		return nil, false
	}
	return h, true
}

// adminStore is the store as the admin page sees it, except that a status
// change goes through the engine: the Slack notice is updated and a
// candidate invited to an interview is told, as when staff click in Slack.
type adminStore struct {
	*store.Store
	engine *bot.Engine
}

// SetApplicationStatus changes the status through the engine.
func (s adminStore) SetApplicationStatus(ctx context.Context, id int64, to bot.Status, actor string) (bot.Application, error) {
	app, _, err := s.engine.SetApplicationStatus(ctx, id, to, actor)
	return app, err
}

// ForgetCandidate deletes through the engine, which also retracts the
// candidate's Slack notice and handoff thread.
func (s adminStore) ForgetCandidate(ctx context.Context, key bot.UserKey, actor string) (bool, error) {
	return s.engine.ForgetCandidate(ctx, key, actor)
}
