package slack

import (
	"net/http"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// Config is what the Slack channel needs.
type Config struct {
	Token         string   // the bot token (xoxb-…)
	SigningSecret string   // verifies that requests come from Slack
	APIURL        string   // the Web API base; default https://slack.com/api/
	NotifyChannel string   // the channel id where applications and handoffs are posted
	Staff         []string // the user ids who may edit FAQs and act on applications
	// MinInterval spaces the messages posted to one channel (Slack allows
	// about one a second); zero means one second, negative means none.
	MinInterval time.Duration
	// Now is the one clock (when events arrived, cache ages, when to
	// recheck a notice); nil means time.Now.
	Now func() time.Time
}

// clock is c.Now, or time.Now when it is nil.
func (c Config) clock() func() time.Time {
	if c.Now == nil {
		return time.Now
	}
	return c.Now
}

// apiURL is the Web API base with a trailing slash.
func (c Config) apiURL() string {
	u := strings.TrimSpace(c.APIURL)
	if u == "" {
		return slack.APIURL
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// interval is the spacing of messages to one channel.
func (c Config) interval() time.Duration {
	switch {
	case c.MinInterval < 0:
		return 0
	case c.MinInterval == 0:
		return time.Second
	}
	return c.MinInterval
}

// newHTTPClient is the client of every call to Slack: bounded in time, so
// a slow Slack never holds a request or the worker for long.
func newHTTPClient(timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout, Transport: &http.Transport{
		Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 16, IdleConnTimeout: 90 * time.Second,
		TLSHandshakeTimeout: 5 * time.Second, ResponseHeaderTimeout: timeout,
	}}
}

// newAPI returns a Web API client without slack-go's own retries: the
// outbox retries, with backoff, and knows what was already sent.
func newAPI(cfg Config, timeout time.Duration) *slack.Client {
	return slack.New(cfg.Token, slack.OptionAPIURL(cfg.apiURL()), slack.OptionHTTPClient(newHTTPClient(timeout)))
}
