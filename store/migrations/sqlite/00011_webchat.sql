-- The web chat on the recruiting page: each line of a visitor's
-- conversation as the page shows it, what the visitor sent and what the
-- bot answered, so a reloaded page and every replica's event stream read
-- the same history. A visitor line is unique on the page's id of it (a
-- retried POST adds nothing); a bot line on the outbox delivery it came
-- from (a retried delivery adds nothing). No foreign key to the outbox:
-- its rows are purged sooner. The lines are personal data: forgotten with
-- their visitor and purged with the retention period.

-- +goose Up
CREATE TABLE webchat_messages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    visitor     TEXT NOT NULL,
    sender      TEXT NOT NULL CHECK (sender IN ('visitor', 'bot')),
    client_id   TEXT,            -- visitor lines: the page's id of the line
    delivery_id INTEGER,         -- bot lines: the outbox delivery it came from
    body        TEXT NOT NULL,   -- visitor lines: the text; bot lines: JSON of the replies
    created_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX webchat_messages_client_idx ON webchat_messages (visitor, client_id)
    WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX webchat_messages_delivery_idx ON webchat_messages (delivery_id)
    WHERE delivery_id IS NOT NULL;
CREATE INDEX webchat_messages_visitor_idx ON webchat_messages (visitor, id);
CREATE INDEX webchat_messages_created_idx ON webchat_messages (created_at);

-- +goose Down
DROP TABLE webchat_messages;
