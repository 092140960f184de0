package worker

import (
	"context"
	"github.com/sakemodel/sakebot/bot"
	"time"
)

// BatchInbox is the inbox's fast lane: it stores the events of many
// webhook requests in one transaction and lets the worker answer, in that
// same transaction, those that nothing else is waiting for. Whatever it
// cannot answer at once is left pending for ProcessNextEvent, so the
// guarantees are those of Inbox: an event is stored before the webhook
// answers, and processed once, in order per user.
type BatchInbox interface {
	// AcceptBatch stores the events not seen before (by ID), in one
	// transaction. A new event is handed to fn when eager accepts it, it
	// is the first event of its user in the batch, the user has no pending
	// event or delivery, and the user's lock was free at once; fn runs in
	// the transaction, which holds those users' locks, and such events are
	// stored as processed. Every other new event is stored pending. When fn
	// fails, nothing at all is stored.
	AcceptBatch(ctx context.Context, events []Event, eager func(Event) bool,
		fn func(BatchTx, []Event) error) (BatchResult, error)
}

// BatchResult is what AcceptBatch stored.
type BatchResult struct {
	New     []bool // by position in the events: stored now (false: a duplicate)
	Pending int    // new events left pending, for ProcessNextEvent
}

// BatchTx is the transaction of AcceptBatch: the Tx each turn works in,
// plus one read and one write for all the batch's users at once.
type BatchTx interface {
	bot.Tx
	// ReadBatch reads what the turns of events need: their users'
	// conversations and how many events each user sent in the window
	// before their event, up to it (the rate limit).
	ReadBatch(ctx context.Context, events []Event, window time.Duration) (BatchRead, error)
	// WriteBatch writes what the turns left to the batch.
	WriteBatch(ctx context.Context, w BatchWrite) error
}

// BatchRead is what ReadBatch reads.
type BatchRead struct {
	Conversations map[bot.UserKey]bot.Conversation // a user without one is absent
	Recent        map[bot.UserKey]int              // events in the window, up to the batch's
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
