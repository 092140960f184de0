package store

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// timeLayout is how a time is written: UTC, microseconds, fixed width, so
// SQLite compares and sorts the text correctly and PostgreSQL parses it as a
// TIMESTAMPTZ.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// timestamp is a time as stored: UTC with microsecond precision. The zero
// time is NULL.
type timestamp struct {
	time.Time
}

// ts converts t for storage.
func ts(t time.Time) timestamp {
	return timestamp{t.UTC().Truncate(time.Microsecond)}
}

// Value implements driver.Valuer.
func (t timestamp) Value() (driver.Value, error) {
	if t.IsZero() {
		return nil, nil
	}
	return t.UTC().Truncate(time.Microsecond).Format(timeLayout), nil
}

// Scan implements sql.Scanner for TIMESTAMPTZ (time.Time) and text columns.
func (t *timestamp) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		t.Time = time.Time{}
		return nil
	case time.Time:
		t.Time = v.UTC()
		return nil
	case string:
		return t.parse(v)
	case []byte:
		return t.parse(string(v))
	}
	return fmt.Errorf("store: cannot scan %T into a time", src)
}

// parse reads the text form of a time.
func (t *timestamp) parse(s string) error {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00"} {
		if v, err := time.Parse(layout, s); err == nil {
			t.Time = v.UTC()
			return nil
		}
	}
	return fmt.Errorf("store: cannot parse time %q", s)
}
