package bot

import "context"

// Post is a message posted to recruiters: where, and its ts.
type Post struct {
	Channel string
	TS      string
}

// retractPosts queues the removal of what recruiters were shown about the
// user (application notices, handoff threads), for a candidate whose
// personal data is being deleted in this turn; call it before deleting.
// Nothing is queued when recruiters are not notified (nothing could
// remove it).
func (t *turn) retractPosts() {
	if !t.e.notify.On() {
		return
	}
	posts, err := t.tx.PostsAbout(t.ctx, t.in.Key)
	if err != nil {
		t.fail(err)
		return
	}
	for _, p := range posts {
		d := &Delivery{Kind: DeliveryRetract, Key: UserKey{Channel: t.e.notify.Channel, UserID: p.Channel},
			To: p.Channel, Thread: p.TS, EventAt: t.now}
		t.fail(t.tx.Enqueue(t.ctx, d))
	}
}

// ForgetCandidate deletes a candidate's personal data (see
// Janitor.ForgetCandidate) on behalf of actor and, in the same
// transaction, queues the removal of what recruiters were shown about
// them in Slack. It reports whether anything was deleted.
func (e *Engine) ForgetCandidate(ctx context.Context, key UserKey, actor string) (bool, error) {
	deleted := false
	err := e.store.InTx(ctx, key, func(tx Tx) error {
		t := &turn{e: e, ctx: ctx, tx: tx, in: Incoming{Key: key}, now: e.now()}
		t.retractPosts()
		if t.err != nil {
			return t.err
		}
		var err error
		deleted, err = tx.ForgetCandidate(ctx, key, actor)
		return err
	})
	if err == nil && deleted {
		e.log.InfoContext(ctx, "personal data deleted", "channel", string(key.Channel), "by", actorKind(actor))
	}
	return deleted, err
}

// actorKind names who asked for a deletion, for the log.
func actorKind(actor string) string {
	switch actor {
	case "candidate", "cli", "admin":
		return actor
	}
	return "staff"
}
