package worker

import (
	"context"
	"errors"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// Sender delivers outbox deliveries on one channel (LINE, Slack).
type Sender interface {
	// Send delivers d once. A nil error means the platform accepted it (or
	// had already accepted it: an idempotent retry). Errors are retried
	// unless marked permanent with a *SendError.
	Send(ctx context.Context, d bot.Delivery) error
}

// ProfileSource looks up a user's display name on a channel.
type ProfileSource interface {
	DisplayName(ctx context.Context, userID string) (string, error)
}

// MessageProfileSource is a ProfileSource of a channel without a follow
// event (Slack): the worker asks it for the display name of the user of
// every one-to-one message and postback, so it should cache names.
type MessageProfileSource interface {
	ProfileSource
	NamesOnMessages()
}

// BusyIndicator shows a user that an answer is on its way (LINE's loading
// animation).
type BusyIndicator interface {
	ShowBusy(ctx context.Context, userID string) error
}

// SendError says how a failed send should be retried.
type SendError struct {
	Err        error
	Permanent  bool          // retrying cannot help (bad request, bad credentials)
	RetryAfter time.Duration // the platform asked to wait this long (429 Retry-After)
}

func (e *SendError) Error() string { return e.Err.Error() }
func (e *SendError) Unwrap() error { return e.Err }

// Permanent marks err as not worth retrying.
func Permanent(err error) error { return &SendError{Err: err, Permanent: true} }

// RetryAfter marks err as retryable after d.
func RetryAfter(err error, d time.Duration) error { return &SendError{Err: err, RetryAfter: d} }

// retryPolicy decides what happens after a failed attempt: give up, or
// when to try again.
func retryPolicy(err error, attempts int, maxAttempts int) (giveUp bool, wait time.Duration) {
	var se *SendError
	if errors.As(err, &se) && se.Permanent {
		return true, 0
	}
	if attempts+1 >= maxAttempts {
		return true, 0
	}
	wait = time.Second << min(attempts, 8) // 1s, 2s, 4s … 256s
	wait = min(wait, 5*time.Minute)
	if errors.As(err, &se) && se.RetryAfter > wait {
		wait = se.RetryAfter
	}
	return false, wait
}
