-- Sources (流入経路): where students come from — an info session, a
-- school, a poster, a page — each with a code staff hand out as a QR code
-- or a link (#K0612 on LINE, ?src=K0612 on the web chat). A student who
-- arrives with a code is tagged with its source: the first arrival is
-- their source, later ones are recorded too; the arrivals are personal
-- data and go with the candidate. broadcast_off_at is when a student asked
-- for no more announcements (配信停止); NULL: announcements are welcome.
-- Changes to sources are kept in source_log, for the audit log. The same
-- tables as the PostgreSQL migration.

-- +goose Up
CREATE TABLE sources (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('session', 'school', 'poster', 'web')),
    welcome    TEXT NOT NULL DEFAULT '',
    disabled   INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE candidate_sources (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    source_id    INTEGER NOT NULL REFERENCES sources (id),
    is_first     INTEGER NOT NULL DEFAULT 0 CHECK (is_first IN (0, 1)),
    at           TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX candidate_sources_one_first ON candidate_sources (candidate_id) WHERE is_first = 1;
CREATE INDEX candidate_sources_source_idx ON candidate_sources (source_id);
CREATE INDEX candidate_sources_candidate_idx ON candidate_sources (candidate_id);

CREATE TABLE source_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT '',
    at        TEXT NOT NULL
) STRICT;
CREATE INDEX source_log_source_idx ON source_log (source_id, id);

ALTER TABLE candidates ADD COLUMN broadcast_off_at TEXT;

-- +goose Down
ALTER TABLE candidates DROP COLUMN broadcast_off_at;
DROP TABLE source_log;
DROP TABLE candidate_sources;
DROP TABLE sources;
