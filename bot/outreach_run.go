package bot

import (
	"context"
	"errors"
	"fmt"
)

// outreachBatch is how many students one transaction of a send queues.
const outreachBatch = 500

// OutreachRun is what one Run did.
type OutreachRun struct {
	Queued   int // messages queued (broadcasts and rules)
	Held     int // broadcasts held back: they need more LINE pushes than are left
	HeldBack int // rule messages not queued for the LINE quota (they go when it allows)
}

// Run queues what is due at the clock: the broadcasts whose time has come
// (and those a crash or a restart left half-queued), then the automatic
// messages outside their quiet hours. quota, when not nil, is the LINE
// month's quota: a broadcast that needs more pushes than are left is held
// (unless a 管理者 allowed it) and staff are told; rule messages go up to
// the quota, the rest wait. Every replica may run it at once: each
// broadcast and rule goes to each student once. Errors of one broadcast
// or rule do not stop the others.
func (o *Outreach) Run(ctx context.Context, quota Quota) (OutreachRun, error) {
	var run OutreachRun
	var errs []error
	due, err := o.store.DueBroadcasts(ctx, o.now())
	if err != nil {
		return run, err
	}
	for _, b := range due {
		if ctx.Err() != nil {
			return run, ctx.Err()
		}
		n, held, err := o.sendBroadcast(ctx, b, quota)
		run.Queued += n
		if held {
			run.Held++
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("broadcast %d: %w", b.ID, err))
		}
	}
	n, heldBack, err := o.runRules(ctx, quota)
	run.Queued, run.HeldBack = run.Queued+n, heldBack
	if err != nil {
		errs = append(errs, err)
	}
	if run.Queued > 0 || run.Held > 0 || run.HeldBack > 0 {
		o.log.InfoContext(ctx, "outreach", "queued", run.Queued, "held", run.Held, "held_back", run.HeldBack)
	}
	return run, errors.Join(errs...)
}

// sendBroadcast starts b if it is scheduled (or holds it for the quota)
// and queues it to its students batch by batch until none is left.
func (o *Outreach) sendBroadcast(ctx context.Context, b Broadcast, quota Quota) (int, bool, error) {
	if b.State == BroadcastScheduled {
		started, err := o.startBroadcast(ctx, b, quota)
		if err != nil || !started {
			return 0, err == nil && !started, err
		}
	}
	total := 0
	for ctx.Err() == nil {
		n, more, err := o.queueBatch(ctx, b.ID)
		total += n
		if err != nil || !more {
			return total, false, err
		}
	}
	return total, false, ctx.Err()
}

// startBroadcast moves a scheduled broadcast to sending, or to held when
// it needs more LINE pushes than are left and no 管理者 allowed that (staff
// are told once). It reports whether the broadcast is sending.
func (o *Outreach) startBroadcast(ctx context.Context, b Broadcast, quota Quota) (bool, error) {
	var quotaErr *QuotaError
	if quota != nil && b.QuotaAllowedBy == "" {
		_, seg, err := o.broadcastAndSegment(ctx, b.ID)
		if err != nil {
			return false, err
		}
		if err := o.checkQuota(ctx, quota, seg.Filter); !errors.As(err, &quotaErr) && err != nil {
			return false, err
		}
	}
	sending := false
	err := o.store.InOutreachTx(ctx, broadcastLock(b.ID), func(tx OutreachTx) error {
		cur, err := tx.Broadcast(ctx, b.ID)
		if err != nil || cur.State != BroadcastScheduled || o.now().Before(cur.SendAt) {
			return err // started by another replica, cancelled, or rescheduled
		}
		if quotaErr != nil && cur.QuotaAllowedBy == "" {
			cur.State = BroadcastHeld
			if err := tx.SaveBroadcast(ctx, &cur, "hold", "system"); err != nil {
				return err
			}
			return o.warnStaff(ctx, tx, broadcastHeldText(cur, quotaErr))
		}
		cur.State, cur.StartedAt, sending = BroadcastSending, o.now(), true
		return tx.SaveBroadcast(ctx, &cur, "start", "system")
	})
	return sending && err == nil, err
}

// queueBatch queues the broadcast to the next batch of its students, in
// one transaction under the broadcast's lock: each student is recorded as
// a recipient with their delivery, so a crash or another replica never
// queues one twice. When none is left the broadcast is sent. It reports
// how many it queued and whether more may follow.
func (o *Outreach) queueBatch(ctx context.Context, id int64) (int, bool, error) {
	queued, more := 0, false
	err := o.store.InOutreachTx(ctx, broadcastLock(id), func(tx OutreachTx) error {
		queued, more = 0, false
		b, err := tx.Broadcast(ctx, id)
		if err != nil || b.State != BroadcastSending {
			return err
		}
		seg, err := tx.Segment(ctx, b.SegmentID)
		if err != nil {
			return err
		}
		now := o.now()
		cs, err := tx.NextBroadcastRecipients(ctx, b.ID, seg.Filter, now, outreachBatch)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			b.State, b.FinishedAt = BroadcastSent, now
			return tx.SaveBroadcast(ctx, &b, "finish", "system")
		}
		reply := b.Message.Reply()
		for _, c := range cs {
			d := &Delivery{Kind: DeliveryReply, Key: c.Key, EventAt: now, Ref: b.ID, RetryKey: b.RetryKey(c.ID),
				Replies: []Reply{reply}}
			if err := tx.Enqueue(ctx, d); err != nil {
				return err
			}
			if err := tx.AddBroadcastRecipient(ctx, b.ID, c.ID, d.ID, now); err != nil {
				return err
			}
		}
		queued, more = len(cs), true
		return nil
	})
	if err != nil {
		return 0, false, err
	}
	return queued, more, nil
}

// warnStaff tells recruiters text in their channel (Slack or e-mail), if
// they have one, inside tx.
func (o *Outreach) warnStaff(ctx context.Context, tx OutreachTx, text string) error {
	o.log.WarnContext(ctx, "outreach: staff warned", "what", "line quota")
	if !o.notify.On() {
		return nil
	}
	n := o.notify
	return tx.Enqueue(ctx, &Delivery{Kind: DeliveryStaffMessage, Key: n.Key(), To: n.To, EventAt: o.now(),
		Replies: []Reply{{Text: text}}})
}

// broadcastHeldText tells recruiters a broadcast was held for the quota.
func broadcastHeldText(b Broadcast, q *QuotaError) string {
	return fmt.Sprintf("⚠️ 一斉配信「%s」は、LINEの今月の残り送信数（%d通）では足りない（必要: %d通）ため、送信を保留しました。"+
		"管理画面の「配信」から、管理者の確認のうえ送信し直すか、セグメントを見直してください。", b.Title, max(q.Left, 0), q.Needed)
}
