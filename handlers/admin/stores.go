package admin

import (
	"context"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// FAQStore is the FAQ storage the editor works on.
type FAQStore interface {
	// ListFAQs returns every entry, enabled or not.
	ListFAQs(ctx context.Context) ([]faq.FAQ, error)
	// FAQ returns one entry, or bot.ErrNotFound.
	FAQ(ctx context.Context, id string) (faq.FAQ, error)
	// CreateFAQ stores a new entry (assigning an empty ID), recording
	// f.UpdatedBy in the FAQ audit trail; bot.ErrConflict when the ID is taken.
	CreateFAQ(ctx context.Context, f *faq.FAQ) error
	// UpdateFAQ saves f if f.Version is still the stored one, recording
	// f.UpdatedBy in the FAQ audit trail; bot.ErrConflict otherwise.
	UpdateFAQ(ctx context.Context, f *faq.FAQ) error
	// DeleteFAQ removes an entry if it is still at version (any version
	// when 0), recording actor in the FAQ audit trail; bot.ErrConflict when
	// it changed meanwhile, bot.ErrNotFound when it is gone.
	DeleteFAQ(ctx context.Context, id string, version int, actor string) error
	// ImportFAQFile creates or replaces the entries and the concepts of a
	// FAQ file in one transaction, recording by in the FAQ audit trail of
	// each.
	ImportFAQFile(ctx context.Context, faqs []faq.FAQ, concepts []faq.Concept, by string) error
}

// ConceptStore holds the concepts (synonym groups) the matcher reads
// along with the FAQ; every change moves the FAQ revision, so the bot uses
// it at once.
type ConceptStore interface {
	// ListConcepts returns every concept, ordered by name.
	ListConcepts(ctx context.Context) ([]faq.Concept, error)
	// SaveConcept creates the concept named c.Name or replaces its words,
	// recording actor in the FAQ audit trail; a *faq.ValidationError when
	// faq.ValidateConcept refuses it.
	SaveConcept(ctx context.Context, c faq.Concept, actor string) error
	// DeleteConcept removes a concept, recording actor in the FAQ audit
	// trail; bot.ErrNotFound when there is none.
	DeleteConcept(ctx context.Context, name, actor string) error
}

// MissStore holds the questions the bot could not answer.
type MissStore interface {
	// ListMisses returns the undismissed questions, most frequent first (all when limit <= 0).
	ListMisses(ctx context.Context, limit int) ([]bot.Miss, error)
	// DismissMiss takes a question off the list; bot.ErrNotFound when there is none.
	DismissMiss(ctx context.Context, id int64) error
}

// ApplicationStore is what the applications pages read and change.
type ApplicationStore interface {
	// ListApplications returns the applications matching f, newest first.
	ListApplications(ctx context.Context, f bot.ApplicationFilter) ([]bot.Application, error)
	// Application returns one application, or bot.ErrNotFound.
	Application(ctx context.Context, id int64) (bot.Application, error)
	// ApplicationEvents returns the audit trail, oldest first.
	ApplicationEvents(ctx context.Context, id int64) ([]bot.ApplicationEvent, error)
}

// Desk is what the page changes through the engine rather than the store,
// so that a change made here has the same consequences as one made in
// Slack; *bot.Engine has it.
type Desk interface {
	// SetApplicationStatus changes the status, records the actor in the
	// audit trail and, in the same transaction, queues the update of the
	// recruiters' notice and the message to a candidate invited to an
	// interview. It reports whether the status changed.
	SetApplicationStatus(ctx context.Context, id int64, to bot.Status, actor string) (bot.Application, bool, error)
	// ForgetCandidate deletes the personal data of the candidate behind an
	// application (all their applications, conversation, handoffs), on
	// behalf of actor, recorded in the deletion log without the data, and
	// queues the removal of what recruiters were shown about them.
	ForgetCandidate(ctx context.Context, key bot.UserKey, actor string) (bool, error)
	// CloseHandoff ends an open handoff on behalf of actor: its Slack
	// thread shows it closed, and the candidate is told the bot is back.
	// It reports whether this call closed it.
	CloseHandoff(ctx context.Context, id int64, actor string) (bool, error)
	EventDesk
	SourceDesk
}

// InboxStore is what the inbox of conversations waiting for staff
// (対応中の会話) reads.
type InboxStore interface {
	// WaitingHandoffs returns up to limit open handoffs, newest first,
	// with their candidates and how many of their messages are unanswered.
	WaitingHandoffs(ctx context.Context, limit int) ([]bot.WaitingHandoff, error)
	// OpenHandoffCount counts the open handoffs.
	OpenHandoffCount(ctx context.Context) (int, error)
	// HandoffView returns a handoff with its candidate, or bot.ErrNotFound.
	HandoffView(ctx context.Context, id int64) (bot.HandoffView, error)
	// HandoffMessages returns a handoff's conversation, oldest first.
	HandoffMessages(ctx context.Context, handoffID int64) ([]bot.HandoffMessage, error)
}

// StatsStore summarises the data for the dashboard.
type StatsStore interface {
	// Stats summarises candidates, questions, applications and handoffs.
	Stats(ctx context.Context, q bot.StatsQuery) (bot.Stats, error)
	// ChannelCounts counts the candidates and applications of every
	// channel, in the order of bot.Channels.
	ChannelCounts(ctx context.Context) ([]bot.ChannelCount, error)
}

// SessionStore keeps the page's login sessions and failed login counts in
// the database, so every replica sees the same ones.
type SessionStore interface {
	// CreateAdminSession stores a session of a staff account (0: the
	// break-glass password) under the hash of its token.
	CreateAdminSession(ctx context.Context, tokenHash, csrfToken string, staffID int64, expiresAt time.Time) error
	// AdminSession returns a session's CSRF token, staff account and
	// expiry, or bot.ErrNotFound.
	AdminSession(ctx context.Context, tokenHash string) (csrfToken string, staffID int64, expiresAt time.Time, err error)
	// DeleteAdminSession ends a session.
	DeleteAdminSession(ctx context.Context, tokenHash string) error
	// PruneAdminSessions deletes expired sessions and stale failure counts.
	PruneAdminSessions(ctx context.Context, now, failuresBefore time.Time) error
	// ReserveAdminLogin counts a login attempt of client as a failure and
	// returns its failures in a row, or, when the client must still wait
	// (wait(failures) after its last failure), counts nothing and returns
	// what is left of the wait; atomically, so parallel attempts are
	// counted one by one.
	ReserveAdminLogin(ctx context.Context, client string, at, resetBefore time.Time,
		wait func(failures int) time.Duration) (failures int, retryAfter time.Duration, err error)
	// ClearAdminLoginFailures forgets client's failures.
	ClearAdminLoginFailures(ctx context.Context, client string) error
}

// Store is all the storage the page needs.
type Store interface {
	FAQStore
	ConceptStore
	MissStore
	ApplicationStore
	StatsStore
	SessionStore
	StaffStore
	InboxStore
	AuditStore
	EventStore
}

// AuditStore reads the whole audit log: every trail in one shape.
type AuditStore interface {
	// AuditLog returns the entries of every audit trail that f selects,
	// newest first.
	AuditLog(ctx context.Context, f bot.AuditFilter) ([]bot.AuditEntry, error)
}

// Asker ranks the FAQ entries for a question, as the bot would answer it;
// *faq.Answerer is one, and it reloads the FAQ when any replica edits it.
type Asker interface {
	// Ask ranks the enabled entries for question with the FAQ as stored now.
	Ask(ctx context.Context, question string) (faq.Match, error)
}

// StaffStore keeps the staff accounts.
type StaffStore interface {
	// CreateStaff stores a new account and sets its ID, recording actor in
	// the accounts' audit trail (so do the other changes); bot.ErrConflict
	// when its e-mail or Slack user id is another account's.
	CreateStaff(ctx context.Context, st *bot.Staff, passwordHash, actor string) error
	// StaffByEmail returns an account and its password hash, or bot.ErrNotFound.
	StaffByEmail(ctx context.Context, email string) (bot.Staff, string, error)
	// StaffByID returns an account and its password hash, or bot.ErrNotFound.
	StaffByID(ctx context.Context, id int64) (bot.Staff, string, error)
	// ListStaff returns every account, enabled ones first.
	ListStaff(ctx context.Context) ([]bot.Staff, error)
	// UpdateStaff saves an account (not its password); disabling it ends
	// its sessions.
	UpdateStaff(ctx context.Context, st bot.Staff, actor string) error
	// SetStaffPassword changes an account's password hash and ends its
	// sessions but keepSession.
	SetStaffPassword(ctx context.Context, id int64, passwordHash, keepSession, actor string) error
}
