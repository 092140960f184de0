package bot

import (
	"context"
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
// plus reads and writes for all the batch's users at once.
type BatchTx interface {
	Tx
	// Conversations returns the stored conversations of keys; a key
	// without one is absent from the map.
	Conversations(ctx context.Context, keys []UserKey) (map[UserKey]Conversation, error)
	// EventCounts counts, for each event, its user's events received in
	// the window before it, up to and including it (the rate limit).
	EventCounts(ctx context.Context, events []Event, window time.Duration) (map[UserKey]int, error)
	// RecordQuestions stores what RecordQuestion stores, for many questions.
	RecordQuestions(ctx context.Context, qs []AskedQuestion) error
	// EnqueueLeased adds deliveries to the outbox already leased until
	// until, because the caller sends them itself after commit (another
	// worker sends them only if the lease runs out). It sets each one's
	// ID, CreatedAt and an empty RetryKey, as Enqueue does.
	EnqueueLeased(ctx context.Context, ds []*Delivery, until time.Time) error
	// RememberQuestions keeps questions as RememberQuestion does, for
	// many users (one question each).
	RememberQuestions(ctx context.Context, qs []RecentQuestion) error
	// DeliveriesSent marks deliveries sent (Outbox.DeliveriesSent, in this
	// transaction).
	DeliveriesSent(ctx context.Context, ids []int64) error
}

// RecentQuestion is a question kept for a handoff that may follow.
type RecentQuestion struct {
	Key  UserKey
	Text string
	At   time.Time
}

// AskedQuestion is one question counted for the staff dashboard.
type AskedQuestion struct {
	Channel Channel
	Outcome string // "answered", "ambiguous" or "missed"
	FAQID   string // the entry that answered it, if any
}
