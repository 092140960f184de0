package main

import (
	"context"
	"log/slog"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/calendar"
	"github.com/sakemodel/sakebot/store"
)

// calendarLink is bot.Config.Events.CalendarLink: the signed address of a
// booking's .ics file on the public site ADMIN_BASE_URL (the server that
// also serves /admin/ and /calendar/). Without ADMIN_BASE_URL, or when the
// signing key cannot be read, it is nil and confirmations offer no file.
func calendarLink(ctx context.Context, s *store.Store, cfg config, log *slog.Logger) func(int64) string {
	if cfg.AdminBaseURL == "" {
		log.Info("booking confirmations offer no calendar file: set ADMIN_BASE_URL to the site's public address")
		return nil
	}
	secret, err := s.CalendarSecret(ctx)
	if err != nil {
		log.Warn("booking confirmations offer no calendar file: cannot read its key", "err", err)
		return nil
	}
	return calendar.Links{BaseURL: cfg.AdminBaseURL, Secret: secret}.Booking
}

// calendarMount serves /calendar/: bookings' .ics files and the staff's
// feed (handlers/calendar).
func calendarMount(a *app, log *slog.Logger) *calendar.Handler {
	return calendar.New(calendar.Config{Store: a.store, Now: a.now, Logger: log.With("channel", "calendar")})
}

// withCalendarLink is ev offering link's calendar files.
func withCalendarLink(ev bot.EventConfig, link func(int64) string) bot.EventConfig {
	ev.CalendarLink = link
	return ev
}
