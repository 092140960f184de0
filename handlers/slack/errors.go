package slack

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/sakemodel/sakebot/worker"
	"github.com/slack-go/slack"
)

// permanentErrors are Slack's error codes that sending the same request
// again cannot fix.
var permanentErrors = map[string]bool{
	"channel_not_found": true, "not_in_channel": true, "is_archived": true, "invalid_auth": true,
	"not_authed": true, "account_inactive": true, "token_revoked": true, "token_expired": true,
	"missing_scope": true, "invalid_blocks": true, "invalid_blocks_format": true, "msg_too_long": true,
	"no_text": true, "too_many_attachments": true, "message_not_found": true, "cant_update_message": true,
	"restricted_action": true, "invalid_arguments": true, "invalid_metadata_format": true,
	"invalid_metadata_schema": true, "metadata_too_large": true, "user_not_found": true,
	"cannot_dm_bot": true, "team_access_not_granted": true, "ekm_access_denied": true,
	"thread_not_found": true, "cant_delete_message": true, "compliance_exports_prevent_deletion": true,
}

// classify turns a failed Web API call into a worker.SendError for the
// outbox: rate limits wait as long as Slack asks (or back off when it does
// not say), server errors and network trouble are retried, and refusals
// that a retry cannot change are permanent.
func classify(err error) error {
	if err == nil {
		return nil
	}
	e := fmt.Errorf("slack: %w", err)
	var limited *slack.RateLimitedError
	if errors.As(err, &limited) {
		return worker.RetryAfter(e, limited.RetryAfter)
	}
	var status slack.StatusCodeError
	if errors.As(err, &status) {
		if status.Code == http.StatusTooManyRequests || status.Code >= 500 {
			return e
		}
		return worker.Permanent(e)
	}
	var refused slack.SlackErrorResponse
	if errors.As(err, &refused) {
		switch {
		case refused.Err == "ratelimited":
			return worker.RetryAfter(e, time.Second)
		case permanentErrors[refused.Err]:
			return worker.Permanent(e)
		}
	}
	return e
}
