package worker

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// Event is one incoming platform event, written durably to the inbox
// before the webhook answers, then processed by a Worker.
type Event struct {
	ID         string // the platform's event id (LINE webhookEventId, Slack event_id) or a key derived from the event
	Incoming   bot.Incoming
	ReplyToken string    // LINE's single-use reply token, if any
	ReceivedAt time.Time // when the webhook accepted it
	Seq        int64     // the inbox's order of arrival (set by the inbox)

	pre *bot.Prematch // the FAQ match of Incoming.Text made by the fast lane beforehand, if any (never stored)
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
	ProcessEvent(ctx context.Context, ev Event, fn func(bot.Tx) error) error
}

// Outbox keeps deliveries until they are sent.
type Outbox interface {
	// ClaimDeliveries leases up to n due deliveries (the oldest pending one
	// of each recipient, so one user's messages leave in order) until
	// now+lease, so other replicas skip them.
	ClaimDeliveries(ctx context.Context, now time.Time, n int, lease time.Duration) ([]bot.Delivery, error)
	// DeliverySent marks a delivery as sent.
	DeliverySent(ctx context.Context, id int64) error
	// DeliveriesSent marks many deliveries as sent, in one statement.
	DeliveriesSent(ctx context.Context, ids []int64) error
	// RetryDelivery counts a failed attempt and makes the delivery due again at.
	RetryDelivery(ctx context.Context, id int64, at time.Time, reason string) error
	// DeliveryFailed gives a delivery up for good.
	DeliveryFailed(ctx context.Context, id int64, reason string) error
}
