package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
)

// slotByIDSQL reads one event.
var slotByIDSQL = `SELECT ` + slotColumnsOf("e", "") + ` FROM events e WHERE e.id = ?`

// Event returns one event, or bot.ErrNotFound.
func (t *Tx) Event(ctx context.Context, id int64) (bot.Event, error) {
	var r slotRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(slotByIDSQL), id); err != nil {
		return bot.Event{}, wrap(err, "event %d", id)
	}
	return toSlot(r), nil
}

// bookableSQL selects the events of a kind a student may book at a time
// (the same conditions as bookSeatSQL), soonest first.
var bookableSQL = `SELECT ` + slotColumnsOf("e", "") + ` FROM events e
WHERE e.kind = ? AND e.state = 'open' AND e.deadline > ? AND e.starts_at > ? AND e.booked < e.capacity
ORDER BY e.starts_at, e.id LIMIT ?`

// BookableEvents returns up to limit events of kind that are Bookable at
// now, soonest first.
func (t *Tx) BookableEvents(ctx context.Context, kind bot.EventKind, now time.Time, limit int) ([]bot.Event, error) {
	if limit <= 0 {
		return nil, nil
	}
	var rows []slotRow
	err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(bookableSQL), string(kind), ts(now), ts(now), limit)
	if err != nil {
		return nil, wrap(err, "bookable %s events", kind)
	}
	return toSlots(rows), nil
}

// createSlotSQL creates an event.
const createSlotSQL = `
INSERT INTO events (kind, title, starts_at, ends_at, place, url, capacity, booked, deadline, note, state,
	version, created_by, created_at, updated_at)
VALUES (:kind, :title, :starts_at, :ends_at, :place, :url, :capacity, 0, :deadline, :note, :state,
	1, :created_by, :created_at, :updated_at)
RETURNING id`

// updateSlotSQL changes an event staff edited, if it is still at the
// version they saw and its new capacity holds the seats booked; its state
// and seats booked stay.
const updateSlotSQL = `
UPDATE events SET kind = :kind, title = :title, starts_at = :starts_at, ends_at = :ends_at, place = :place,
	url = :url, capacity = :capacity, deadline = :deadline, note = :note, version = version + 1,
	updated_at = :updated_at
WHERE id = :id AND version = :version AND booked <= :capacity`

// SaveEvent creates the event (ID 0: sets ID, Version 1, CreatedBy,
// CreatedAt, Booked 0 and State open when empty) or updates it when
// e.Version is the stored version (else bot.ErrConflict; bot.ErrNotFound
// when there is no such event), on behalf of actor. An update keeps the
// state (SetEventState changes it) and may not lower the capacity below
// the seats booked (bot.ErrFull). It sets e.Version and e.UpdatedAt (and
// e.State, e.Booked, e.CreatedBy, e.CreatedAt from the stored event), and
// records the change in the event's audit trail.
func (t *Tx) SaveEvent(ctx context.Context, e *bot.Event, actor string) error {
	at := t.now()
	r := fromSlot(*e)
	r.UpdatedAt = ts(at)
	if e.ID == 0 {
		if r.State == "" {
			r.State = string(bot.EventOpen)
		}
		r.CreatedBy, r.CreatedAt = actor, ts(at)
		if err := namedGet(ctx, t.tx, &r.ID, createSlotSQL, r); err != nil {
			return wrap(err, "create event")
		}
		e.ID, e.Version, e.Booked, e.State, e.CreatedBy, e.CreatedAt, e.UpdatedAt = r.ID, 1, 0,
			bot.EventState(r.State), actor, at, at
		return t.logEvent(ctx, e.ID, 0, actor, "created", e.Title, at)
	}
	res, err := sqlx.NamedExecContext(ctx, t.tx, updateSlotSQL, r)
	if err != nil {
		return wrap(err, "update event %d", e.ID)
	}
	if n, err := res.RowsAffected(); err != nil {
		return wrap(err, "update event %d", e.ID)
	} else if n == 0 {
		return t.whyNotSaved(ctx, *e)
	}
	stored, err := t.Event(ctx, e.ID)
	if err != nil {
		return err
	}
	*e = stored
	return t.logEvent(ctx, e.ID, 0, actor, "updated", e.Title, at)
}

// whyNotSaved tells why an update of e changed nothing: no such event,
// another version, or a capacity below the seats booked.
func (t *Tx) whyNotSaved(ctx context.Context, e bot.Event) error {
	stored, err := t.Event(ctx, e.ID)
	switch {
	case err != nil:
		return err
	case stored.Version != e.Version:
		return fmt.Errorf("store: event %d is at version %d, not %d: %w", e.ID, stored.Version, e.Version,
			bot.ErrConflict)
	default:
		return fmt.Errorf("store: event %d has %d seats booked, more than %d: %w", e.ID, stored.Booked, e.Capacity,
			bot.ErrFull)
	}
}

// setSlotStateSQL moves an event to a state it is not in.
const setSlotStateSQL = `UPDATE events SET state = ?, version = version + 1, updated_at = ?
WHERE id = ? AND state <> ?`

// SetEventState moves an event to state on behalf of actor, recording it
// in the event's audit trail; it reports false when it was in that state
// already (bot.ErrNotFound when there is no such event). The store only
// sets the state: cancelling an event does not touch its bookings here —
// the Engine cancels each one (CancelBooking) so that it can tell each
// student, in the same transaction.
func (t *Tx) SetEventState(ctx context.Context, id int64, state bot.EventState, actor string) (bool, error) {
	at := t.now()
	res, err := t.tx.ExecContext(ctx, t.tx.Rebind(setSlotStateSQL), string(state), ts(at), id, string(state))
	if err != nil {
		return false, wrap(err, "event %d state %s", id, state)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap(err, "event %d state %s", id, state)
	}
	if n == 0 {
		_, err := t.Event(ctx, id)
		return false, err
	}
	return true, t.logEvent(ctx, id, 0, actor, "state", string(state), at)
}
