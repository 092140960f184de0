package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Outreach is what staff do to reach students beyond their questions:
// segments (saved filters), broadcasts to a segment, and automatic
// messages after a status change, an event or a follow. Its Run queues
// what is due through the outbox, each student at most once per broadcast
// or rule, across runs, restarts and replicas.
type Outreach struct {
	store  OutreachStore
	notify Notify
	now    func() time.Time
	log    *slog.Logger
}

// OutreachConfig configures NewOutreach.
type OutreachConfig struct {
	Store  OutreachStore
	Notify Notify // where staff are warned that the LINE quota held messages back
	Now    func() time.Time
	Logger *slog.Logger
}

// NewOutreach returns an Outreach configured by cfg.
func NewOutreach(cfg OutreachConfig) *Outreach {
	o := &Outreach{store: cfg.Store, notify: cfg.Notify.withDefaults(), now: cfg.Now, log: cfg.Logger}
	if o.now == nil {
		o.now = time.Now
	}
	if o.log == nil {
		o.log = slog.New(slog.DiscardHandler)
	}
	return o
}

// Lock keys of outreach changes and sends.
var (
	outreachStaffLock = UserKey{Channel: "outreach", UserID: "staff"}
	outreachQuotaLock = UserKey{Channel: "outreach", UserID: "quota"}
)

// broadcastLock is the lock key of one broadcast's sends and changes.
func broadcastLock(id int64) UserKey {
	return UserKey{Channel: "outreach", UserID: fmt.Sprintf("broadcast:%d", id)}
}

// ruleLock is the lock key of one rule's sends.
func ruleLock(id int64) UserKey {
	return UserKey{Channel: "outreach", UserID: fmt.Sprintf("rule:%d", id)}
}

// SaveSegment tidies s (CleanSegment), validates it (ValidateSegment) and
// creates or updates it on behalf of actor. The error is an
// *OutreachError when s is invalid, ErrConflict when someone saved it
// since s.Version was read, ErrNotFound when there is no such segment.
func (o *Outreach) SaveSegment(ctx context.Context, s *Segment, actor string) error {
	CleanSegment(s)
	if err := ValidateSegment(*s, o.now()); err != nil {
		return err
	}
	return o.store.InOutreachTx(ctx, outreachStaffLock, func(tx OutreachTx) error {
		return tx.SaveSegment(ctx, s, actor)
	})
}

// CountSegment counts the students f selects right now.
func (o *Outreach) CountSegment(ctx context.Context, f SegmentFilter) (SegmentCount, error) {
	return o.store.CountSegment(ctx, f, o.now())
}

// SaveBroadcast tidies and validates b (CleanBroadcast, ValidateBroadcast)
// and creates it as a draft (ID 0) or updates its title, message and
// segment, on behalf of actor. Only a draft or a held broadcast can be
// edited (ErrBroadcastStarted). Errors as for SaveSegment.
func (o *Outreach) SaveBroadcast(ctx context.Context, b *Broadcast, actor string) error {
	CleanBroadcast(b)
	if err := ValidateBroadcast(*b); err != nil {
		return err
	}
	if b.ID == 0 {
		b.State = BroadcastDraft
		return o.store.InOutreachTx(ctx, outreachStaffLock, func(tx OutreachTx) error {
			if err := checkSegment(ctx, tx, b.SegmentID); err != nil {
				return err
			}
			return tx.SaveBroadcast(ctx, b, "create", actor)
		})
	}
	return o.store.InOutreachTx(ctx, broadcastLock(b.ID), func(tx OutreachTx) error {
		cur, err := tx.Broadcast(ctx, b.ID)
		if err != nil {
			return err
		}
		if cur.State != BroadcastDraft && cur.State != BroadcastHeld {
			return ErrBroadcastStarted
		}
		if err := checkSegment(ctx, tx, b.SegmentID); err != nil {
			return err
		}
		next := cur
		next.Title, next.Message, next.SegmentID, next.Version = b.Title, b.Message, b.SegmentID, b.Version
		if err := tx.SaveBroadcast(ctx, &next, "edit", actor); err != nil {
			return err
		}
		*b = next
		return nil
	})
}

// ErrBroadcastStarted: the broadcast is scheduled, sending, sent or
// cancelled, and can no longer be edited or sent again.
var ErrBroadcastStarted = errors.New("bot: the broadcast has already been scheduled or sent")

// checkSegment refuses a segment id that does not exist.
func checkSegment(ctx context.Context, tx OutreachTx, id int64) error {
	_, err := tx.Segment(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return &OutreachError{Fields: map[string]string{"segment": "送信先のセグメントが見つかりません。一覧から選んでください。"}}
	}
	return err
}

// SaveRule tidies and validates r (CleanRule, ValidateRule) and creates or
// updates it on behalf of actor. Switching it on (Enabled, when it was
// off or new) sets EnabledAt: only the moments due from then on count.
// Errors as for SaveSegment.
func (o *Outreach) SaveRule(ctx context.Context, r *Rule, actor string) error {
	CleanRule(r)
	if err := ValidateRule(*r); err != nil {
		return err
	}
	lock := outreachStaffLock
	if r.ID != 0 {
		lock = ruleLock(r.ID)
	}
	return o.store.InOutreachTx(ctx, lock, func(tx OutreachTx) error {
		if r.SegmentID != 0 {
			if err := checkSegment(ctx, tx, r.SegmentID); err != nil {
				return err
			}
		}
		action := "create"
		wasOn := false
		if r.ID != 0 {
			cur, err := tx.Rule(ctx, r.ID)
			if err != nil {
				return err
			}
			action, wasOn = "edit", cur.Enabled
			r.EnabledAt, r.CreatedAt, r.CreatedBy = cur.EnabledAt, cur.CreatedAt, cur.CreatedBy
		}
		switch {
		case r.Enabled && !wasOn:
			r.EnabledAt = o.now()
			if action == "edit" {
				action = "enable"
			}
		case !r.Enabled && wasOn:
			action = "disable"
		}
		return tx.SaveRule(ctx, r, action, actor)
	})
}

// SetRuleEnabled switches the rule on or off on behalf of actor (see
// SaveRule for what switching on means).
func (o *Outreach) SetRuleEnabled(ctx context.Context, id int64, on bool, actor string) error {
	return o.store.InOutreachTx(ctx, ruleLock(id), func(tx OutreachTx) error {
		r, err := tx.Rule(ctx, id)
		if err != nil || r.Enabled == on {
			return err
		}
		r.Enabled = on
		action := "disable"
		if on {
			r.EnabledAt, action = o.now(), "enable"
		}
		return tx.SaveRule(ctx, &r, action, actor)
	})
}
