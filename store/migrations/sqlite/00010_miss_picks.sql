-- What students picked from the "did you mean" choices offered for a
-- question the bot was unsure of: per miss and entry, how often, so staff
-- can add the question to that entry as another way of asking it. Picks go
-- with their miss (purged with it); they name no one.

-- +goose Up
CREATE TABLE faq_miss_picks (
    miss_id INTEGER NOT NULL REFERENCES faq_misses (id) ON DELETE CASCADE,
    faq_id  TEXT NOT NULL,
    count   INTEGER NOT NULL DEFAULT 1,
    last_at TEXT NOT NULL,
    PRIMARY KEY (miss_id, faq_id)
) STRICT;
CREATE INDEX faq_miss_picks_faq_idx ON faq_miss_picks (faq_id);

-- +goose Down
DROP TABLE faq_miss_picks;
