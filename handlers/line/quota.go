package line

import (
	"context"
	"fmt"

	"github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"
	"github.com/sakemodel/sakebot/bot"
)

// Quota is the LINE channel's message quota this month: pushes (and
// multicasts, broadcasts) count against it; replies do not.
type Quota struct {
	Limited bool  // the plan has a monthly limit (type "limited"); false: no limit ("none")
	Limit   int64 // the month's limit, when Limited
	Used    int64 // messages sent this month (totalUsage)
}

// Left is how many more messages the month allows (0 when used up);
// meaningless when not Limited.
func (q Quota) Left() int64 { return max(q.Limit-q.Used, 0) }

var _ bot.Quota = (*Client)(nil)

// Quota reads the month's quota and consumption (GET
// /v2/bot/message/quota and /v2/bot/message/quota/consumption). Like
// DisplayName, the SDK calls take no context (WithContext would race on
// the shared client): the wait is bounded here, and the client's timeout
// bounds the calls.
func (c *Client) Quota(ctx context.Context) (Quota, error) {
	type result struct {
		q   Quota
		err error
	}
	done := make(chan result, 1)
	go func() {
		q, err := c.readQuota()
		done <- result{q, err}
	}()
	select {
	case r := <-done:
		return r.q, r.err
	case <-ctx.Done():
		return Quota{}, fmt.Errorf("line: quota: %w", ctx.Err())
	}
}

// readQuota makes the two calls of Quota.
func (c *Client) readQuota() (Quota, error) {
	res, q, err := c.api.GetMessageQuotaWithHttpInfo()
	closeBody(res)
	if err != nil {
		return Quota{}, fmt.Errorf("line: quota: %w", classify(res, err))
	}
	if q.Type != messaging_api.QuotaType_LIMITED {
		return Quota{}, nil
	}
	res, used, err := c.api.GetMessageQuotaConsumptionWithHttpInfo()
	closeBody(res)
	if err != nil {
		return Quota{}, fmt.Errorf("line: quota consumption: %w", classify(res, err))
	}
	return Quota{Limited: true, Limit: q.Value, Used: used.TotalUsage}, nil
}

// QuotaLeft implements bot.Quota: the messages left this month, known
// only when the plan has a limit.
func (c *Client) QuotaLeft(ctx context.Context) (int64, bool, error) {
	q, err := c.Quota(ctx)
	if err != nil || !q.Limited {
		return 0, false, err
	}
	return q.Left(), true, nil
}
