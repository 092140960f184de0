package bot

import (
	"context"
	"time"
)

// Event is one incoming platform event, written durably to the inbox
// before the webhook answers, then processed by a Worker.
type Event struct {
	ID         string // the platform's event id (LINE webhookEventId, Slack event_id) or a key derived from the event
	Incoming   Incoming
	ReplyToken string    // LINE's single-use reply token, if any
	ReceivedAt time.Time // when the webhook accepted it
	Seq        int64     // the inbox's order of arrival (set by the inbox)

	pre *preMatch // the FAQ match of Incoming.Text made by the fast lane beforehand, if any (never stored)
}

// DeliveryKind says what a Delivery carries.
type DeliveryKind string

// The kinds of deliveries.
const (
	// DeliveryReply carries Replies to the user Key on their own channel.
	DeliveryReply DeliveryKind = "reply"

	// The deliveries to recruiters go to Notify's address (Key is
	// Notify.Key(), so they leave one at a time, in order) and carry the
	// record they are about in Ref; the channel renders it from storage.

	// DeliveryNotice posts a new application (Ref) once.
	DeliveryNotice DeliveryKind = "notice"
	// DeliveryNoticeUpdate shows the application's (Ref) new status on its notice.
	DeliveryNoticeUpdate DeliveryKind = "notice_update"
	// DeliveryHandoffOpen starts the thread of a handoff (Ref) once.
	DeliveryHandoffOpen DeliveryKind = "handoff_open"
	// DeliveryHandoffRelay posts what the candidate said (Replies) in the
	// thread of a handoff (Ref).
	DeliveryHandoffRelay DeliveryKind = "handoff_relay"
	// DeliveryHandoffClose shows in its thread that a handoff (Ref) is over.
	DeliveryHandoffClose DeliveryKind = "handoff_close"
	// DeliveryRetract removes a message posted to recruiters (To, its ts in
	// Thread) and the bot's replies under it: the candidate it was about
	// had their personal data deleted.
	DeliveryRetract DeliveryKind = "retract"
)

// Delivery is a message in the outbox: written in the same transaction as
// the state change that caused it, sent by a Worker with retries.
type Delivery struct {
	ID         int64
	Kind       DeliveryKind
	Key        UserKey   // the user it is for (deliveries to one key leave in order)
	To         string    // the address when not the user's own chat: a LINE group or room, a Slack channel
	Thread     string    // a Slack thread ts, if any
	ReplyToken string    // use this first, when the channel has reply tokens
	EventAt    time.Time // when the causing event happened (reply tokens expire)
	Replies    []Reply
	Ref        int64  // the record the delivery is about (an application, a handoff), if any
	RetryKey   string // idempotency key kept across retries (LINE X-Line-Retry-Key)
	Attempts   int    // failed attempts so far
	CreatedAt  time.Time
}

// Inbox keeps received events until they are processed.
type Inbox interface {
	// AcceptEvents stores the events not seen before (by ID) and reports
	// how many were new; a duplicate is not an error.
	AcceptEvents(ctx context.Context, events []Event) (int, error)
	// ClaimNextEvent leases the oldest due pending event whose user has no
	// earlier pending event, so no other worker takes it for lease, and
	// reports false when nothing is due. It holds no transaction open:
	// what needs the network (a profile look-up) happens between it and
	// ProcessEvent.
	ClaimNextEvent(ctx context.Context, lease time.Duration) (Event, bool, error)
	// ProcessEvent runs fn for a claimed event in one transaction holding
	// its user's lock and marks the event done in the same transaction when
	// fn succeeds; when fn fails, the attempt is counted and the event is
	// tried again later (given up after a few attempts, so it cannot block
	// the user's later events). An event already done is left alone.
	ProcessEvent(ctx context.Context, ev Event, fn func(Tx) error) error
}

// Outbox keeps deliveries until they are sent.
type Outbox interface {
	// ClaimDeliveries leases up to n due deliveries (the oldest pending one
	// of each recipient, so one user's messages leave in order) until
	// now+lease, so other replicas skip them.
	ClaimDeliveries(ctx context.Context, now time.Time, n int, lease time.Duration) ([]Delivery, error)
	// DeliverySent marks a delivery as sent.
	DeliverySent(ctx context.Context, id int64) error
	// DeliveriesSent marks many deliveries as sent, in one statement.
	DeliveriesSent(ctx context.Context, ids []int64) error
	// RetryDelivery counts a failed attempt and makes the delivery due again at.
	RetryDelivery(ctx context.Context, id int64, at time.Time, reason string) error
	// DeliveryFailed gives a delivery up for good.
	DeliveryFailed(ctx context.Context, id int64, reason string) error
}
