package slack

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/worker"
)

// Inbox is where events are written before Slack gets its answer.
type Inbox interface {
	AcceptEvents(ctx context.Context, events []worker.Event) (int, error)
}

// Records is what the Sender reads to render a delivery, and where it
// notes what it posted.
type Records interface {
	Application(ctx context.Context, id int64) (bot.Application, error)
	ApplicationEvents(ctx context.Context, id int64) ([]bot.ApplicationEvent, error)
	// SetApplicationNotice records the channel and ts of an application's notice.
	SetApplicationNotice(ctx context.Context, id int64, channel, ts string) error
	HandoffView(ctx context.Context, id int64) (bot.HandoffView, error)
	// SetHandoffThread records the channel and ts of a handoff's thread.
	SetHandoffThread(ctx context.Context, id int64, channel, ts string) error
	Bookings
}

// Threads finds the handoff a thread belongs to.
type Threads interface {
	HandoffByThread(ctx context.Context, channel, threadTS string) (bot.Handoff, error)
}

// FAQs is the FAQ as staff edit it from Slack; every change is recorded
// with who made it.
type FAQs interface {
	ListFAQs(ctx context.Context) ([]faq.FAQ, error)
	FAQ(ctx context.Context, id string) (faq.FAQ, error)
	// CreateFAQ stores a new entry, recording f.UpdatedBy in the audit trail.
	CreateFAQ(ctx context.Context, f *faq.FAQ) error
	// UpdateFAQ saves f at f.Version, recording f.UpdatedBy in the audit trail.
	UpdateFAQ(ctx context.Context, f *faq.FAQ) error
	// DeleteFAQ removes an entry at version, recording actor in the audit trail.
	DeleteFAQ(ctx context.Context, id string, version int, actor string) error
	ListMisses(ctx context.Context, limit int) ([]bot.Miss, error)
	DismissMiss(ctx context.Context, id int64) error
}

// Store is all the storage the Slack channel uses; *store.Store has it.
type Store interface {
	Inbox
	Records
	Threads
	FAQs
	Home
}

// Desk is what recruiters do through the engine: each runs in one
// transaction with the messages it causes (*bot.Engine has it).
type Desk interface {
	SetApplicationStatus(ctx context.Context, id int64, to bot.Status, actor string) (bot.Application, bool, error)
	CloseHandoff(ctx context.Context, id int64, by string) (bool, error)
}
