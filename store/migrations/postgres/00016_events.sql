-- Events staff open for booking (説明会: info sessions; 面談: interview
-- slots), the students' bookings and the events' audit trail. booked
-- counts the active bookings (booked or attended); a booking takes its
-- seat with one conditional UPDATE of it, so the CHECK never fires in
-- normal use and capacity holds across replicas. A booking is personal
-- data: deleted with the candidate (forget) and with the retention period
-- (purge); the audit lines about a booking go with it.

-- +goose Up
CREATE TABLE events (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('session', 'interview')),
    title      TEXT NOT NULL,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    place      TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    capacity   INTEGER NOT NULL CHECK (capacity >= 1),
    booked     INTEGER NOT NULL DEFAULT 0,
    deadline   TIMESTAMPTZ NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'cancelled')),
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT events_booked_range CHECK (booked >= 0 AND booked <= capacity)
);
CREATE INDEX events_state_starts_idx ON events (state, starts_at);

CREATE TABLE bookings (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    channel          TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    candidate_id     BIGINT REFERENCES candidates (id) ON DELETE SET NULL,
    application_id   BIGINT REFERENCES applications (id) ON DELETE SET NULL,
    name             TEXT NOT NULL DEFAULT '',
    state            TEXT NOT NULL DEFAULT 'booked' CHECK (state IN ('booked', 'cancelled', 'attended', 'noshow')),
    confirmed_at     TIMESTAMPTZ,
    reminded_day_at  TIMESTAMPTZ,
    reminded_hour_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX bookings_one_active ON bookings (event_id, channel, user_id)
    WHERE state IN ('booked', 'attended');
CREATE INDEX bookings_user_idx ON bookings (channel, user_id);
CREATE INDEX bookings_state_event_idx ON bookings (state, event_id);

CREATE TABLE event_log (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    booking_id BIGINT REFERENCES bookings (id) ON DELETE CASCADE,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_log_event_idx ON event_log (event_id, id);
CREATE INDEX event_log_booking_idx ON event_log (booking_id);

-- +goose Down
DROP TABLE event_log;
DROP TABLE bookings;
DROP TABLE events;
