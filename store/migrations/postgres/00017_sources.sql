-- Sources (流入経路): where students come from — an info session, a
-- school, a poster, a page — each with a code staff hand out as a QR code
-- or a link (#K0612 on LINE, ?src=K0612 on the web chat). A student who
-- arrives with a code is tagged with its source: the first arrival is
-- their source, later ones are recorded too; the arrivals are personal
-- data and go with the candidate. broadcast_off_at is when a student asked
-- for no more announcements (配信停止); NULL: announcements are welcome.
-- Changes to sources are kept in source_log, for the audit log.

-- +goose Up
CREATE TABLE sources (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('session', 'school', 'poster', 'web')),
    welcome    TEXT NOT NULL DEFAULT '',
    disabled   BOOLEAN NOT NULL DEFAULT FALSE,
    created_by TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE candidate_sources (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    source_id    BIGINT NOT NULL REFERENCES sources (id),
    is_first     BOOLEAN NOT NULL DEFAULT FALSE,
    at           TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX candidate_sources_one_first ON candidate_sources (candidate_id) WHERE is_first;
CREATE INDEX candidate_sources_source_idx ON candidate_sources (source_id);
CREATE INDEX candidate_sources_candidate_idx ON candidate_sources (candidate_id);

CREATE TABLE source_log (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT '',
    at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX source_log_source_idx ON source_log (source_id, id);

ALTER TABLE candidates ADD COLUMN broadcast_off_at TIMESTAMPTZ;

-- +goose Down
ALTER TABLE candidates DROP COLUMN broadcast_off_at;
DROP TABLE source_log;
DROP TABLE candidate_sources;
DROP TABLE sources;
