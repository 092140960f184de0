package main

import (
	"context"

	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/handlers/line"
)

// lineQuota is the admin page's reading of the LINE message quota (the
// dashboard's card); nil when LINE is off, and the card says so.
func lineQuota(lc *line.Client) admin.QuotaFunc {
	if lc == nil {
		return nil
	}
	return func(ctx context.Context) (used, limit int64, limited bool, err error) {
		q, err := lc.Quota(ctx)
		return q.Used, q.Limit, q.Limited, err
	}
}
