package admin

import (
	"crypto/sha256"
	"errors"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/handlers/clientip"
	"github.com/sakemodel/sakebot/internal/password"
)

// DefaultSessionTTL is how long a login lasts when Config.SessionTTL is 0.
const DefaultSessionTTL = 12 * time.Hour

// Config is what the page needs.
type Config struct {
	// Password is the break-glass password (ADMIN_PASSWORD): when set, it
	// signs in as a 管理者 without an account (the page says so); staff
	// otherwise sign in with their accounts (sakebot staff add).
	Password string
	// Store is the storage; *store.Store implements it.
	Store Store
	// Desk changes application statuses and forgets candidates; use the
	// engine, so the recruiters' notice and the candidate hear of it.
	Desk Desk
	// Answerer answers the 「試す」 box; use the engine's, so the box says
	// exactly what the bot would.
	Answerer Asker
	// Inbox takes the replies staff write in 対応中の会話 as events for
	// the engine, so they are ordered with the candidate's own messages
	// and handled once; use the worker. Nil: replies are refused.
	Inbox Inbox
	// Logger receives errors and notable actions, never personal data.
	Logger *slog.Logger
	// SessionTTL is how long a login lasts (DefaultSessionTTL when 0).
	SessionTTL time.Duration
	// Now is the clock (time.Now when nil); tests move it.
	Now func() time.Time
	// PasswordCost is the bcrypt cost of the passwords the page sets
	// (password.DefaultCost when 0; tests use less).
	PasswordCost int
	// TrustedProxies are the peers (TRUSTED_PROXIES) whose X-Forwarded-For
	// and X-Forwarded-Proto are believed; from any other peer, and from
	// every peer when empty, the client is the peer itself.
	TrustedProxies []netip.Prefix
	// Quota reads the LINE message quota for the dashboard's card; nil
	// (LINE is off): the card says it cannot be read.
	Quota QuotaFunc
	// Calendar keeps the staff calendar feed's secret; nil: the feed is
	// not offered.
	Calendar CalendarFeed
	// SiteURL is the site's public address (https://bot.example.jp), for
	// the calendar feed's address and the web chat links of the sources;
	// empty: the address the request came to.
	SiteURL string
	// Sources reads the sources (流入経路) and what each brought; nil: the
	// sources pages say they are off. Changes go through Desk.
	Sources SourceStore
	// LINEBasicID returns the LINE account's basic ID for the sources'
	// LINE links and QR codes; nil (LINE is off): the pages say so.
	LINEBasicID BasicIDFunc
	// Outreach changes segments, broadcasts and automatic messages (配信);
	// use *bot.Outreach. Nil, or OutreachReads nil: the 配信 pages say they
	// are off.
	Outreach OutreachDesk
	// OutreachReads reads them for the 配信 pages; *store.Store has it.
	OutreachReads OutreachReads
	// SlackOn says Slack is on, so that a broadcast's テスト送信 can go to
	// the staff member's own Slack DM (their account's Slack member id).
	SlackOn bool
}

// server holds the page's dependencies; its methods are the handlers.
type server struct {
	store    Store
	desk     Desk
	answerer Asker
	inbox    Inbox // nil: replies are refused
	log      *slog.Logger
	now      func() time.Time
	ttl      time.Duration
	password [sha256.Size]byte // the break-glass password's hash, compared in constant time
	glass    bool              // a break-glass password is set
	hashCost int               // bcrypt cost of the passwords set here
	proxies  clientip.Proxies  // whose forwarded headers are believed
	pages    pages
	// events pages (events_*.go, quota.go)
	quotaRead  QuotaFunc    // nil: LINE is off
	quotaCache quotaCache   // the last reading of the quota
	calendar   CalendarFeed // nil: no staff calendar feed
	site       string       // Config.SiteURL, without a trailing slash
	// sources pages (sources*.go)
	sources      SourceStore // nil: off
	basicID      BasicIDFunc // nil: LINE is off
	basicIDCache basicIDCache
	// 配信 pages (outreach_*.go, segments*.go, broadcasts*.go, rules*.go)
	outreach      OutreachDesk  // nil: off
	outreachReads OutreachReads // nil: off
	slackOn       bool          // テスト送信 may go to a Slack DM
}

// New returns the page's handler, to be mounted at "/admin/".
func New(cfg Config) (http.Handler, error) {
	switch {
	case cfg.Store == nil || cfg.Desk == nil || cfg.Answerer == nil:
		return nil, errors.New("admin: Store, Desk and Answerer are required")
	}
	s := &server{
		store: cfg.Store, desk: cfg.Desk, answerer: cfg.Answerer, log: cfg.Logger, now: cfg.Now, ttl: cfg.SessionTTL,
		password: sha256.Sum256([]byte(cfg.Password)), glass: cfg.Password != "", hashCost: cfg.PasswordCost, proxies: clientip.Proxies(cfg.TrustedProxies),
	}
	s.inbox = cfg.Inbox
	s.quotaRead, s.calendar, s.site = cfg.Quota, cfg.Calendar, strings.TrimRight(cfg.SiteURL, "/")
	s.sources, s.basicID = cfg.Sources, cfg.LINEBasicID
	s.outreach, s.outreachReads, s.slackOn = cfg.Outreach, cfg.OutreachReads, cfg.SlackOn
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.ttl <= 0 {
		s.ttl = DefaultSessionTTL
	}
	if s.hashCost <= 0 {
		s.hashCost = password.DefaultCost
	}
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	return s.routes(), nil
}
