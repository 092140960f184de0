-- The first schema of sakebot on SQLite: the same tables and columns as the
-- PostgreSQL migration of the same version. Tables are STRICT; booleans are
-- INTEGER 0/1; times are UTC text in one fixed-width format
-- (2006-01-02T15:04:05.000000Z), so they compare and sort as text.

-- +goose Up
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE faqs (
    id           TEXT PRIMARY KEY,
    question     TEXT NOT NULL,
    alternatives TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    keywords     TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    answer       TEXT NOT NULL,
    category     TEXT NOT NULL DEFAULT '',
    enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    version      INTEGER NOT NULL DEFAULT 1,
    updated_by   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX faqs_category_id_idx ON faqs (category, id);

CREATE TABLE faq_misses (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    normalized TEXT NOT NULL UNIQUE,
    question   TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1,
    first_at   TEXT NOT NULL,
    last_at    TEXT NOT NULL,
    dismissed  INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1))
) STRICT;
CREATE INDEX faq_misses_list_idx ON faq_misses (dismissed, count DESC, last_at DESC);

CREATE TABLE candidates (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    channel      TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    blocked      INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
    consent_at   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CONSTRAINT candidates_key_unique UNIQUE (channel, user_id)
) STRICT;

CREATE TABLE conversations (
    channel    TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    mode       TEXT NOT NULL DEFAULT '',
    step       TEXT NOT NULL DEFAULT '',
    answers    TEXT NOT NULL DEFAULT '{}', -- JSON object field -> answer
    resume     TEXT NOT NULL DEFAULT '',
    misses     INTEGER NOT NULL DEFAULT 0,
    version    INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (channel, user_id)
) STRICT;
CREATE INDEX conversations_unfinished_idx ON conversations (updated_at) WHERE mode <> '';

CREATE TABLE ref_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE applications (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    ref           TEXT NOT NULL UNIQUE,
    candidate_id  INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    channel       TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    name          TEXT NOT NULL DEFAULT '',
    kana          TEXT NOT NULL DEFAULT '',
    school        TEXT NOT NULL DEFAULT '',
    department    TEXT NOT NULL DEFAULT '',
    graduation    TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    kitami_wish   TEXT NOT NULL DEFAULT '',
    it_experience TEXT NOT NULL DEFAULT '',
    motivation    TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    active        INTEGER NOT NULL CHECK (active IN (0, 1)),
    slack_channel TEXT NOT NULL DEFAULT '',
    slack_ts      TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
-- One active application per candidate, enforced by the database.
CREATE UNIQUE INDEX applications_one_active ON applications (candidate_id) WHERE active;
CREATE INDEX applications_candidate_idx ON applications (candidate_id, created_at DESC);
CREATE INDEX applications_key_idx ON applications (channel, user_id);
CREATE INDEX applications_created_idx ON applications (created_at DESC, id DESC);
CREATE INDEX applications_status_idx ON applications (status, created_at DESC);

CREATE TABLE application_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    actor          TEXT NOT NULL DEFAULT '',
    action         TEXT NOT NULL,
    from_value     TEXT NOT NULL DEFAULT '',
    to_value       TEXT NOT NULL DEFAULT '',
    at             TEXT NOT NULL
) STRICT;
CREATE INDEX application_events_application_idx ON application_events (application_id, id);

CREATE TABLE handoffs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    channel       TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    question      TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    slack_channel TEXT NOT NULL DEFAULT '',
    slack_ts      TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    closed_at     TEXT
) STRICT;
CREATE INDEX handoffs_key_idx ON handoffs (channel, user_id, created_at DESC);

-- +goose Down
DROP TABLE handoffs;
DROP TABLE application_events;
DROP TABLE applications;
DROP TABLE ref_counters;
DROP TABLE conversations;
DROP TABLE candidates;
DROP TABLE faq_misses;
DROP TABLE faqs;
DROP TABLE meta;
