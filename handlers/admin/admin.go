package admin

import (
	"crypto/sha256"
	"errors"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/sakemodel/sakebot/handlers/clientip"
)

// DefaultSessionTTL is how long a login lasts when Config.SessionTTL is 0.
const DefaultSessionTTL = 12 * time.Hour

// Config is what the page needs.
type Config struct {
	// Password is the staff password (ADMIN_PASSWORD); it must not be empty.
	Password string
	// Store is the storage; *store.Store implements it.
	Store Store
	// Desk changes application statuses and forgets candidates; use the
	// engine, so the recruiters' notice and the candidate hear of it.
	Desk Desk
	// Answerer answers the 「試す」 box; use the engine's, so the box says
	// exactly what the bot would.
	Answerer Asker
	// Logger receives errors and notable actions, never personal data.
	Logger *slog.Logger
	// SessionTTL is how long a login lasts (DefaultSessionTTL when 0).
	SessionTTL time.Duration
	// Now is the clock (time.Now when nil); tests move it.
	Now func() time.Time
	// TrustedProxies are the peers (TRUSTED_PROXIES) whose X-Forwarded-For
	// and X-Forwarded-Proto are believed; from any other peer, and from
	// every peer when empty, the client is the peer itself.
	TrustedProxies []netip.Prefix
}

// server holds the page's dependencies; its methods are the handlers.
type server struct {
	store    Store
	desk     Desk
	answerer Asker
	log      *slog.Logger
	now      func() time.Time
	ttl      time.Duration
	password [sha256.Size]byte // the password's hash, compared in constant time
	proxies  clientip.Proxies  // whose forwarded headers are believed
	pages    pages
}

// New returns the page's handler, to be mounted at "/admin/".
func New(cfg Config) (http.Handler, error) {
	switch {
	case cfg.Password == "":
		return nil, errors.New("admin: empty password")
	case cfg.Store == nil || cfg.Desk == nil || cfg.Answerer == nil:
		return nil, errors.New("admin: Store, Desk and Answerer are required")
	}
	s := &server{
		store: cfg.Store, desk: cfg.Desk, answerer: cfg.Answerer, log: cfg.Logger, now: cfg.Now, ttl: cfg.SessionTTL,
		password: sha256.Sum256([]byte(cfg.Password)), proxies: clientip.Proxies(cfg.TrustedProxies),
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.ttl <= 0 {
		s.ttl = DefaultSessionTTL
	}
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	return s.routes(), nil
}
