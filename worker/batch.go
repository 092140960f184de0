package worker

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// BatchInbox is the inbox's fast lane: the worker stores the events of
// many webhook requests in one transaction and answers, in that same
// transaction, those that nothing else is waiting for. Whatever it cannot
// answer at once is left pending for ProcessEvents, so the guarantees are
// those of Inbox: an event is stored before the webhook answers, and
// processed once, in order per user.
type BatchInbox interface {
	// BeginBatch opens the batch's transaction; the worker ends it with
	// Commit or Rollback. When it rolls back, nothing at all is stored.
	BeginBatch(ctx context.Context) (BatchTx, error)
}

// BatchResult is what Accept stored.
type BatchResult struct {
	New     []bool // by position in the events: stored now (false: a duplicate)
	Pending int    // new events left pending, for ProcessEvents
}

// BatchTx is the fast lane's transaction: the Tx each turn works in, plus
// storing the batch and one read and one write for all its users at once.
type BatchTx interface {
	bot.Tx
	// Accept stores the events not seen before (by ID) and returns the
	// ready ones: the first new event of each user that eager accepts,
	// whose user has no pending event or delivery and whose lock was free
	// at once (the transaction now holds it). Ready events are stored as
	// processed; every other new event is stored pending.
	Accept(ctx context.Context, events []Event, eager func(Event) bool) (BatchResult, []Event, error)
	// ReadBatch reads what the turns of events need: their users'
	// conversations and how many events each user sent in the window
	// before their event, up to it (the rate limit).
	ReadBatch(ctx context.Context, events []Event, window time.Duration) (BatchRead, error)
	// WriteBatch writes what the turns left to the batch.
	WriteBatch(ctx context.Context, w BatchWrite) error
	// Commit commits the batch.
	Commit() error
	// Rollback abandons the batch; after Commit it does nothing.
	Rollback() error
}

// BatchRead is what ReadBatch reads.
type BatchRead struct {
	Conversations map[bot.UserKey]bot.Conversation // a user without one is absent
	Recent        map[bot.UserKey]int              // events in the window, up to the batch's
	Handoffs      map[bot.UserKey]bool             // users with an open handoff
}

// BatchWrite is what a batch writes after its turns.
type BatchWrite struct {
	Sent  []int64          // deliveries sent since the last batch (Outbox.DeliveriesSent)
	Asked []AskedQuestion  // questions counted (as bot.Tx.RecordQuestion)
	Kept  []RecentQuestion // questions kept for a handoff (as bot.Tx.RememberQuestion, one per user)
	// Replies are added to the outbox leased until LeaseUntil, because the
	// caller sends them itself after commit (another worker sends them only
	// if the lease runs out); each gets its ID, CreatedAt and, when empty,
	// a RetryKey, as Tx.Enqueue does.
	Replies    []*bot.Delivery
	LeaseUntil time.Time
}

// RecentQuestion is a question kept for a handoff that may follow.
type RecentQuestion struct {
	Key  bot.UserKey
	Text string
	At   time.Time
}

// AskedQuestion is one question counted for the staff dashboard.
type AskedQuestion struct {
	Channel bot.Channel
	Outcome string // "answered", "ambiguous" or "missed"
	FAQID   string // the entry that answered it, if any
}
