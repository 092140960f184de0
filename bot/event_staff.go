package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
)

// eventLock is the lock key of staff changes to one event (or one
// booking), as SetApplicationStatus locks its application.
func eventLock(kind string, id int64) UserKey {
	return UserKey{Channel: Channel(kind), UserID: strconv.FormatInt(id, 10)}
}

// SaveEvent tidies ev's text (CleanEvent), validates it (ValidateEvent)
// and creates or updates it on behalf of actor. A zero Deadline becomes
// the start (bookings close when the event starts); an interview's zero
// Capacity becomes 1. The error is an *EventError when ev is invalid,
// ErrConflict when ev.Version is not the stored version, ErrFull when
// the capacity would go below the seats booked.
func (e *Engine) SaveEvent(ctx context.Context, ev *Event, actor string) error {
	CleanEvent(ev)
	if ev.Deadline.IsZero() {
		ev.Deadline = ev.StartsAt
	}
	if ev.Kind == EventInterview && ev.Capacity == 0 {
		ev.Capacity = 1
	}
	if err := ValidateEvent(*ev); err != nil {
		return err
	}
	err := e.store.InTx(ctx, eventLock("event", ev.ID), func(tx Tx) error {
		return tx.SaveEvent(ctx, ev, actor)
	})
	if err == nil {
		e.log.InfoContext(ctx, "event saved", "event", ev.ID, "kind", string(ev.Kind), "version", ev.Version)
	}
	return err
}

// SetEventState closes, reopens or cancels an event on behalf of actor.
// Cancelling cancels its bookings and tells each booked student on their
// channel, in the same transaction, offering the other open slots of the
// same kind. It reports whether the state changed.
func (e *Engine) SetEventState(ctx context.Context, id int64, state EventState, actor string) (bool, error) {
	switch state {
	case EventOpen, EventClosed, EventCancelled:
	default:
		return false, fmt.Errorf("bot: unknown event state %q", state)
	}
	var changed bool
	err := e.store.InTx(ctx, eventLock("event", id), func(tx Tx) error {
		var err error
		if changed, err = tx.SetEventState(ctx, id, state, actor); err != nil || !changed || state != EventCancelled {
			return err
		}
		ev, err := tx.Event(ctx, id)
		if err != nil {
			return err
		}
		bookings, err := tx.EventBookings(ctx, id)
		if err != nil {
			return err
		}
		now := e.now()
		for _, b := range bookings {
			if b.State != BookingBooked {
				continue
			}
			if _, err := tx.CancelBooking(ctx, b.ID, actor, now); err != nil {
				return err
			}
			t := &turn{e: e, ctx: ctx, tx: tx, in: Incoming{Key: b.Key}, now: now}
			if ev.Kind == EventInterview && b.ApplicationID != 0 {
				t.fail(tx.AddApplicationEvent(ctx, ApplicationEvent{ApplicationID: b.ApplicationID, Actor: actor,
					Action: "interview_cancelled", From: FormatEventTime(ev.StartsAt, ev.EndsAt), At: now}))
			}
			t.say(fmt.Sprintf(msgEventCancelled, FormatEventTime(ev.StartsAt, ev.EndsAt), ev.Kind.Label(), ev.Title))
			t.offerOthers(ev.Kind, id, 0, msgOtherSlots)
			if err := t.pushOut(); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil && changed {
		e.log.InfoContext(ctx, "event state changed", "event", id, "state", string(state))
	}
	return changed, err
}

// SetAttendance marks a booking attended or no-show (or booked again) on
// behalf of actor.
func (e *Engine) SetAttendance(ctx context.Context, bookingID int64, state BookingState, actor string) error {
	switch state {
	case BookingAttended, BookingNoShow, BookingBooked:
	default:
		return errors.New("bot: attendance is attended, noshow or booked")
	}
	return e.store.InTx(ctx, eventLock("booking", bookingID), func(tx Tx) error {
		return tx.SetAttendance(ctx, bookingID, state, actor)
	})
}
