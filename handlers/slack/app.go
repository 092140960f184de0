package slack

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/slack-go/slack"
)

// MaxBodyBytes caps a request from Slack; larger ones get 413. Slack's
// payloads are a few kilobytes (a modal submission at most some tens).
const MaxBodyBytes = 1 << 20

// App is the Slack channel's request side: events, slash commands and
// interactions.
type App struct {
	cfg   Config
	api   *slack.Client // short timeout: used while Slack waits for an answer
	hooks *hookClient   // response_url
	store Store
	desk  Desk
	wake  func()
	log   *slog.Logger
	staff map[string]bool
}

// New returns the Slack channel's handlers over store and desk; wake tells
// the worker that events or deliveries are waiting.
func New(cfg Config, store Store, desk Desk, wake func(), log *slog.Logger) *App {
	if wake == nil {
		wake = func() {}
	}
	staff := map[string]bool{}
	for _, id := range cfg.Staff {
		staff[id] = true
	}
	return &App{cfg: cfg, api: newAPI(cfg, 2500*time.Millisecond), hooks: newHookClient(cfg), store: store,
		desk: desk, wake: wake, log: log, staff: staff}
}

// Routes returns the Slack endpoints (Go 1.22 patterns → handlers), each
// behind the signature check.
func (a *App) Routes() map[string]http.Handler {
	return map[string]http.Handler{
		"POST /slack/events":       a.verified(a.events),
		"POST /slack/commands":     a.verified(a.commands),
		"POST /slack/interactions": a.verified(a.interactions),
	}
}

// isStaff reports whether a Slack user may edit FAQs and act on
// applications.
func (a *App) isStaff(user string) bool { return user != "" && a.staff[user] }
