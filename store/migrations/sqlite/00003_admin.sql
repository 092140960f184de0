-- SQLite version of the same schema: times are UTC text as in 00001.
-- The staff web page (handlers/admin): its login sessions, stored here so
-- every replica accepts them and logging out really ends them, and the
-- failed logins per client address that slow password guessing down.

-- +goose Up
CREATE TABLE admin_sessions (
    token_hash TEXT PRIMARY KEY,        -- SHA-256 of the cookie's token; the token itself is never stored
    csrf_token TEXT NOT NULL,           -- the token every form of the session must carry
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX admin_sessions_expires_idx ON admin_sessions (expires_at);

CREATE TABLE admin_login_failures (
    client   TEXT PRIMARY KEY,          -- a hash of the client's address
    failures INTEGER NOT NULL,
    first_at TEXT NOT NULL,
    last_at  TEXT NOT NULL
) STRICT;
CREATE INDEX admin_login_failures_last_idx ON admin_login_failures (last_at);

-- +goose Down
DROP TABLE admin_login_failures;
DROP TABLE admin_sessions;
