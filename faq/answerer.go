package faq

import (
	"context"
	"sync"
)

// Answerer keeps the FAQ index in step with the store: it rebuilds the index
// when the store's FAQ revision changes, so an edit made on any replica is
// live for the next question without a restart.
type Answerer struct {
	store Source

	mu       sync.Mutex // serialises rebuilds
	current  *Index
	faqs     []FAQ // the enabled entries, in the store's order
	revision int64
	loaded   bool
}

// Source is where the Answerer reads the FAQ: the store.
type Source interface {
	// ListFAQs returns every entry, enabled or not, ordered by category and id.
	ListFAQs(ctx context.Context) ([]FAQ, error)
	// FAQRevision is a number that changes whenever any entry changes, on
	// any replica: a cheap way to know when to rebuild the index.
	FAQRevision(ctx context.Context) (int64, error)
	// ListConcepts returns every concept (synonym group), ordered by name;
	// FAQRevision changes when one changes too.
	ListConcepts(ctx context.Context) ([]Concept, error)
}

// NewAnswerer returns an Answerer over store; the index is built on first use.
func NewAnswerer(store Source) *Answerer {
	return &Answerer{store: store}
}

// Refresh rebuilds the index if the FAQ changed since the last build.
func (a *Answerer) Refresh(ctx context.Context) error {
	rev, err := a.store.FAQRevision(ctx)
	if err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.loaded && rev == a.revision {
		return nil
	}
	faqs, err := a.store.ListFAQs(ctx)
	if err != nil {
		return err
	}
	concepts, err := a.store.ListConcepts(ctx)
	if err != nil {
		return err
	}
	enabled := make([]FAQ, 0, len(faqs))
	for _, f := range faqs {
		if f.Enabled {
			enabled = append(enabled, f)
		}
	}
	a.current, a.faqs, a.revision, a.loaded = NewIndex(enabled, concepts...), enabled, rev, true
	return nil
}

// FAQs returns the enabled entries of the current index.
func (a *Answerer) FAQs() []FAQ {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.faqs
}

// Index returns the current index (empty before the first Refresh).
func (a *Answerer) Index() *Index {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.current == nil {
		return NewIndex(nil)
	}
	return a.current
}

// Ask refreshes the index and ranks the entries for question.
func (a *Answerer) Ask(ctx context.Context, question string) (Match, error) {
	if err := a.Refresh(ctx); err != nil {
		return Match{}, err
	}
	return a.Index().Match(question), nil
}
