package bot

import (
	"context"
	"time"
)

// SourceTx is the sources and the students' arrivals with their codes,
// and the students' 配信停止, inside one transaction: what a student's
// turn tags and sets, and what staff change through the Engine. The
// store records every change to a source with its actor in the sources'
// audit trail.
type SourceTx interface {
	// SourceByCode returns the source whose code is code (as stored:
	// upper case, no #), disabled or not, or ErrNotFound.
	SourceByCode(ctx context.Context, code string) (Source, error)
	// Source returns one source, or ErrNotFound.
	Source(ctx context.Context, id int64) (Source, error)
	// SaveSource creates the source (ID 0: sets ID, CreatedBy, CreatedAt;
	// an empty Code is replaced by a new unique one) or updates its name,
	// kind and welcome message (ErrNotFound when there is no such
	// source), on behalf of actor. A code already in use is ErrConflict.
	// It sets s.UpdatedAt (and the stored fields on update).
	SaveSource(ctx context.Context, s *Source, actor string) error
	// SetSourceDisabled disables or enables a source's code on behalf of
	// actor; it reports false when it was so already.
	SetSourceDisabled(ctx context.Context, id int64, disabled bool, actor string) (bool, error)
	// TagCandidate records that the stored candidate arrived with the
	// source's code at at: the first arrival is their source (first
	// true), later ones are recorded too.
	TagCandidate(ctx context.Context, candidateID, sourceID int64, at time.Time) (first bool, err error)
	// SetBroadcastOff records that the stored candidate asked for no more
	// announcements (off, at at: the broadcasts and automatic messages
	// still waiting for them are dropped) or for them again; it reports
	// false when it was so already.
	SetBroadcastOff(ctx context.Context, key UserKey, off bool, at time.Time) (bool, error)
}
