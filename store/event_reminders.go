package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

var (
	_ bot.ReminderStore = (*Store)(nil)
	_ bot.ReminderTx    = (*Tx)(nil)
)

// remindedColumn is the column that records a reminder sent.
func remindedColumn(which bot.ReminderKind) (string, error) {
	switch which {
	case bot.ReminderDay:
		return "reminded_day_at", nil
	case bot.ReminderHour:
		return "reminded_hour_at", nil
	}
	return "", fmt.Errorf("store: unknown reminder %q", which)
}

// bookingsToRemindSQL selects the booked bookings of events starting in a
// range whose reminder (%s: its column) was not sent; soonest first.
const bookingsToRemindSQL = `WHERE b.state = 'booked' AND e.state <> 'cancelled' AND b.%s IS NULL
	AND e.starts_at >= ? AND e.starts_at < ? AND b.created_at < ?
ORDER BY e.starts_at, b.id LIMIT ?`

// BookingsToRemind returns up to limit booked bookings, with their
// event, of events that are not cancelled and start in [startFrom,
// startTo), made before createdBefore, whose reminder which was not sent
// yet; soonest event first.
func (s *Store) BookingsToRemind(ctx context.Context, which bot.ReminderKind, startFrom, startTo, createdBefore time.Time,
	limit int) ([]bot.Booking, error) {
	col, err := remindedColumn(which)
	if err != nil || limit <= 0 {
		return nil, err
	}
	var rows []bookingRow
	q := bookingSelectSQL + fmt.Sprintf(bookingsToRemindSQL, col)
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(q), ts(startFrom), ts(startTo), ts(createdBefore), limit); err != nil {
		return nil, wrap(err, "bookings to remind (%s)", which)
	}
	return toBookings(rows), nil
}

// markRemindedSQL records a reminder sent (%s: its column), only once and
// only for a booking still booked.
const markRemindedSQL = `UPDATE bookings SET %[1]s = ? WHERE id = ? AND %[1]s IS NULL AND state = 'booked'`

// MarkReminded records in the transaction that the reminder which of a
// booked booking was sent at at, and reports whether this call recorded
// it: false when it was recorded before (by this replica or another) or
// the booking is no longer booked. The UPDATE is conditional, so of two
// transactions marking the same reminder one waits for the other and
// then changes nothing.
func (t *Tx) MarkReminded(ctx context.Context, bookingID int64, which bot.ReminderKind, at time.Time) (bool, error) {
	col, err := remindedColumn(which)
	if err != nil {
		return false, err
	}
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(fmt.Sprintf(markRemindedSQL, col)), ts(at), bookingID)
	if err != nil {
		return false, wrap(err, "mark booking %d reminded (%s)", bookingID, which)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap(err, "mark booking %d reminded (%s)", bookingID, which)
	}
	return n == 1, nil
}

// claimDailySQL moves a once-a-day task's meta row to a later day: it
// inserts the row, or updates it only when the day stored is earlier, so
// exactly one call per day changes a row (dates as 2006-01-02 compare as
// text).
const claimDailySQL = `INSERT INTO meta (key, value) VALUES (?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE meta.value < excluded.value`

// dailyKey is the meta key of a once-a-day task.
func dailyKey(name string) string { return "daily:" + name }

// ClaimDaily records that the once-a-day task name ran for day (a JST
// date, 2006-01-02) and reports whether this call was the first for that
// day on any replica. One meta row per task holds the last day claimed.
func (t *Tx) ClaimDaily(ctx context.Context, name, day string) (bool, error) {
	if _, err := time.Parse(time.DateOnly, day); err != nil {
		return false, fmt.Errorf("store: claim %s: day %q is not a date", name, day)
	}
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(claimDailySQL), dailyKey(name), day)
	if err != nil {
		return false, wrap(err, "claim %s for %s", name, day)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap(err, "claim %s for %s", name, day)
	}
	return n == 1, nil
}

// metaQuotaWarning is the meta key of the latest quota warning (JSON).
const metaQuotaWarning = "line_quota_warning"

// putMetaSQL sets a meta value.
const putMetaSQL = `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`

// RecordQuotaWarning keeps w as the latest quota warning, for the admin
// page (QuotaWarning). It holds counts only, no personal data.
func (t *Tx) RecordQuotaWarning(ctx context.Context, w bot.QuotaWarning) error {
	w.At = w.At.UTC()
	b, err := json.Marshal(w)
	if err != nil {
		return fmt.Errorf("store: encode quota warning: %w", err)
	}
	_, err = t.tx.ExecContext(ctx, t.tx.Rebind(putMetaSQL), metaQuotaWarning, string(b))
	return wrap(err, "record quota warning")
}

// quotaWarningSQL reads the latest quota warning.
const quotaWarningSQL = `SELECT value FROM meta WHERE key = ?`

// QuotaWarning returns the latest warning that reminders would have
// exceeded the LINE quota; ok is false when there was none.
func (s *Store) QuotaWarning(ctx context.Context) (w bot.QuotaWarning, ok bool, err error) {
	var v string
	if err := s.db.GetContext(ctx, &v, s.db.Rebind(quotaWarningSQL), metaQuotaWarning); errors.Is(err, sql.ErrNoRows) {
		return w, false, nil
	} else if err != nil {
		return w, false, wrap(err, "quota warning")
	}
	if err := json.Unmarshal([]byte(v), &w); err != nil {
		return w, false, fmt.Errorf("store: decode quota warning: %w", err)
	}
	return w, true, nil
}

// eventsStartingSQL selects the events that are not cancelled and start
// in a range, soonest first.
var eventsStartingSQL = `SELECT ` + slotColumnsOf("e", "") + ` FROM events e
WHERE e.state <> 'cancelled' AND e.starts_at >= ? AND e.starts_at < ? ORDER BY e.starts_at, e.id`

// EventsStarting returns the events that are not cancelled and start in
// [from, to), soonest first (the recruiters' list of the next day).
func (t *Tx) EventsStarting(ctx context.Context, from, to time.Time) ([]bot.Event, error) {
	var rows []slotRow
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(eventsStartingSQL), ts(from), ts(to)); err != nil {
		return nil, wrap(err, "events starting")
	}
	return toSlots(rows), nil
}
