package bot

import (
	"context"
	"time"
)

// OutreachStore is what Outreach needs from storage: transactions for its
// changes and sends, and the reads of its runs (*store.Store implements
// it).
type OutreachStore interface {
	// InOutreachTx runs fn in one transaction that holds the lock of key
	// (as Store.InTx does): one broadcast's or rule's sends run one
	// transaction at a time, even across replicas.
	InOutreachTx(ctx context.Context, key UserKey, fn func(OutreachTx) error) error
	// CountSegment counts the candidates f selects at now.
	CountSegment(ctx context.Context, f SegmentFilter, now time.Time) (SegmentCount, error)
	// DueBroadcasts returns the broadcasts scheduled at or before now and
	// those sending, oldest SendAt first.
	DueBroadcasts(ctx context.Context, now time.Time) ([]Broadcast, error)
	// EnabledRules returns the rules switched on, by id.
	EnabledRules(ctx context.Context) ([]Rule, error)
}

// OutreachTx is the segments, broadcasts and rules, and who each was sent
// to, inside one transaction. Every Save records the change with its
// actor in the outreach audit trail.
type OutreachTx interface {
	// Segment returns one segment, or ErrNotFound.
	Segment(ctx context.Context, id int64) (Segment, error)
	// SaveSegment creates s (ID 0: sets ID, CreatedBy, CreatedAt) or
	// updates its name and filter when s.Version is the stored version
	// (ErrConflict otherwise, ErrNotFound when there is none); it bumps
	// s.Version and sets s.UpdatedAt.
	SaveSegment(ctx context.Context, s *Segment, actor string) error
	// Broadcast returns one broadcast, or ErrNotFound.
	Broadcast(ctx context.Context, id int64) (Broadcast, error)
	// SaveBroadcast creates b or updates every field but ID, CreatedBy and
	// CreatedAt, with the version check of SaveSegment; action says what
	// the change was for the audit trail (e.g. "create", "edit",
	// "schedule", "start", "finish", "hold", "cancel").
	SaveBroadcast(ctx context.Context, b *Broadcast, action, actor string) error
	// NextBroadcastRecipients returns up to limit candidates, by id, that
	// f selects at now, that may be messaged (not blocked, no 配信停止, not
	// on the terminal channel) and that the broadcast was not queued to.
	NextBroadcastRecipients(ctx context.Context, broadcastID int64, f SegmentFilter, now time.Time, limit int) ([]Candidate, error)
	// AddBroadcastRecipient records that the broadcast was queued to the
	// candidate as the delivery deliveryID at at; a second record for the
	// same pair is an error (the transaction rolls back).
	AddBroadcastRecipient(ctx context.Context, broadcastID, candidateID, deliveryID int64, at time.Time) error
	// CancelBroadcastDeliveries cancels the broadcast's deliveries still
	// waiting in the outbox and reports how many.
	CancelBroadcastDeliveries(ctx context.Context, broadcastID int64) (int, error)
	// Rule returns one rule, or ErrNotFound.
	Rule(ctx context.Context, id int64) (Rule, error)
	// SaveRule creates r or updates it, with the version check of
	// SaveSegment; action as for SaveBroadcast ("create", "edit",
	// "enable", "disable").
	SaveRule(ctx context.Context, r *Rule, action, actor string) error
	// NextRuleRecipients returns up to limit candidates, by id, whose
	// trigger of r happened in [from, to], who may be messaged (as for
	// NextBroadcastRecipients), whom f selects at now (nil: anyone), and
	// to whom r was not sent yet. The trigger moments: TriggerStatus, when
	// their newest application reached r.Status, if it still has it;
	// TriggerAttended, the end of an event of r.EventKind (any when
	// empty) they attended; TriggerFollow, when the candidate was created,
	// if they never applied.
	NextRuleRecipients(ctx context.Context, r Rule, from, to time.Time, f *SegmentFilter, now time.Time, limit int) ([]Candidate, error)
	// AddRuleRecipient records that the rule was sent to the candidate as
	// the delivery deliveryID at at; a second record for the same pair is
	// an error.
	AddRuleRecipient(ctx context.Context, ruleID, candidateID, deliveryID int64, at time.Time) error
	// Enqueue adds a delivery to the outbox and sets d.ID.
	Enqueue(ctx context.Context, d *Delivery) error
	// ClaimDaily records that the once-a-day task name ran for day (a JST
	// date), and reports whether this call was the first, on any replica.
	ClaimDaily(ctx context.Context, name, day string) (bool, error)
}
