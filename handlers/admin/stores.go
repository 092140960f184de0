package admin

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// FAQStore is the FAQ storage the editor works on.
type FAQStore interface {
	ListFAQs(ctx context.Context) ([]bot.FAQ, error)
	FAQ(ctx context.Context, id string) (bot.FAQ, error)
	CreateFAQ(ctx context.Context, f *bot.FAQ) error
	UpdateFAQ(ctx context.Context, f *bot.FAQ) error
	DeleteFAQ(ctx context.Context, id string) error
	ImportFAQs(ctx context.Context, faqs []bot.FAQ, by string) error
}

// MissStore holds the questions the bot could not answer.
type MissStore interface {
	ListMisses(ctx context.Context, limit int) ([]bot.Miss, error)
	DismissMiss(ctx context.Context, id int64) error
}

// ApplicationStore is what the applications pages read and change.
type ApplicationStore interface {
	ListApplications(ctx context.Context, f bot.ApplicationFilter) ([]bot.Application, error)
	Application(ctx context.Context, id int64) (bot.Application, error)
	SetApplicationStatus(ctx context.Context, id int64, to bot.Status, actor string) (bot.Application, error)
	ApplicationEvents(ctx context.Context, id int64) ([]bot.ApplicationEvent, error)
}

// StatsStore summarises the data for the dashboard.
type StatsStore interface {
	Stats(ctx context.Context, q bot.StatsQuery) (bot.Stats, error)
}

// SessionStore keeps the page's login sessions and failed login counts in
// the database, so every replica sees the same ones.
type SessionStore interface {
	CreateAdminSession(ctx context.Context, tokenHash, csrfToken string, expiresAt time.Time) error
	AdminSession(ctx context.Context, tokenHash string) (csrfToken string, expiresAt time.Time, err error)
	DeleteAdminSession(ctx context.Context, tokenHash string) error
	PruneAdminSessions(ctx context.Context, now, failuresBefore time.Time) error
	RecordAdminLoginFailure(ctx context.Context, client string, at, resetBefore time.Time) (int, error)
	AdminLoginFailures(ctx context.Context, client string) (int, time.Time, error)
	ClearAdminLoginFailures(ctx context.Context, client string) error
}

// Store is all the storage the page needs.
type Store interface {
	FAQStore
	MissStore
	ApplicationStore
	StatsStore
	SessionStore
}

// Asker ranks the FAQ entries for a question, as the bot would answer it;
// *bot.Answerer is one, and it reloads the FAQ when any replica edits it.
type Asker interface {
	Ask(ctx context.Context, question string) (bot.Match, error)
}
