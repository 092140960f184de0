-- The per-candidate rate limit counts a user's recent events in the inbox.

-- +goose Up
CREATE INDEX inbox_user_received_idx ON inbox (channel, user_id, received_at);

-- +goose Down
DROP INDEX inbox_user_received_idx;
