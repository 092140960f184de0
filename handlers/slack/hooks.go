package slack

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// hookClient posts to the response_url of a command or a button click:
// ephemeral answers that change nothing (and may be lost without harm).
type hookClient struct {
	hc      *http.Client
	apiHost string // the Web API's host, also accepted (tests, proxies)
}

func newHookClient(cfg Config) *hookClient {
	u, _ := url.Parse(cfg.apiURL())
	host := ""
	if u != nil {
		host = u.Host
	}
	return &hookClient{hc: newHTTPClient(2 * time.Second), apiHost: host}
}

// errNotSlack refuses a response_url that does not point at Slack.
var errNotSlack = errors.New("slack: response_url is not a Slack URL")

// post sends msg to a response_url, which must be Slack's (https on
// slack.com) or on the Web API's host.
func (h *hookClient) post(ctx context.Context, responseURL string, msg *slack.WebhookMessage) error {
	u, err := url.Parse(responseURL)
	if err != nil {
		return errNotSlack
	}
	host := strings.ToLower(u.Hostname())
	slackHost := u.Scheme == "https" && (host == "slack.com" || strings.HasSuffix(host, ".slack.com"))
	if !slackHost && (h.apiHost == "" || !strings.EqualFold(u.Host, h.apiHost)) {
		return errNotSlack
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return slack.PostWebhookCustomHTTPContext(ctx, responseURL, h.hc, msg)
}
