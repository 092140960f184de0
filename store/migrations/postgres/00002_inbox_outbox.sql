-- The delivery guarantees: the inbox of received events (unique on the
-- platform's event id, processed in order per user), the outbox of messages
-- to deliver (with retries), and the log of questions asked (counts only, no
-- text) for the staff dashboard.

-- +goose Up
CREATE TABLE inbox (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     TEXT NOT NULL UNIQUE,
    channel      TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    payload      TEXT NOT NULL,            -- JSON of the event; emptied once processed
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    received_at  TIMESTAMPTZ NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    processed_at TIMESTAMPTZ
);
CREATE INDEX inbox_pending_idx ON inbox (channel, user_id, seq) WHERE status = 'pending';
CREATE INDEX inbox_received_idx ON inbox (received_at);

CREATE TABLE outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT NOT NULL,
    channel      TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    recipient    TEXT NOT NULL DEFAULT '', -- where to send when not to user_id (a LINE group, a Slack channel)
    thread       TEXT NOT NULL DEFAULT '', -- a Slack thread ts
    reply_token  TEXT NOT NULL DEFAULT '',
    event_at     TIMESTAMPTZ NOT NULL,
    payload      TEXT NOT NULL,            -- JSON of the replies; emptied once sent
    ref          BIGINT NOT NULL DEFAULT 0,
    retry_key    TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    leased_until TIMESTAMPTZ,
    sent_at      TIMESTAMPTZ
);
CREATE INDEX outbox_pending_idx ON outbox (channel, user_id, id) WHERE status = 'pending';
CREATE INDEX outbox_due_idx ON outbox (due_at) WHERE status = 'pending';

CREATE TABLE question_log (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    channel TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'ambiguous', 'missed')),
    faq_id  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX question_log_at_idx ON question_log (at);

-- +goose Down
DROP TABLE question_log;
DROP TABLE outbox;
DROP TABLE inbox;
