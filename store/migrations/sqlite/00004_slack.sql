-- Slack: human handoffs that live in a Slack thread (when the last message
-- went either way, who closed it, the candidate's last few questions shown
-- to the recruiters), the questions a candidate asked recently (kept only
-- until a handoff takes them, at most a day, and deleted with the
-- candidate), and the audit trail of FAQ edits (who changed which entry,
-- how, when). The same tables and columns as the PostgreSQL migration.

-- +goose Up
ALTER TABLE handoffs ADD COLUMN last_at TEXT;
ALTER TABLE handoffs ADD COLUMN closed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE handoffs ADD COLUMN recent TEXT NOT NULL DEFAULT '[]'; -- JSON array of the candidate's last questions
-- One open handoff per user; the Slack thread of a handoff finds it.
CREATE UNIQUE INDEX handoffs_one_open ON handoffs (channel, user_id) WHERE status = 'open';
CREATE INDEX handoffs_thread_idx ON handoffs (slack_channel, slack_ts) WHERE slack_ts <> '';
CREATE INDEX handoffs_open_last_idx ON handoffs (last_at) WHERE status = 'open';

CREATE TABLE recent_questions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    at           TEXT NOT NULL
) STRICT;
CREATE INDEX recent_questions_candidate_idx ON recent_questions (candidate_id, id);
CREATE INDEX recent_questions_at_idx ON recent_questions (at);

CREATE TABLE faq_events (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    faq_id   TEXT NOT NULL,
    actor    TEXT NOT NULL,            -- a Slack user id, "admin", …
    action   TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
    version  INTEGER NOT NULL,         -- the entry's version after the change (before it, for a deletion)
    question TEXT NOT NULL DEFAULT '', -- the entry's question then, so a deleted entry stays recognisable
    at       TEXT NOT NULL
) STRICT;
CREATE INDEX faq_events_faq_idx ON faq_events (faq_id, id);
CREATE INDEX faq_events_at_idx ON faq_events (at);

-- +goose Down
DROP TABLE faq_events;
DROP TABLE recent_questions;
DROP INDEX handoffs_open_last_idx;
DROP INDEX handoffs_thread_idx;
DROP INDEX handoffs_one_open;
ALTER TABLE handoffs DROP COLUMN recent;
ALTER TABLE handoffs DROP COLUMN closed_by;
ALTER TABLE handoffs DROP COLUMN last_at;
