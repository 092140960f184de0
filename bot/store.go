package bot

import (
	"context"
	"github.com/sakemodel/sakebot/faq"
	"time"
)

// FAQStore keeps the FAQ entries staff edit.
type FAQStore interface {
	// ListFAQs returns every entry, enabled or not, ordered by category and id.
	ListFAQs(ctx context.Context) ([]faq.FAQ, error)
	// FAQ returns one entry, or ErrNotFound.
	FAQ(ctx context.Context, id string) (faq.FAQ, error)
	// CreateFAQ stores a new entry (an empty ID is assigned); ErrConflict when the ID exists.
	CreateFAQ(ctx context.Context, f *faq.FAQ) error
	// UpdateFAQ saves f when f.Version is the stored version, then increments
	// f.Version; ErrConflict when someone else changed it, ErrNotFound when gone.
	UpdateFAQ(ctx context.Context, f *faq.FAQ) error
	// DeleteFAQ removes an entry, or returns ErrNotFound.
	DeleteFAQ(ctx context.Context, id string) error
	// ImportFAQs creates or replaces the given entries in one transaction.
	ImportFAQs(ctx context.Context, faqs []faq.FAQ, by string) error
	// SeedFAQs stores faqs only if this database was never seeded, so staff
	// edits survive restarts. It reports whether it seeded.
	SeedFAQs(ctx context.Context, faqs []faq.FAQ) (bool, error)
	// FAQRevision is a number that changes whenever any entry changes, on
	// any replica: a cheap way to know when to rebuild the index.
	FAQRevision(ctx context.Context) (int64, error)
}

// MissStore keeps the questions the bot could not answer.
type MissStore interface {
	// ListMisses returns the undismissed misses, most frequent first.
	ListMisses(ctx context.Context, limit int) ([]Miss, error)
	// DismissMiss hides a miss from the list.
	DismissMiss(ctx context.Context, id int64) error
}

// HandoffStore finds handoffs outside a conversation's transaction: a
// recruiter closing one, the sweep of idle ones.
type HandoffStore interface {
	// Handoff returns one handoff, or ErrNotFound.
	Handoff(ctx context.Context, id int64) (Handoff, error)
	// IdleHandoffs returns up to limit open handoffs whose last message
	// was before cutoff, oldest first.
	IdleHandoffs(ctx context.Context, cutoff time.Time, limit int) ([]Handoff, error)
}

// Store is everything the engine needs from storage.
type Store interface {
	FAQStore
	HandoffStore
	// InTx runs fn in one transaction that holds the lock of key, so the
	// turns of one user run one at a time, even across replicas. Everything
	// fn writes commits together, or nothing does when fn returns an error.
	InTx(ctx context.Context, key UserKey, fn func(Tx) error) error
}

