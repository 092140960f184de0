package store

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/jpinput"
)

// searchKeySeparator joins the keys of an application's fields in its
// search key. jpinput.SearchKey removes line feeds, so no query's key
// contains one and no match spans two fields.
const searchKeySeparator = "\n"

// searchKey is the search key of an application's fields (reference, name,
// kana, school, e-mail, phone): the jpinput.SearchKey of each, joined by
// searchKeySeparator. It is never empty, so an empty stored key means "not
// computed yet".
func searchKey(fields ...string) string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = jpinput.SearchKey(f)
	}
	return strings.Join(keys, searchKeySeparator)
}

// searchKeyBatch is how many applications backfillSearchKeys reads and
// updates per transaction.
const searchKeyBatch = 500

// unkeyedApplicationsSQL selects the next applications, by id, stored
// without a search key.
const unkeyedApplicationsSQL = `SELECT id, ref, name, kana, school, email, phone FROM applications
	WHERE search_key = '' AND id > ? ORDER BY id LIMIT ?`

// setSearchKeySQL stores the search key of an application still without
// one (a concurrent backfill may have been first).
const setSearchKeySQL = `UPDATE applications SET search_key = ? WHERE id = ? AND search_key = ''`

// unkeyedApplication is what the search key of a stored application is
// computed from.
type unkeyedApplication struct {
	ID     int64  `db:"id"`
	Ref    string `db:"ref"`
	Name   string `db:"name"`
	Kana   string `db:"kana"`
	School string `db:"school"`
	Email  string `db:"email"`
	Phone  string `db:"phone"`
}

// backfillSearchKeys computes the search keys of the applications stored
// without one: those stored before migration 00013 added the column (SQL
// cannot compute jpinput.SearchKey) and any a replica of an older version
// stored since. It works in batches of searchKeyBatch, one transaction
// each, and reads nothing once every application has its key.
func (s *Store) backfillSearchKeys(ctx context.Context) error {
	var after int64
	for {
		var n int
		err := s.withTx(ctx, func(tx *sqlx.Tx) error {
			var err error
			n, after, err = backfillSearchKeyBatch(ctx, tx, after)
			return err
		})
		if err != nil || n < searchKeyBatch {
			return err
		}
	}
}

// backfillSearchKeyBatch keys the next batch of unkeyed applications with
// an id above after; it returns how many it read and the last id.
func backfillSearchKeyBatch(ctx context.Context, tx *sqlx.Tx, after int64) (int, int64, error) {
	var rows []unkeyedApplication
	if err := tx.SelectContext(ctx, &rows, tx.Rebind(unkeyedApplicationsSQL), after, searchKeyBatch); err != nil {
		return 0, after, wrap(err, "backfill search keys")
	}
	for _, r := range rows {
		key := searchKey(r.Ref, r.Name, r.Kana, r.School, r.Email, r.Phone)
		if _, err := tx.ExecContext(ctx, tx.Rebind(setSearchKeySQL), key, r.ID); err != nil {
			return 0, after, wrap(err, "search key of application %d", r.ID)
		}
		after = r.ID
	}
	return len(rows), after, nil
}
