-- The conversation of a handoff, as the engine keeps it, so that staff see
-- it on the admin page's inbox (対応中の会話) whether it was written there
-- or in the Slack thread: what the candidate said while it was open, each
-- staff reply (staff: who, an admin page's actor or a Slack user id), and
-- the bot's line when it closed. Personal data: deleted with the handoff
-- (forgotten with the candidate, purged with the retention period).

-- +goose Up
CREATE TABLE handoff_messages (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handoff_id BIGINT NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
    sender     TEXT NOT NULL CHECK (sender IN ('candidate', 'staff', 'bot')),
    staff      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX handoff_messages_handoff_idx ON handoff_messages (handoff_id, id);

-- +goose Down
DROP TABLE handoff_messages;
