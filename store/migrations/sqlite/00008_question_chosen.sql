-- An FAQ entry a student picks from the choices offered is logged as
-- 'chosen': it counts among the most asked entries, not as another question.
-- SQLite cannot change a CHECK constraint: the table is rebuilt.

-- +goose Up
CREATE TABLE question_log_new (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    channel TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'ambiguous', 'missed', 'chosen')),
    faq_id  TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO question_log_new (id, at, channel, outcome, faq_id) SELECT id, at, channel, outcome, faq_id FROM question_log;
DROP TABLE question_log;
ALTER TABLE question_log_new RENAME TO question_log;
CREATE INDEX question_log_at_idx ON question_log (at);

-- +goose Down
CREATE TABLE question_log_old (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    channel TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'ambiguous', 'missed')),
    faq_id  TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO question_log_old (id, at, channel, outcome, faq_id)
    SELECT id, at, channel, CASE WHEN outcome = 'chosen' THEN 'answered' ELSE outcome END, faq_id FROM question_log;
DROP TABLE question_log;
ALTER TABLE question_log_old RENAME TO question_log;
CREATE INDEX question_log_at_idx ON question_log (at);
