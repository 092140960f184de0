-- The search key of an application: jpinput.SearchKey of its reference,
-- name, kana, school, e-mail and phone, joined by line feeds (which no key
-- contains), so staff find 北見　太郎 by 「北見太郎」, キタミ by 「きたみ」 and
-- 08011112222 by 「080-1111-2222」. It is computed in Go: CreateApplication
-- writes it, and Migrate fills it in for the rows stored before (empty
-- here; a computed key is never empty). It goes with its row when the
-- application is forgotten or purged.

-- +goose Up
ALTER TABLE applications ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE applications DROP COLUMN search_key;
