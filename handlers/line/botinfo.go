package line

import (
	"context"
	"fmt"
)

// BasicID reads the official account's basic ID (GET /v2/bot/info →
// basicId, like "@123abcde"), which the links that open a chat with the
// account need (https://line.me/R/oaMessage/{basicId}/?{text}). Like
// Quota, the SDK call takes no context: the wait is bounded here, and the
// client's timeout bounds the call.
func (c *Client) BasicID(ctx context.Context) (string, error) {
	type result struct {
		id  string
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, info, err := c.api.GetBotInfoWithHttpInfo()
		closeBody(res)
		if err != nil {
			done <- result{err: fmt.Errorf("line: bot info: %w", classify(res, err))}
			return
		}
		if info.BasicId == "" {
			done <- result{err: fmt.Errorf("line: bot info: no basicId in the answer")}
			return
		}
		done <- result{id: info.BasicId}
	}()
	select {
	case r := <-done:
		return r.id, r.err
	case <-ctx.Done():
		return "", fmt.Errorf("line: bot info: %w", ctx.Err())
	}
}
