package bot

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// pushBudget is how many LINE pushes a run may still queue; unlimited
// when the quota is not known.
type pushBudget struct {
	limited bool
	left    int64
}

// readBudget reads the LINE quota (nil: unlimited); a quota that cannot
// be read limits nothing.
func (o *Outreach) readBudget(ctx context.Context, quota Quota) pushBudget {
	if quota == nil {
		return pushBudget{}
	}
	left, known, err := quota.QuotaLeft(ctx)
	if err != nil {
		o.log.WarnContext(ctx, "line quota unknown: automatic messages not checked", "err", err)
		return pushBudget{}
	}
	return pushBudget{limited: known, left: max(left, 0)}
}

// take reports whether a message on ch may go, and counts it.
func (p *pushBudget) take(ch Channel) bool {
	if !p.limited || ch != ChannelLINE {
		return true
	}
	if p.left == 0 {
		return false
	}
	p.left--
	return true
}

// runRules queues the automatic messages due at the clock, rule by rule,
// outside each rule's quiet hours, within the LINE quota. It reports how
// many it queued and how many it held back for the quota.
func (o *Outreach) runRules(ctx context.Context, quota Quota) (int, int, error) {
	rules, err := o.store.EnabledRules(ctx)
	if err != nil || len(rules) == 0 {
		return 0, 0, err
	}
	budget := o.readBudget(ctx, quota)
	queued, heldBack := 0, 0
	var errs []error
	for _, r := range rules {
		for ctx.Err() == nil {
			n, held, more, err := o.ruleBatch(ctx, r, &budget)
			queued, heldBack = queued+n, heldBack+held
			if err != nil {
				errs = append(errs, fmt.Errorf("rule %d: %w", r.ID, err))
			}
			if err != nil || !more {
				break
			}
		}
	}
	if heldBack > 0 {
		if err := o.warnRulesQuota(ctx, heldBack); err != nil {
			errs = append(errs, err)
		}
	}
	return queued, heldBack, errors.Join(errs...)
}

// ruleBatch queues rule r to the next batch of students it is due for, in
// one transaction under the rule's lock: each is recorded with their
// delivery, so the rule reaches a student once, whatever the runs and
// replicas. It reports how many it queued, how many it held back for the
// quota, and whether more may follow.
func (o *Outreach) ruleBatch(ctx context.Context, r Rule, budget *pushBudget) (queued, held int, more bool, err error) {
	err = o.store.InOutreachTx(ctx, ruleLock(r.ID), func(tx OutreachTx) error {
		queued, held, more = 0, 0, false
		cur, err := tx.Rule(ctx, r.ID)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		now := o.now()
		if err != nil || !cur.Enabled || cur.Quiet.Contains(now) {
			return err
		}
		var f *SegmentFilter
		if cur.SegmentID != 0 {
			seg, err := tx.Segment(ctx, cur.SegmentID)
			if err != nil {
				return err
			}
			f = &seg.Filter
		}
		days := time.Duration(cur.Days) * 24 * time.Hour
		cs, err := tx.NextRuleRecipients(ctx, cur, cur.EnabledAt.Add(-days), now.Add(-days), f, now, outreachBatch)
		if err != nil || len(cs) == 0 {
			return err
		}
		reply := cur.Message.Reply()
		for _, c := range cs {
			if !budget.take(c.Key.Channel) {
				held++
				continue
			}
			d := &Delivery{Kind: DeliveryReply, Key: c.Key, EventAt: now, Ref: cur.ID, RetryKey: cur.RetryKey(c.ID),
				Replies: []Reply{reply}}
			if err := tx.Enqueue(ctx, d); err != nil {
				return err
			}
			if err := tx.AddRuleRecipient(ctx, cur.ID, c.ID, d.ID, now); err != nil {
				return err
			}
			queued++
		}
		more = held == 0 && len(cs) == outreachBatch
		return nil
	})
	if err != nil {
		return 0, 0, false, err
	}
	return queued, held, more, nil
}

// warnRulesQuota tells recruiters, once a JST day across replicas, that
// automatic messages wait for the LINE quota.
func (o *Outreach) warnRulesQuota(ctx context.Context, held int) error {
	return o.store.InOutreachTx(ctx, outreachQuotaLock, func(tx OutreachTx) error {
		first, err := tx.ClaimDaily(ctx, "outreach_quota_warning", o.now().In(jst).Format(time.DateOnly))
		if err != nil || !first {
			return err
		}
		return o.warnStaff(ctx, tx, fmt.Sprintf("⚠️ LINEの今月の送信数が上限に達したため、自動メッセージ%d件を送れていません。"+
			"送信できるようになり次第お送りします。LINE公式アカウントの管理画面でプランと送信数をご確認ください。", held))
	})
}
