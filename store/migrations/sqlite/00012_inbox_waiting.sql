-- A user's events behind a pending one wait (waiting = 1) until they are
-- their user's oldest pending event: the event before them is done or
-- given up, and its transaction releases the next one. The worker's "next
-- event" query scans only events that do not wait, so a deep backlog of
-- one user costs it nothing while that user's oldest event is being
-- processed. An event that waits with nothing before it (its predecessor
-- finished while it was being stored) is released by a periodic sweep.

-- +goose Up
ALTER TABLE inbox ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
CREATE INDEX inbox_ready_idx ON inbox (seq) WHERE status = 'pending' AND waiting = 0;
DROP INDEX inbox_next_idx;

-- +goose Down
CREATE INDEX inbox_next_idx ON inbox (seq) WHERE status = 'pending';
DROP INDEX inbox_ready_idx;
ALTER TABLE inbox DROP COLUMN waiting;
