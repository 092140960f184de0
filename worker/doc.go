// Package worker moves events from the inbox through the conversation
// engine to the outbox and delivers what is due: leasing events and
// deliveries so replicas share the work, one user's events in order, the
// fast lane that answers a webhook's messages in the transaction that
// stores them, retries with backoff, the per-user rate limit, and the
// ports it needs from storage and channels (Inbox, Outbox, Sender,
// ProfileSource).
//
// It imports bot and faq, never HTTP, SQL or a platform SDK: the store
// implements its queues, the channels its senders.
package worker
