package bot

import "time"

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
	// DeliveryBookingNotice tells recruiters that a candidate booked (or
	// cancelled) an interview (Ref: the booking), as a reply in the
	// thread of the application's notice.
	DeliveryBookingNotice DeliveryKind = "booking_notice"
	// DeliveryStaffMessage posts Replies to recruiters: the evening list
	// of the next day's bookings, a warning that reminders would exceed
	// the LINE quota.
	DeliveryStaffMessage DeliveryKind = "staff_message"
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
	// InDoubt says an attempt may have reached the platform without being
	// recorded: the worker holding the delivery died (its lease ran out).
	InDoubt   bool
	CreatedAt time.Time
}
