-- Outreach (配信): segments, broadcasts and automatic messages (rules).
-- A segment is a saved filter over the candidates (filter: the JSON of
-- bot.SegmentFilter), worked out each time it is used; a segment cannot
-- be deleted while a broadcast or a rule uses it (the foreign keys). A
-- broadcast goes once to the students of its segment, at send_at; a rule
-- sends its message days after a trigger (a status reached, an event
-- attended, a follow without an application), once per student. Who each
-- was queued to, with the outbox delivery, is kept in
-- broadcast_recipients and rule_recipients: the primary key makes sure a
-- student is queued once per broadcast or rule, across runs, restarts and
-- replicas. A recipient row is personal data and goes with the candidate
-- (ON DELETE CASCADE: forget, purge); outbox_id is no foreign key, as the
-- outbox's sent rows are purged on their own. buttons hold the JSON array
-- of the quick-reply buttons. Changes to segments, broadcasts and rules
-- are kept in outreach_log (kind and ref_id name the changed row), for
-- the audit log; it holds no personal data.

-- +goose Up
CREATE TABLE segments (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL,
    filter     TEXT NOT NULL DEFAULT '{}',
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE broadcasts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title            TEXT NOT NULL,
    text             TEXT NOT NULL,
    buttons          TEXT NOT NULL DEFAULT '[]',
    segment_id       BIGINT NOT NULL REFERENCES segments (id),
    state            TEXT NOT NULL DEFAULT 'draft'
                     CHECK (state IN ('draft', 'scheduled', 'sending', 'sent', 'held', 'cancelled')),
    send_at          TIMESTAMPTZ,
    quota_allowed_by TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    created_by       TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX broadcasts_due_idx ON broadcasts (state, send_at);
CREATE INDEX broadcasts_segment_idx ON broadcasts (segment_id);

CREATE TABLE broadcast_recipients (
    broadcast_id BIGINT NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    outbox_id    BIGINT NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (broadcast_id, candidate_id)
);
CREATE INDEX broadcast_recipients_candidate_idx ON broadcast_recipients (candidate_id);

CREATE TABLE rules (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL,
    trigger     TEXT NOT NULL CHECK (trigger IN ('status', 'attended', 'follow')),
    status      TEXT NOT NULL DEFAULT '',
    event_kind  TEXT NOT NULL DEFAULT '',
    days        INTEGER NOT NULL DEFAULT 0,
    segment_id  BIGINT REFERENCES segments (id),
    text        TEXT NOT NULL,
    buttons     TEXT NOT NULL DEFAULT '[]',
    enabled     BOOLEAN NOT NULL DEFAULT FALSE,
    enabled_at  TIMESTAMPTZ,
    quiet_start INTEGER NOT NULL DEFAULT 0,
    quiet_end   INTEGER NOT NULL DEFAULT 0,
    version     INTEGER NOT NULL DEFAULT 1,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX rules_segment_idx ON rules (segment_id);

CREATE TABLE rule_recipients (
    rule_id      BIGINT NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    outbox_id    BIGINT NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rule_id, candidate_id)
);
CREATE INDEX rule_recipients_candidate_idx ON rule_recipients (candidate_id);

CREATE TABLE outreach_log (
    id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('segment', 'broadcast', 'rule')),
    ref_id BIGINT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX outreach_log_ref_idx ON outreach_log (kind, ref_id, id);

-- +goose Down
DROP TABLE outreach_log;
DROP TABLE rule_recipients;
DROP TABLE rules;
DROP TABLE broadcast_recipients;
DROP TABLE broadcasts;
DROP TABLE segments;
