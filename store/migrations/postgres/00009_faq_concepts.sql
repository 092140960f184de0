-- Two pieces of FAQ data: concepts (groups of words that mean the same
-- thing to a student, edited by staff: 事務所, 職場, オフィス), and whether
-- an entry's answer comes with a 「担当者と話す」 button. Changes to
-- concepts are in the FAQ audit trail too, told apart by kind. The same
-- tables and columns as the SQLite migration.

-- +goose Up
ALTER TABLE faqs ADD COLUMN offer_person BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE faq_concepts (
    name       TEXT PRIMARY KEY,
    words      TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    updated_by TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL
);

-- faq_id holds the concept's name for a concept's event.
ALTER TABLE faq_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'faq'
    CONSTRAINT faq_events_kind_check CHECK (kind IN ('faq', 'concept'));

-- +goose Down
DELETE FROM faq_events WHERE kind = 'concept';
ALTER TABLE faq_events DROP COLUMN kind;
DROP TABLE faq_concepts;
ALTER TABLE faqs DROP COLUMN offer_person;
DELETE FROM meta WHERE key = 'faq_concepts_seeded';
