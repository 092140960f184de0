package line

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"
	"golang.org/x/time/rate"
)

// Config is what the LINE channel needs.
type Config struct {
	Secret         string // the channel secret (signature verification)
	PreviousSecret string // the secret before a rotation, still accepted
	Token          string // the channel access token
	APIBase        string // default https://api.line.me
	DataAPIBase    string // default https://api-data.line.me
	// PushRate is how many pushes a second this process sends at most
	// (a token bucket; a burst of a second's worth); 0 means
	// DefaultPushRate. LINE allows 2,000 requests a second per channel
	// across every replica, so keep replicas × PushRate well below that.
	PushRate float64
	// Now is the one clock (when events arrived, whether a reply token is
	// still fresh); nil means time.Now.
	Now func() time.Time
}

// DefaultPushRate is the pushes a second one process sends at most: a
// quarter of LINE's per-channel limit (2,000 a second), leaving room for
// replies and for another replica.
const DefaultPushRate = 500

// clock is cfg.Now, or time.Now when it is nil.
func (c Config) clock() func() time.Time {
	if c.Now == nil {
		return time.Now
	}
	return c.Now
}

// Client is the LINE Messaging API, with timeouts, shared by the sender,
// the profile look-ups and the rich menu command. The SDK clients are used
// only through their …WithHttpInfo methods and never with WithContext,
// which would race on a shared client.
type Client struct {
	api  *messaging_api.MessagingApiAPI
	blob *messaging_api.MessagingApiBlobAPI
	now  func() time.Time
	push *rate.Limiter // paces pushes (broadcasts, reminders) under LINE's rate limit
}

// NewClient returns a Client for cfg's token and API hosts.
func NewClient(cfg Config) (*Client, error) {
	// A batch's replies leave together: enough idle connections are kept
	// that a burst reuses them instead of opening new ones (each a TLS
	// handshake with the real API).
	hc := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		Proxy: http.ProxyFromEnvironment, MaxIdleConns: 256, MaxIdleConnsPerHost: 128, IdleConnTimeout: 90 * time.Second,
		TLSHandshakeTimeout: 5 * time.Second, ResponseHeaderTimeout: 8 * time.Second,
	}}
	api, err := messaging_api.NewMessagingApiAPI(cfg.Token,
		messaging_api.WithEndpoint(orDefault(cfg.APIBase, "https://api.line.me")), messaging_api.WithHTTPClient(hc))
	if err != nil {
		return nil, fmt.Errorf("line: client: %w", err)
	}
	blob, err := messaging_api.NewMessagingApiBlobAPI(cfg.Token,
		messaging_api.WithBlobEndpoint(orDefault(cfg.DataAPIBase, "https://api-data.line.me")),
		messaging_api.WithBlobHTTPClient(hc))
	if err != nil {
		return nil, fmt.Errorf("line: blob client: %w", err)
	}
	pace := cfg.PushRate
	if pace <= 0 {
		pace = DefaultPushRate
	}
	return &Client{api: api, blob: blob, now: cfg.clock(), push: rate.NewLimiter(rate.Limit(pace), max(1, int(pace)))}, nil
}

func orDefault(s, def string) string {
	if s = strings.TrimRight(strings.TrimSpace(s), "/"); s != "" {
		return s
	}
	return def
}
