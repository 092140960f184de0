package bot

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// QuotaError refuses a broadcast that needs more LINE pushes than the
// month has left, unless a 管理者 allows it.
type QuotaError struct {
	Needed int   // pushes the broadcast needs (its reachable students on LINE)
	Left   int64 // pushes left this month
}

// Error says it in Japanese, for the admin page.
func (e *QuotaError) Error() string {
	return fmt.Sprintf("LINEの今月の残り送信数（%d通）を超えます（必要: %d通）。送信するには管理者の確認が必要です。",
		max(e.Left, 0), e.Needed)
}

// SendRequest is staff's order to send a broadcast.
type SendRequest struct {
	ID      int64
	Version int       // the version the staff member saw
	At      time.Time // when to send; zero: now
	// OverQuota: a 管理者 allows the broadcast to go beyond the LINE
	// pushes left this month. Admin says the actor is one.
	OverQuota bool
	Admin     bool
	Actor     string
}

// SendBroadcast schedules a draft or held broadcast for req.At (now when
// zero); Run queues it when it is due. Before that it counts the pushes
// the broadcast needs against quota (nil: not checked): more than are left
// is a *QuotaError unless a 管理者 allowed it (req.OverQuota, req.Admin).
// A time in the past is refused (*OutreachError); ErrBroadcastStarted when
// it was scheduled or sent already, ErrConflict when it changed since
// req.Version.
func (o *Outreach) SendBroadcast(ctx context.Context, req SendRequest, quota Quota) error {
	now := o.now()
	at := req.At
	if at.IsZero() {
		at = now
	}
	if at.Before(now.Add(-time.Minute)) {
		return &OutreachError{Fields: map[string]string{"send_at": "送信日時が過ぎています。これから先の日時を指定してください。"}}
	}
	b, seg, err := o.broadcastAndSegment(ctx, req.ID)
	if err != nil {
		return err
	}
	allowed := req.OverQuota && req.Admin
	if quota != nil && !allowed {
		if err := o.checkQuota(ctx, quota, seg.Filter); err != nil {
			return err
		}
	}
	return o.store.InOutreachTx(ctx, broadcastLock(b.ID), func(tx OutreachTx) error {
		cur, err := tx.Broadcast(ctx, b.ID)
		if err != nil {
			return err
		}
		if cur.Version != req.Version {
			return ErrConflict
		}
		if cur.State != BroadcastDraft && cur.State != BroadcastHeld {
			return ErrBroadcastStarted
		}
		cur.State, cur.SendAt, cur.QuotaAllowedBy = BroadcastScheduled, at, ""
		if allowed {
			cur.QuotaAllowedBy = req.Actor
		}
		return tx.SaveBroadcast(ctx, &cur, "schedule", req.Actor)
	})
}

// broadcastAndSegment reads a broadcast and its segment.
func (o *Outreach) broadcastAndSegment(ctx context.Context, id int64) (Broadcast, Segment, error) {
	var b Broadcast
	var s Segment
	err := o.store.InOutreachTx(ctx, broadcastLock(id), func(tx OutreachTx) error {
		var err error
		if b, err = tx.Broadcast(ctx, id); err != nil {
			return err
		}
		s, err = tx.Segment(ctx, b.SegmentID)
		return err
	})
	return b, s, err
}

// checkQuota returns a *QuotaError when the students f selects on LINE
// need more pushes than quota has left. A quota that cannot be read (or
// has no limit) lets it through.
func (o *Outreach) checkQuota(ctx context.Context, quota Quota, f SegmentFilter) error {
	n, err := o.store.CountSegment(ctx, f, o.now())
	if err != nil {
		return err
	}
	if n.OnLINE == 0 {
		return nil
	}
	left, known, err := quota.QuotaLeft(ctx)
	if err != nil {
		o.log.WarnContext(ctx, "line quota unknown: broadcast not checked", "err", err)
		return nil
	}
	if known && int64(n.OnLINE) > left {
		return &QuotaError{Needed: n.OnLINE, Left: left}
	}
	return nil
}

// CancelBroadcast cancels a broadcast that has not been sent entirely, on
// behalf of actor: a scheduled or held one does not start; a sending one
// stops, and its messages still waiting in the outbox are dropped (the
// ones sent stay sent). It reports how many waiting messages were
// dropped. ErrBroadcastStarted when it was sent or cancelled already.
func (o *Outreach) CancelBroadcast(ctx context.Context, id int64, actor string) (int, error) {
	dropped := 0
	err := o.store.InOutreachTx(ctx, broadcastLock(id), func(tx OutreachTx) error {
		b, err := tx.Broadcast(ctx, id)
		if err != nil {
			return err
		}
		if b.State == BroadcastSent || b.State == BroadcastCancelled {
			return ErrBroadcastStarted
		}
		if b.State == BroadcastSending {
			if dropped, err = tx.CancelBroadcastDeliveries(ctx, id); err != nil {
				return err
			}
			b.FinishedAt = o.now()
		}
		b.State = BroadcastCancelled
		return tx.SaveBroadcast(ctx, &b, "cancel", actor)
	})
	return dropped, err
}

// msgTestPrefix starts a test message, so that nobody takes it for the real one.
const msgTestPrefix = "【テスト送信】\n"

// TestBroadcast queues the broadcast's message, marked as a test, to one
// staff member's own chat (to: their Slack DM, or any user key staff
// choose), so they see it as students will. It changes nothing else.
func (o *Outreach) TestBroadcast(ctx context.Context, id int64, to UserKey) error {
	if to.UserID == "" {
		return errors.New("bot: no address for the test message")
	}
	b, _, err := o.broadcastAndSegment(ctx, id)
	if err != nil {
		return err
	}
	r := b.Message.Reply()
	r.Text = msgTestPrefix + r.Text
	return o.store.InOutreachTx(ctx, to, func(tx OutreachTx) error {
		return tx.Enqueue(ctx, &Delivery{Kind: DeliveryReply, Key: to, EventAt: o.now(), Replies: []Reply{r}})
	})
}
