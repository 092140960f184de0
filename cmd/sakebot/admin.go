package main

import (
	"log/slog"
	"net/http"

	"github.com/sakemodel/sakebot/handlers/admin"
)

// adminMount returns the staff web page, to be mounted at "/admin/", and
// true when ADMIN_PASSWORD is set; nil and false when it is not (serve
// then says the page is off). Status changes and deletions go through the
// engine, so the Slack notice is updated (or retracted) and a candidate
// invited to an interview is told, as when staff click in Slack. The
// page's 「試す」 box uses the engine's answerer, so it says exactly what
// the bot would. Its login slow-down keys on the client's address, taken
// from X-Forwarded-For only when the peer is one of TRUSTED_PROXIES.
func adminMount(a *app, cfg config, log *slog.Logger) (http.Handler, bool) {
	if cfg.AdminPassword == "" {
		return nil, false
	}
	h, err := admin.New(admin.Config{
		Password:       cfg.AdminPassword,
		Store:          a.store,
		Desk:           a.engine,
		Answerer:       a.engine.Answerer(),
		Logger:         log,
		Now:            a.now,
		TrustedProxies: cfg.TrustedProxies,
	})
	if err != nil {
		log.Error("the admin page is off: it could not start", "err", err)
		return nil, false
	}
	return h, true
}
