-- Staff accounts of the admin page: each staff member signs in as
-- themselves (e-mail and a bcrypt password hash; the password itself is
-- never stored), with a role; sessions belong to an account (NULL: the
-- break-glass ADMIN_PASSWORD), so a password change or a disabled account
-- ends that account's sessions on every replica. A Slack user id links
-- the member's Slack actions to the account in the audit trails.

-- +goose Up
CREATE TABLE staff (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,        -- the login, lower case
    name                TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'viewer')),
    password_hash       TEXT NOT NULL,
    slack_user_id       TEXT,
    notify_email        BOOLEAN NOT NULL DEFAULT false,
    disabled            BOOLEAN NOT NULL DEFAULT false,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX staff_slack_idx ON staff (slack_user_id) WHERE slack_user_id IS NOT NULL;
ALTER TABLE admin_sessions ADD COLUMN staff_id BIGINT;  -- the account (staff are disabled, never deleted); NULL: ADMIN_PASSWORD
CREATE INDEX admin_sessions_staff_idx ON admin_sessions (staff_id);

-- What was done to accounts, by whom (the audit trail of the accounts;
-- the other trails are application_events, faq_events, deletion_log and
-- handoff replies).
CREATE TABLE staff_events (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id BIGINT NOT NULL,          -- the account changed
    actor    TEXT NOT NULL,            -- who changed it: "staff:ID", "admin" (ADMIN_PASSWORD), "cli"
    action   TEXT NOT NULL,            -- created, changed, disabled, enabled, password
    detail   TEXT NOT NULL DEFAULT '', -- e.g. the new role
    at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_events_at_idx ON staff_events (at);

-- +goose Down
DROP TABLE staff_events;
DROP INDEX admin_sessions_staff_idx;
ALTER TABLE admin_sessions DROP COLUMN staff_id;
DROP TABLE staff;
