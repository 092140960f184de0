package admin

import (
	"context"
	"sync"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// QuotaFunc reads the LINE channel's message quota of this month: the
// messages pushed so far (replies are free) and the month's limit; limited
// is false when the plan has no limit. cmd adapts the LINE client's Quota
// to it.
type QuotaFunc func(ctx context.Context) (used, limit int64, limited bool, err error)

// Bounds of the quota card: how long a reading is reused (each costs two
// calls to LINE), and how long the page waits for one.
const (
	quotaTTL     = 5 * time.Minute
	quotaTimeout = 3 * time.Second
)

// quotaView is the LINE quota card.
type quotaView struct {
	Known   bool // read: false when LINE is off or did not answer (「取得できません」)
	Limited bool
	Used    int64
	Limit   int64
	Left    int64
	Percent int  // used, of the limit (0–100), for the bar
	Low     bool // 80% or more used
	At      time.Time
	// Warning is the latest batch of reminders that would have exceeded
	// the quota, if any.
	Warning *bot.QuotaWarning
}

// quotaCache keeps the last reading of the quota.
type quotaCache struct {
	mu   sync.Mutex
	view quotaView
	at   time.Time
}

// quota reads the LINE quota for the card, reusing a reading younger than
// quotaTTL; it never fails the page: what cannot be read shows as
// 「取得できません」.
func (s *server) quota(ctx context.Context) quotaView {
	v := s.lineQuota(ctx)
	if w, ok, err := s.store.QuotaWarning(ctx); err != nil {
		s.log.WarnContext(ctx, "admin: could not read the quota warning", "err", err)
	} else if ok && sameMonthJST(w.At, s.now()) {
		v.Warning = &w // the quota starts again each month
	}
	return v
}

// lineQuota reads (or reuses) the quota itself.
func (s *server) lineQuota(ctx context.Context) quotaView {
	if s.quotaRead == nil {
		return quotaView{}
	}
	now := s.now()
	s.quotaCache.mu.Lock()
	defer s.quotaCache.mu.Unlock()
	if !s.quotaCache.at.IsZero() && now.Sub(s.quotaCache.at) < quotaTTL && now.After(s.quotaCache.at.Add(-time.Minute)) {
		return s.quotaCache.view
	}
	ctx, cancel := context.WithTimeout(ctx, quotaTimeout)
	defer cancel()
	used, limit, limited, err := s.quotaRead(ctx)
	if err != nil {
		s.log.WarnContext(ctx, "admin: could not read the LINE quota", "err", err)
		return quotaView{}
	}
	v := quotaView{Known: true, Limited: limited, Used: used, Limit: limit, At: now}
	if limited {
		v.Left = max(limit-used, 0)
		if limit > 0 {
			v.Percent = int(min(used*100/limit, 100))
		} else {
			v.Percent = 100
		}
		v.Low = v.Percent >= 80
	}
	s.quotaCache.view, s.quotaCache.at = v, now
	return v
}

// sameMonthJST reports whether a and b fall in the same month in Japan.
func sameMonthJST(a, b time.Time) bool {
	ay, am, _ := a.In(jst).Date()
	by, bm, _ := b.In(jst).Date()
	return ay == by && am == bm
}
