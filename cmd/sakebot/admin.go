package main

import (
	"log/slog"
	"net/http"

	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/handlers/line"
)

// adminMount returns the staff web page, to be mounted at "/admin/", and
// true; nil and false when it could not start. Staff sign in with their
// accounts (sakebot staff add); ADMIN_PASSWORD, when set, also signs in as
// a break-glass 管理者. Status changes and deletions go through the
// engine, so the Slack notice is updated (or retracted) and a candidate
// invited to an interview is told, as when staff click in Slack. The
// page's 「試す」 box uses the engine's answerer, so it says exactly what
// the bot would. Replies written in 対応中の会話 go to inbox (the worker),
// as events of the candidate's, and 対応終了 through the engine. Its login slow-down keys on the client's address, taken
// from X-Forwarded-For only when the peer is one of TRUSTED_PROXIES, and
// on the account tried. Its events pages show the LINE quota read with lc
// (nil: LINE is off) and the staff calendar feed's address on
// ADMIN_BASE_URL (else on the address staff opened the page at). Its
// sources pages link to the web chat on the same site and to LINE with
// LINE_BASIC_ID, else the basic ID the bot info API gives through lc. Its
// 配信 pages (segments, broadcasts, automatic messages) change them through
// the app's Outreach, check broadcasts against the same LINE quota, and
// send テスト送信 to the staff member's Slack DM when Slack is on.
func adminMount(a *app, cfg config, log *slog.Logger, inbox admin.Inbox, lc *line.Client) (http.Handler, bool) {
	h, err := admin.New(admin.Config{
		Password:       cfg.AdminPassword,
		Store:          a.store,
		Desk:           a.engine,
		Answerer:       a.engine.Answerer(),
		Inbox:          inbox,
		Logger:         log,
		Now:            a.now,
		TrustedProxies: cfg.TrustedProxies,
		Quota:          lineQuota(lc),
		Calendar:       a.store,
		SiteURL:        cfg.AdminBaseURL,
		Sources:        adminSources{a.store},
		LINEBasicID:    lineBasicID(cfg, lc),
		Outreach:       a.outreach,
		OutreachReads:  a.store,
		SlackOn:        slackOn(cfg),
	})
	if err != nil {
		log.Error("the admin page is off: it could not start", "err", err)
		return nil, false
	}
	if cfg.AdminPassword != "" {
		log.Warn("ADMIN_PASSWORD is set: it signs in to the admin page as a break-glass 管理者; unset it once staff accounts exist")
	}
	return h, true
}