// Tx is the storage one turn of a conversation works in.
type Tx interface {
	// Conversation returns the user's conversation, or ErrNotFound.
	Conversation(ctx context.Context, key UserKey) (Conversation, error)
	// SaveConversation creates or replaces the conversation, increments
	// c.Version and sets c.UpdatedAt.
	SaveConversation(ctx context.Context, c *Conversation) error
	// DeleteConversation removes the conversation and its answers, if any.
	DeleteConversation(ctx context.Context, key UserKey) error

	// Candidate returns the candidate, or ErrNotFound.
	Candidate(ctx context.Context, key UserKey) (Candidate, error)
	// SaveCandidate creates or updates the candidate by key and sets c.ID.
	SaveCandidate(ctx context.Context, c *Candidate) error

	// LatestApplication returns the candidate's newest application, or ErrNotFound.
	LatestApplication(ctx context.Context, candidateID int64) (Application, error)
	// CreateApplication stores a submitted application, assigning ID, Ref
	// (unique, SK-YYYY-NNNN) and timestamps, and records the "submitted"
	// event. ErrActiveApplication when the candidate has an active one.
	CreateApplication(ctx context.Context, a *Application) error

	// RecordMiss counts a question the bot could not answer; questions with
	// the same normalized form are counted together.
	RecordMiss(ctx context.Context, question, normalized string) error
	// RecordHandoff records that the user asked for a person, setting
	// h.ID, h.CreatedAt, h.LastAt and, when empty, h.Status (requested).
	// ErrConflict when h is open and the user already has an open handoff.
	RecordHandoff(ctx context.Context, h *Handoff) error
	// OpenHandoff returns the user's open handoff, or ErrNotFound.
	OpenHandoff(ctx context.Context, key UserKey) (Handoff, error)
	// Handoff returns one handoff, or ErrNotFound.
	Handoff(ctx context.Context, id int64) (Handoff, error)
	// TouchHandoff records a message in an open handoff at at.
	TouchHandoff(ctx context.Context, id int64, at time.Time) error
	// CloseHandoff closes an open handoff on behalf of by and forgets the
	// candidate's questions it kept; it reports false (and changes
	// nothing) when the handoff was not open.
	CloseHandoff(ctx context.Context, id int64, by string, at time.Time) (bool, error)
	// RememberQuestion keeps a question the user asked, for a handoff that
	// may follow: only the last few, for a day at most, and only for a
	// stored candidate (deleted with them).
	RememberQuestion(ctx context.Context, key UserKey, text string, at time.Time) error
	// TakeRecentQuestions returns the questions kept for the user, oldest
	// first, and forgets them.
	TakeRecentQuestions(ctx context.Context, key UserKey) ([]string, error)
	// ChangeApplicationStatus moves an application to status to on behalf
	// of actor and records it in the audit trail; it reports whether the
	// status changed (setting the current one again does nothing).
	// ErrNotFound when there is no such application, ErrActiveApplication
	// when it would become active beside another active one.
	ChangeApplicationStatus(ctx context.Context, id int64, to Status, actor string) (Application, bool, error)
	// PostsAbout lists the messages posted to recruiters about the user
	// (their applications' notices, their handoffs' threads).
	PostsAbout(ctx context.Context, key UserKey) ([]Post, error)
	// ForgetCandidate deletes the user's personal data as
	// Janitor.ForgetCandidate does, inside this transaction.
	ForgetCandidate(ctx context.Context, key UserKey, actor string) (bool, error)
	// RecordQuestion counts a question asked (no text is kept): its
	// outcome ("answered", "ambiguous", "missed", or OutcomeChosen for an
	// entry picked from choices) and the entry that answered it, for the
	// staff dashboard.
	RecordQuestion(ctx context.Context, channel Channel, outcome, faqID string) error

	// Enqueue adds a delivery to the outbox, to be sent after commit. An
	// empty RetryKey is filled in; d.ID is set.
	Enqueue(ctx context.Context, d *Delivery) error
	// CancelDeliveries drops the pending deliveries to key (the user
	// blocked the bot).
	CancelDeliveries(ctx context.Context, key UserKey) error
}

// ApplicationStore is what recruiters' tools need: listing, status changes,
// the audit trail.
type ApplicationStore interface {
	// ListApplications returns applications matching f, newest first.
	ListApplications(ctx context.Context, f ApplicationFilter) ([]Application, error)
	// Application returns one application by ID, or ErrNotFound.
	Application(ctx context.Context, id int64) (Application, error)
	// SetApplicationStatus changes the status and records who did it.
	SetApplicationStatus(ctx context.Context, id int64, to Status, actor string) (Application, error)
	// ApplicationEvents returns the audit trail of an application, oldest first.
	ApplicationEvents(ctx context.Context, id int64) ([]ApplicationEvent, error)
}

// Janitor removes personal data that must not be kept.
type Janitor interface {
	// ExpireConversations deletes unfinished conversations (and their
	// answers) last touched before cutoff and reports how many.
	ExpireConversations(ctx context.Context, cutoff time.Time) (int, error)
	// ForgetCandidate deletes the candidate's personal data: the candidate,
	// conversation, applications and their events, handoffs, and what is
	// still queued for them; actor says who asked (for the deletion audit).
	// It reports whether anything was deleted.
	ForgetCandidate(ctx context.Context, key UserKey, actor string) (bool, error)
	// Purge deletes personal data older than cutoff (the retention period)
	// and reports how many rows went.
	Purge(ctx context.Context, cutoff time.Time) (int, error)
}
