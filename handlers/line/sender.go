package line

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// MaxReplyAge is how old an event may be for its reply token to be tried;
// LINE's tokens live about a minute, so older ones go as a push. Within
// it, LINE's refusal of a token the bot may have used already (a delivery
// in doubt) means it was used.
const MaxReplyAge = 50 * time.Second

// Sender delivers replies on LINE: with the reply token when it is fresh
// and this is the first attempt, otherwise (or when the token is refused)
// as a push carrying the delivery's X-Line-Retry-Key, so a retried push is
// never delivered twice (409 means LINE already has it).
type Sender struct {
	c   *Client
	log *slog.Logger
	now func() time.Time
}

// NewSender returns a Sender over c.
func NewSender(c *Client, log *slog.Logger) *Sender {
	return &Sender{c: c, log: log, now: c.now}
}

var _ worker.Sender = (*Sender)(nil)

// Send implements worker.Sender.
func (s *Sender) Send(ctx context.Context, d bot.Delivery) error {
	msgs := render(d.Replies)
	if len(msgs) == 0 {
		return nil
	}
	fresh := s.now().Sub(d.EventAt) < MaxReplyAge
	// A delivery in doubt whose only attempt could have been a reply tries
	// the token again whatever its age: if it was not used, that delivers.
	if d.ReplyToken != "" && d.Attempts == 0 && (fresh || d.InDoubt) {
		res, _, err := s.c.api.ReplyMessageWithHttpInfo(&messaging_api.ReplyMessageRequest{ReplyToken: d.ReplyToken, Messages: msgs})
		closeBody(res)
		if err == nil {
			return nil
		}
		if !refusedToken(res, err) {
			return classify(res, err)
		}
		if d.InDoubt && fresh {
			// A token still young is refused only when it was used: the
			// worker that died had delivered this reply.
			s.log.Info("line: reply token already used by an earlier attempt; not pushing", "delivery", d.ID)
			return nil
		}
		s.log.Info("line: reply token refused; pushing instead", "delivery", d.ID)
	}
	return s.push(ctx, d, msgs)
}

// push sends d's messages as a push carrying its retry key, so a retried
// push is never shown twice (409: LINE has it already), paced by the
// client's push rate.
func (s *Sender) push(ctx context.Context, d bot.Delivery, msgs []messaging_api.MessageInterface) error {
	if err := s.c.push.Wait(ctx); err != nil {
		return err
	}
	to := d.To
	if to == "" {
		to = d.Key.UserID
	}
	res, _, err := s.c.api.PushMessageWithHttpInfo(&messaging_api.PushMessageRequest{To: to, Messages: msgs}, d.RetryKey)
	closeBody(res)
	if res != nil && res.StatusCode == http.StatusConflict {
		return nil // accepted before under the same retry key
	}
	if err != nil {
		return classify(res, err)
	}
	return nil
}

// refusedToken reports whether LINE refused the reply token (expired or
// already used): the message must then go as a push.
func refusedToken(res *http.Response, err error) bool {
	return res != nil && res.StatusCode == http.StatusBadRequest &&
		strings.Contains(strings.ToLower(err.Error()), "invalid reply token")
}

// classify turns a failed call into a worker.SendError: 429 and 5xx (and
// network errors) are retried, honouring Retry-After; other 4xx are
// permanent, since sending the same request again cannot succeed. So is
// a 429 saying the month's message quota is used up (QuotaExhausted):
// retrying would only fail again until next month.
func classify(res *http.Response, err error) error {
	if res == nil {
		return fmt.Errorf("line: %w", err)
	}
	e := fmt.Errorf("line: status %d: %s", res.StatusCode, errorSummary(err))
	switch {
	case QuotaExhausted(res, err):
		return worker.Permanent(e)
	case res.StatusCode == http.StatusTooManyRequests:
		return worker.RetryAfter(e, retryAfter(res))
	case res.StatusCode >= 500:
		return e
	}
	return worker.Permanent(e)
}

// QuotaExhausted reports whether LINE refused a message because the
// month's quota is used up: 429 with "You have reached your monthly
// limit." (an ordinary rate limit is a 429 with another message).
func QuotaExhausted(res *http.Response, err error) bool {
	return res != nil && res.StatusCode == http.StatusTooManyRequests && err != nil &&
		strings.Contains(strings.ToLower(err.Error()), "monthly limit")
}

// errorSummary keeps LINE's error message but never more than a line.
func errorSummary(err error) string {
	s := err.Error()
	if i := strings.Index(s, "{"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

// retryAfter reads the Retry-After header (seconds), if any.
func retryAfter(res *http.Response) time.Duration {
	if n, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return 0
}

func closeBody(res *http.Response) {
	if res != nil && res.Body != nil {
		res.Body.Close()
	}
}

// DisplayName returns a user's LINE display name (for the candidate
// record); it implements worker.ProfileSource.
//
// The SDK call takes no context (WithContext would race on the shared
// client), so the wait is bounded here: when ctx ends first, the call is
// left to finish (within the client's timeout) and its answer dropped.
func (c *Client) DisplayName(ctx context.Context, userID string) (string, error) {
	type result struct {
		name string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		res, p, err := c.api.GetProfileWithHttpInfo(userID)
		closeBody(res)
		if err != nil {
			done <- result{err: classify(res, err)}
			return
		}
		done <- result{name: p.DisplayName}
	}()
	select {
	case r := <-done:
		return r.name, r.err
	case <-ctx.Done():
		return "", fmt.Errorf("line: profile: %w", ctx.Err())
	}
}

// ShowBusy starts the loading animation in a user's chat, for answers that
// take more than a moment; it implements worker.BusyIndicator.
func (c *Client) ShowBusy(ctx context.Context, userID string) error {
	res, _, err := c.api.ShowLoadingAnimationWithHttpInfo(&messaging_api.ShowLoadingAnimationRequest{ChatId: userID, LoadingSeconds: 10})
	closeBody(res)
	if err != nil {
		return classify(res, err)
	}
	return nil
}
