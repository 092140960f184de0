package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// The keys of the meta table.
const (
	metaFAQSeeded   = "faq_seeded"   // present once the FAQ was seeded (or imported)
	metaFAQRevision = "faq_revision" // bumped with every FAQ change
	metaFAQSequence = "faq_sequence" // numbers the ids CreateFAQ assigns
	// metaConceptsSeeded is present once concepts were seeded (or
	// imported); the down migration of faq_concepts deletes it.
	metaConceptsSeeded = "faq_concepts_seeded"
)

// bumpMetaSQL increments a numeric meta value, creating it at 1.
const bumpMetaSQL = `
INSERT INTO meta (key, value) VALUES (?, '1')
ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)
RETURNING value`

// bumpMeta increments the counter key and returns its new value.
func bumpMeta(ctx context.Context, q sqlx.ExtContext, key string) (int64, error) {
	var n int64
	if err := sqlx.GetContext(ctx, q, &n, q.Rebind(bumpMetaSQL), key); err != nil {
		return 0, wrap(err, "bump %s", key)
	}
	return n, nil
}

// claimMetaSQL sets a meta key only if it is not set yet.
const claimMetaSQL = `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`

// claimMeta sets key to value unless it is set, reporting whether it was
// this call that set it. A concurrent transaction claiming the same key
// waits for this one and then finds it set.
func claimMeta(ctx context.Context, q sqlx.ExtContext, key, value string) (bool, error) {
	res, err := q.ExecContext(ctx, q.Rebind(claimMetaSQL), key, value)
	if err != nil {
		return false, wrap(err, "claim %s", key)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap(err, "claim %s", key)
	}
	return n == 1, nil
}
