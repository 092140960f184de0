-- The worker's "next event" and "next delivery" queries scan only pending
-- rows, and the queue tables are vacuumed often: they churn.

-- +goose Up
CREATE INDEX inbox_next_idx ON inbox (seq) WHERE status = 'pending';
CREATE INDEX outbox_next_idx ON outbox (id) WHERE status = 'pending';
DROP INDEX outbox_due_idx;
ALTER TABLE inbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02);

-- +goose Down
ALTER TABLE outbox RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor);
ALTER TABLE inbox RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor);
CREATE INDEX outbox_due_idx ON outbox (due_at) WHERE status = 'pending';
DROP INDEX outbox_next_idx;
DROP INDEX inbox_next_idx;
