-- The audit of deletions of personal data (APPI): what was deleted, when,
-- by whom and how much, never the data itself. A subject is a truncated
-- SHA-256 of the user key, so an operator can confirm a deletion for a
-- known user without the log naming anyone.

-- +goose Up
CREATE TABLE deletion_log (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    action  TEXT NOT NULL,            -- forget, purge, expire
    actor   TEXT NOT NULL,            -- cli, admin, candidate, retention
    subject TEXT NOT NULL DEFAULT '', -- hash of the user key (forget), empty otherwise
    row_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX deletion_log_at_idx ON deletion_log (at);

-- +goose Down
DROP TABLE deletion_log;
