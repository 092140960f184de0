package bot

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/faq"
)

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
	faq.Source // the FAQ the engine's Answerer reads
	HandoffStore
	// InTx runs fn in one transaction that holds the lock of key, so the
	// turns of one user run one at a time, even across replicas. Everything
	// fn writes commits together, or nothing does when fn returns an error.
	InTx(ctx context.Context, key UserKey, fn func(Tx) error) error
}

// Tx is the storage one turn of a conversation works in: one transaction,
// holding the user's lock (see Store.InTx). It is the sum of the small
// interfaces below, one per concern, so a reader finds a method by what it
// is about.
type Tx interface {
	ConversationTx
	CandidateTx
	HandoffTx
	QuestionTx
	OutboxTx
	EventTx
	SourceTx
}

// ConversationTx is the user's conversation: where they are in the form, what they answered.
type ConversationTx interface {
	// Conversation returns the user's conversation, or ErrNotFound.
	Conversation(ctx context.Context, key UserKey) (Conversation, error)
	// SaveConversation creates or replaces the conversation, increments
	// c.Version and sets c.UpdatedAt.
	SaveConversation(ctx context.Context, c *Conversation) error
	// DeleteConversation removes the conversation and its answers, if any.
	DeleteConversation(ctx context.Context, key UserKey) error
}

// CandidateTx is the candidates and their applications.
type CandidateTx interface {
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
	// ChangeApplicationStatus moves an application to status to on behalf
	// of actor and records it in the audit trail; it reports whether the
	// status changed (setting the current one again does nothing).
	// ErrNotFound when there is no such application, ErrActiveApplication
	// when it would become active beside another active one.
	ChangeApplicationStatus(ctx context.Context, id int64, to Status, actor string) (Application, bool, error)
	// ForgetCandidate deletes the user's personal data (the candidate,
	// conversation, applications and their events, handoffs with their
	// messages, and what is still queued for them) inside this
	// transaction; actor says who asked.
	ForgetCandidate(ctx context.Context, key UserKey, actor string) (bool, error)
}

// HandoffTx is a candidate talking to a person, and the questions kept for one.
type HandoffTx interface {
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
	// AddHandoffMessage keeps a line of a handoff's conversation (what
	// the candidate said, a staff reply, the bot's closing line), setting
	// m.ID; it is deleted with the handoff.
	AddHandoffMessage(ctx context.Context, m *HandoffMessage) error
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
	// PostsAbout lists the messages posted to recruiters about the user
	// (their applications' notices, their handoffs' threads).
	PostsAbout(ctx context.Context, key UserKey) ([]Post, error)
}

// QuestionTx is what staff learn from the questions asked: counts and misses (no text but the misses').
type QuestionTx interface {
	// RecordQuestion counts a question asked (no text is kept): its
	// outcome ("answered", "ambiguous", "missed", or OutcomeChosen for an
	// entry picked from choices) and the entry that answered it, for the
	// staff dashboard.
	RecordQuestion(ctx context.Context, channel Channel, outcome, faqID string) error
	// RecordMiss counts a question the bot could not answer; questions with
	// the same normalized form are counted together. It returns the id of
	// the miss, which a did-you-mean choice carries back (0 when nothing was
	// recorded).
	RecordMiss(ctx context.Context, question, normalized string) (int64, error)
	// RecordMissPick records that the student who asked miss picked the
	// entry faqID from the did-you-mean choices offered for it; an unknown
	// miss (deleted since) is ignored.
	RecordMissPick(ctx context.Context, missID int64, faqID string) error
}

// OutboxTx is what leaves after commit.
type OutboxTx interface {
	// Enqueue adds a delivery to the outbox, to be sent after commit. An
	// empty RetryKey is filled in; d.ID is set.
	Enqueue(ctx context.Context, d *Delivery) error
	// CancelDeliveries drops the pending deliveries to key (the user
	// blocked the bot).
	CancelDeliveries(ctx context.Context, key UserKey) error
}
