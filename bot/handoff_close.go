package bot

import (
	"context"
	"errors"
)

// CloseHandoff ends an open handoff on behalf of by (a staff member's id,
// or ClosedByTimeout), in the candidate's transaction: recruiters see it
// closed in the thread, and the candidate is told the bot is back (and is
// asked the form's question again if they were applying). It reports
// whether this call closed it; closing a closed handoff does nothing. A
// timeout does not close a handoff that had a message since it timed out.
func (e *Engine) CloseHandoff(ctx context.Context, id int64, by string) (bool, error) {
	h, err := e.store.Handoff(ctx, id)
	if err != nil {
		return false, err
	}
	if h.Status != HandoffOpen {
		return false, nil
	}
	closed := false
	err = e.store.InTx(ctx, h.Key, func(tx Tx) error {
		t := &turn{e: e, ctx: ctx, tx: tx, in: Incoming{Key: h.Key}, now: e.now()}
		h, err := tx.Handoff(ctx, id)
		if err != nil {
			return err
		}
		if h.Status != HandoffOpen || by == ClosedByTimeout && t.now.Sub(h.LastAt) <= e.notify.HandoffTimeout {
			return nil
		}
		if err := t.load(); err != nil {
			return err
		}
		if closed = t.endHandoff(h, by); !closed || t.err != nil {
			return t.err
		}
		t.backToBot(by)
		if err := t.save(); err != nil {
			return err
		}
		return t.pushOut()
	})
	return closed, err
}

// backToBot tells the candidate the handoff is over.
func (t *turn) backToBot(by string) {
	msg := msgHandoffClosed
	if by == ClosedByTimeout {
		msg = msgHandoffTimeout
	}
	if t.conv.InForm() {
		t.say(msg)
		t.reask()
		return
	}
	t.say(msg, menuChoices()...)
}

// pushOut queues the turn's replies to the user outside any event of
// theirs (no reply token): nothing when there are none, when the user
// blocked the bot, or when their channel cannot be written to first.
func (t *turn) pushOut() error {
	if t.err != nil {
		return t.err
	}
	if len(t.out) == 0 || t.in.Key.Channel == ChannelCLI {
		return nil
	}
	c, err := t.tx.Candidate(t.ctx, t.in.Key)
	if err == nil && c.Blocked {
		return nil
	}
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	return t.tx.Enqueue(t.ctx, &Delivery{Kind: DeliveryReply, Key: t.in.Key, EventAt: t.now, Replies: t.out})
}

// CloseIdleHandoffs closes the open handoffs that had no message either way
// for Notify.HandoffTimeout and reports how many it closed. Run it now and
// then (the engine also closes an idle handoff when its candidate writes).
func (e *Engine) CloseIdleHandoffs(ctx context.Context) (int, error) {
	if !e.notify.Handoffs() {
		return 0, nil
	}
	idle, err := e.store.IdleHandoffs(ctx, e.now().Add(-e.notify.HandoffTimeout), 100)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, h := range idle {
		closed, err := e.CloseHandoff(ctx, h.ID, ClosedByTimeout)
		if err != nil {
			return n, err
		}
		if closed {
			n++
		}
	}
	return n, nil
}
