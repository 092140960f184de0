// Package store keeps sakebot's data in PostgreSQL (production, any number of
// replicas) or in an embedded SQLite file (the default for one process).
//
// It implements with sqlx the ports the domain declares (bot.Store and
// bot.Tx, the worker's Inbox, Outbox and BatchInbox, the interfaces the
// channels and the admin page declare for what they read and change), and
// returns concrete types otherwise. It executes statements; the domain
// decides. Both engines run the same SQL wherever they can: queries are written
// with ? placeholders and rebound per dialect, ids come back with RETURNING,
// upserts use ON CONFLICT. Where the engines must differ (column types), the
// embedded migrations differ: migrations/postgres and migrations/sqlite hold
// the same logical schema.
//
// Times are stored in UTC with microsecond precision: TIMESTAMPTZ on
// PostgreSQL and fixed-width RFC 3339 text on SQLite, so they round-trip
// exactly and compare correctly on both.
//
// Driver errors are translated to bot.ErrNotFound, bot.ErrConflict and
// bot.ErrActiveApplication in one place (errors.go), so callers never see a
// driver type.
//
// It imports bot, worker and faq (their ports and types) and the drivers;
// never HTTP, a channel or an SDK, and it never calls back into the domain.
package store
