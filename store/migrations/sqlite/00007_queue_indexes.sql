-- The same partial indexes as PostgreSQL's 00007 (SQLite has no autovacuum
-- settings per table).

-- +goose Up
CREATE INDEX inbox_next_idx ON inbox (seq) WHERE status = 'pending';
CREATE INDEX outbox_next_idx ON outbox (id) WHERE status = 'pending';
DROP INDEX outbox_due_idx;

-- +goose Down
CREATE INDEX outbox_due_idx ON outbox (due_at) WHERE status = 'pending';
DROP INDEX outbox_next_idx;
DROP INDEX inbox_next_idx;
