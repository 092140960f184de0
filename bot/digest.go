package bot

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// SendDigest posts recruiters the next day's events and who booked them,
// from DigestHour (JST) on, once a JST date across runs and replicas (a
// daily claim in the same transaction as the delivery). Nothing is posted
// when notifying is off, nor on a day whose next day has no event. It
// reports whether this call queued the list. The names go only to the
// recruiters' channel, never to the log.
func (e *Engine) SendDigest(ctx context.Context) (bool, error) {
	if !e.notify.On() {
		return false, nil
	}
	now := e.now()
	today := StartOfDayJST(now)
	if now.Before(today.Add(time.Duration(e.events.DigestHour) * time.Hour)) {
		return false, nil
	}
	queued := false
	n := e.notify
	err := e.store.InTx(ctx, n.Key(), func(tx Tx) error {
		rt, ok := tx.(ReminderTx)
		if !ok {
			return errNoReminders
		}
		first, err := rt.ClaimDaily(ctx, "digest", now.In(jst).Format(time.DateOnly))
		if err != nil || !first {
			return err
		}
		tomorrow := today.AddDate(0, 0, 1)
		evs, err := rt.EventsStarting(ctx, tomorrow, tomorrow.AddDate(0, 0, 1))
		if err != nil || len(evs) == 0 {
			return err
		}
		booked := make([][]Booking, len(evs))
		for i, ev := range evs {
			bs, err := tx.EventBookings(ctx, ev.ID)
			if err != nil {
				return err
			}
			for _, b := range bs {
				if b.State.Active() {
					booked[i] = append(booked[i], b)
				}
			}
		}
		queued = true
		return tx.Enqueue(ctx, &Delivery{Kind: DeliveryStaffMessage, Key: n.Key(), To: n.To, EventAt: now,
			Replies: digestReplies(tomorrow, evs, booked)})
	})
	if err == nil && queued {
		e.log.InfoContext(ctx, "digest of tomorrow's events queued")
	}
	return queued && err == nil, err
}

// digestReplies is the recruiters' list of a day's events (booked[i] are
// the active bookings of evs[i]), as plain text (the channel escapes it):
// a heading, then one reply per event, so that a long day stays within a
// Slack section's limit per event.
func digestReplies(day time.Time, evs []Event, booked [][]Booking) []Reply {
	out := []Reply{{Text: fmt.Sprintf("明日 %s の予定（%d件）", dateJA(day.In(jst)), len(evs))}}
	for i, ev := range evs {
		var sb strings.Builder
		fmt.Fprintf(&sb, "■ %s「%s」 %s\n", ev.Kind.Label(), ev.Title, FormatEventTime(ev.StartsAt, ev.EndsAt))
		if where := eventWhere(ev); where != "" {
			fmt.Fprintf(&sb, "場所：%s\n", where)
		}
		state := ""
		if ev.State == EventClosed {
			state = "（" + ev.State.Label() + "）"
		}
		fmt.Fprintf(&sb, "予約 %d名／定員 %d名%s\n", len(booked[i]), ev.Capacity, state)
		for _, b := range booked[i] {
			name := b.Name
			if name == "" {
				name = "（お名前なし）"
			}
			mark := ""
			if b.Confirmed {
				mark = "（参加の返事あり）"
			}
			fmt.Fprintf(&sb, "・%s（%s）%s\n", name, b.Key.Channel.Label(), mark)
		}
		out = append(out, Reply{Text: strings.TrimRight(sb.String(), "\n")})
	}
	return out
}

// eventWhere is the event's place and online address, as one line.
func eventWhere(ev Event) string {
	switch {
	case ev.Place != "" && ev.URL != "":
		return ev.Place + " ／ " + ev.URL
	case ev.Place != "":
		return ev.Place
	}
	return ev.URL
}
