package admin

import (
	"context"
	"maps"

	"github.com/sakemodel/sakebot/bot"
)

// EventStore is what the events pages read (*store.Store implements it);
// changes go through EventDesk.
type EventStore interface {
	// ListEvents returns the events f selects, soonest first.
	ListEvents(ctx context.Context, f bot.EventFilter) ([]bot.Event, error)
	// EventByID returns one event, or bot.ErrNotFound.
	EventByID(ctx context.Context, id int64) (bot.Event, error)
	// BookingsOf returns every booking of an event (any state), oldest
	// first; none for an unknown event.
	BookingsOf(ctx context.Context, eventID int64) ([]bot.Booking, error)
	// BookingByID returns one booking with its Event, or bot.ErrNotFound.
	BookingByID(ctx context.Context, id int64) (bot.Booking, error)
	// QuotaWarning returns the latest warning that a batch of reminders
	// would have exceeded the LINE quota; ok is false when there was none.
	QuotaWarning(ctx context.Context) (w bot.QuotaWarning, ok bool, err error)
}

// EventDesk changes events and attendance through the engine, so that a
// change made here has the same consequences as one made in Slack (a
// cancelled event's students are told); *bot.Engine has it.
type EventDesk interface {
	// SaveEvent validates ev (a *bot.EventError says what to fix, field by
	// field) and creates it (ID 0) or updates it if ev.Version is still the
	// stored one (bot.ErrConflict otherwise; bot.ErrFull when the capacity
	// would go below the seats booked), on behalf of actor.
	SaveEvent(ctx context.Context, ev *bot.Event, actor string) error
	// SetEventState closes, reopens or cancels an event on behalf of actor;
	// it reports whether the state changed.
	SetEventState(ctx context.Context, id int64, state bot.EventState, actor string) (bool, error)
	// SetAttendance marks a booking attended or no-show (or booked again)
	// on behalf of actor.
	SetAttendance(ctx context.Context, bookingID int64, state bot.BookingState, actor string) error
}

// eventFlashes are the notices of the events pages (see flashes).
var eventFlashes = map[string]string{
	"event_created":   "イベントを作成しました。学生はすぐに予約できます。",
	"event_saved":     "イベントを保存しました。",
	"event_closed":    "受付を終了しました。予約済みの方の予約はそのまま残ります。",
	"event_reopened":  "受付を再開しました。",
	"event_cancelled": "イベントを中止しました。予約していた方には、それぞれのチャネルでお知らせします。",
	"event_unchanged": "イベントはすでにその状態でした。",
	"attendance":      "出欠を記録しました。",
	"feed_rotated":    "カレンダーのURLを再発行しました。以前のURLは使えなくなりました。新しいURLを登録し直してください。",
}

func init() { maps.Copy(flashes, eventFlashes) }
