package webchat

import (
	"context"
	"embed"
	"log/slog"
	"net/http"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/clientip"
	"github.com/sakemodel/sakebot/worker"
)

//go:embed static
var static embed.FS

// Log is the conversation log the handler reads and writes.
type Log interface {
	// AddWebVisitorLine records what a visitor sent, once per clientID.
	AddWebVisitorLine(ctx context.Context, visitor, clientID, text string) (int64, bool, error)
	// WebMessagesAfter returns up to limit lines after the cursor, oldest first.
	WebMessagesAfter(ctx context.Context, visitor string, after int64, limit int) ([]bot.ChatLine, error)
	// WebLastMessages returns the last n lines, oldest first.
	WebLastMessages(ctx context.Context, visitor string, n int) ([]bot.ChatLine, error)
}

// EventAccepter takes events into the inbox durably (the worker's fast
// lane): when it returns without error, the event will be answered.
type EventAccepter interface {
	AcceptEvents(ctx context.Context, events []worker.Event) (int, error)
}

// Config is what the web chat needs.
type Config struct {
	Log    Log
	Inbox  EventAccepter
	Hub    *Hub
	Secret []byte // signs visitor cookies; shared by every replica
	// AllowedOrigins are the sites that may embed the chat
	// (WEBCHAT_ALLOWED_ORIGINS), e.g. "https://recruit.example.co.jp".
	AllowedOrigins []string
	Proxies        clientip.Proxies
	// VisitorTTL is how long a browser keeps its conversation (the
	// form-expiry period).
	VisitorTTL time.Duration
	Now        func() time.Time
	Logger     *slog.Logger
}

// Handler serves the web chat.
type Handler struct {
	cfg      Config
	log      *slog.Logger
	visitors visitors
	origins  origins
	limits   *limits
	streams  *streamCounts
	mux      *http.ServeMux
}

// New returns the web chat's handler. Mount it at "GET /{$}" (the page)
// and "/webchat/" (everything else).
func New(cfg Config) *Handler {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	h := &Handler{cfg: cfg, log: cfg.Logger,
		visitors: visitors{secret: cfg.Secret, maxAge: cfg.VisitorTTL, https: cfg.Proxies.IsHTTPS},
		origins:  newOrigins(cfg.AllowedOrigins, cfg.Proxies), limits: newLimits(), streams: newStreamCounts()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.page)
	mux.HandleFunc("GET /webchat/{$}", h.page)
	mux.HandleFunc("GET /webchat/static/{file}", h.asset)
	mux.HandleFunc("GET /webchat/widget.js", h.widget)
	mux.HandleFunc("POST /webchat/messages", h.send)
	mux.HandleFunc("GET /webchat/events", h.events)
	h.mux = mux
	return h
}

// ServeHTTP routes a request of the web chat.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mux.ServeHTTP(w, r)
}

// caller returns the visitor a request of the chat's own pages comes from:
// its origin is the chat's own or an allowed site, its cookie signed by
// the server. Otherwise it has answered (403, 401) and ok is false.
func (h *Handler) caller(w http.ResponseWriter, r *http.Request) (visitor string, ok bool) {
	if !h.origins.checkOrigin(w, r) {
		return "", false
	}
	if visitor, ok = h.visitors.of(r); !ok {
		writeError(w, http.StatusUnauthorized, msgNoVisitor)
	}
	return visitor, ok
}

// key is the visitor's conversation key.
func key(visitor string) bot.UserKey { return bot.UserKey{Channel: bot.ChannelWeb, UserID: visitor} }
