package bot

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"
)

// maxRemindersPerRun bounds the bookings one run of SendReminders reads
// of each kind; the rest wait for the next run (a minute later).
const maxRemindersPerRun = 500

// errNoReminders: the engine's store cannot remind.
var errNoReminders = errors.New("bot: the store keeps no reminders")

// reminder is one reminder due: a booking and which of its reminders.
type reminder struct {
	b     Booking
	which ReminderKind
}

// ReminderRun is what one run of SendReminders did.
type ReminderRun struct {
	Due      int // reminders due
	Sent     int // queued for delivery now (each once, whatever other runs or replicas do)
	HeldBack int // LINE reminders not queued: the month's quota would not cover them
}

// SendReminders queues the reminders that are due at the engine's clock,
// each exactly once across runs, restarts and replicas:
//
//   - the day before: from ReminderHour (JST) on the day before the
//     event's JST date, to every booking still booked that was made before
//     that moment, until the start (until one hour before it when
//     HourBefore is on, when the hour-before reminder takes over);
//   - one hour before (HourBefore): from one hour before the start until
//     the start, to bookings made more than an hour before the start.
//
// Nothing is sent after the start, nor for a cancelled event or booking.
// Each reminder is marked sent (a conditional update) and queued in one
// transaction with the student's lock, with a retry key derived from the
// booking so a retried LINE push shows once. quota, when not nil, is the
// LINE month's quota: when the LINE reminders due would exceed what is
// left, the soonest events' reminders go up to the quota, the rest wait
// (they go when quota is available again, until their event starts), and
// recruiters are warned once a JST day (see warnQuota). The quota LINE
// reports does not count pushes still waiting in the outbox, so a push
// can still meet LINE's quota 429: that delivery fails for good (the
// reminder is marked sent and not tried again). Run it every minute or so.
func (e *Engine) SendReminders(ctx context.Context, quota Quota) (ReminderRun, error) {
	var run ReminderRun
	rs, ok := e.store.(ReminderStore)
	if !ok {
		return run, errNoReminders
	}
	now := e.now()
	due, err := e.dueReminders(ctx, rs, now)
	if err != nil {
		return run, err
	}
	run.Due = len(due)
	due, run.HeldBack = e.fitQuota(ctx, quota, due, now)
	// One booking that cannot be reminded (an error) does not hold back
	// the others; it is tried again on the next run.
	var errs []error
	for _, r := range due {
		if ctx.Err() != nil {
			errs = append(errs, ctx.Err())
			break
		}
		sent, err := e.remind(ctx, r, now)
		if err != nil {
			errs = append(errs, fmt.Errorf("remind booking %d: %w", r.b.ID, err))
		}
		if sent {
			run.Sent++
		}
	}
	if run.Sent > 0 || run.HeldBack > 0 {
		e.log.InfoContext(ctx, "reminders", "sent", run.Sent, "held_back", run.HeldBack)
	}
	return run, errors.Join(errs...)
}

// dueReminders lists the reminders due at now, soonest event first.
func (e *Engine) dueReminders(ctx context.Context, rs ReminderStore, now time.Time) ([]reminder, error) {
	var due []reminder
	// An event starting exactly at now (or at now+1h for the day-before
	// reminder with HourBefore on) is past its window: the lower bounds
	// are exclusive, one microsecond (the store's resolution) after.
	const after = time.Microsecond
	dayEnd := time.Duration(0)
	if e.events.HourBefore {
		dayEnd = time.Hour
	}
	today := StartOfDayJST(now)
	// The day-before reminder of an event on date d is due from
	// ReminderHour on d-1: only today's and tomorrow's events can be due
	// and not started.
	for _, d := range []time.Time{today, today.AddDate(0, 0, 1)} {
		dueAt := d.AddDate(0, 0, -1).Add(time.Duration(e.events.ReminderHour) * time.Hour)
		if now.Before(dueAt) {
			continue
		}
		from := now.Add(dayEnd + after)
		if from.Before(d) {
			from = d
		}
		bs, err := rs.BookingsToRemind(ctx, ReminderDay, from, d.AddDate(0, 0, 1), dueAt, maxRemindersPerRun)
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			due = append(due, reminder{b: b, which: ReminderDay})
		}
	}
	if e.events.HourBefore {
		bs, err := rs.BookingsToRemind(ctx, ReminderHour, now.Add(after), now.Add(time.Hour+after), now, maxRemindersPerRun)
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			if b.CreatedAt.Before(b.Event.StartsAt.Add(-time.Hour)) {
				due = append(due, reminder{b: b, which: ReminderHour})
			}
		}
	}
	sort.SliceStable(due, func(i, j int) bool {
		if !due[i].b.Event.StartsAt.Equal(due[j].b.Event.StartsAt) {
			return due[i].b.Event.StartsAt.Before(due[j].b.Event.StartsAt)
		}
		return due[i].b.ID < due[j].b.ID
	})
	return due, nil
}

// remind marks r sent and queues it, in one transaction with the
// student's lock, and reports whether this call queued it. A reminder
// marked before (another run, another replica) is skipped; so is one
// whose booking or event changed meanwhile so that it is no longer due.
// A student who blocked the bot is marked but sent nothing.
func (e *Engine) remind(ctx context.Context, r reminder, now time.Time) (bool, error) {
	queued := false
	err := e.store.InTx(ctx, r.b.Key, func(tx Tx) error {
		rt, ok := tx.(ReminderTx)
		if !ok {
			return errNoReminders
		}
		b, err := tx.Booking(ctx, r.b.ID)
		if errors.Is(err, ErrNotFound) {
			return nil // deleted with the candidate meanwhile
		}
		if err != nil {
			return err
		}
		if b.State != BookingBooked || b.Event.State == EventCancelled || !now.Before(b.Event.StartsAt) {
			return nil
		}
		marked, err := rt.MarkReminded(ctx, b.ID, r.which, now)
		if err != nil || !marked || b.Key.Channel == ChannelCLI {
			return err
		}
		c, err := tx.Candidate(ctx, b.Key)
		if err == nil && c.Blocked {
			return nil
		}
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		queued = true
		return tx.Enqueue(ctx, &Delivery{Kind: DeliveryReply, Key: b.Key, EventAt: now, Ref: b.ID,
			RetryKey: r.which.RetryKey(b), Replies: []Reply{reminderReply(b, r.which, now)}})
	})
	return queued && err == nil, err
}

// fitQuota keeps the reminders the LINE quota covers: every reminder on
// another channel, and the soonest LINE ones up to the pushes left this
// month. When some are held back, staff are warned (once a JST day in
// the channel; the admin page shows the latest). A quota that cannot be
// read (or has no limit) holds nothing back.
func (e *Engine) fitQuota(ctx context.Context, quota Quota, due []reminder, now time.Time) ([]reminder, int) {
	if quota == nil {
		return due, 0
	}
	onLINE := 0
	for _, r := range due {
		if r.b.Key.Channel == ChannelLINE {
			onLINE++
		}
	}
	if onLINE == 0 {
		return due, 0
	}
	left, known, err := quota.QuotaLeft(ctx)
	if err != nil {
		e.log.WarnContext(ctx, "line quota unknown: sending the reminders", "err", err)
		return due, 0
	}
	if !known || int64(onLINE) <= left {
		return due, 0
	}
	keep := make([]reminder, 0, len(due))
	allowed := max(left, 0)
	for _, r := range due {
		if r.b.Key.Channel == ChannelLINE {
			if allowed == 0 {
				continue
			}
			allowed--
		}
		keep = append(keep, r)
	}
	held := len(due) - len(keep)
	w := QuotaWarning{At: now, Needed: onLINE, Left: left, HeldBack: held}
	if err := e.warnQuota(ctx, w); err != nil {
		e.log.WarnContext(ctx, "quota warning", "err", err)
	}
	return keep, held
}

// quotaLock serialises the quota warnings of all replicas.
var quotaLock = UserKey{Channel: "events", UserID: "line-quota"}

// warnQuota records w for the admin page and, the first time on a JST
// day (across replicas), tells recruiters in their channel.
func (e *Engine) warnQuota(ctx context.Context, w QuotaWarning) error {
	return e.store.InTx(ctx, quotaLock, func(tx Tx) error {
		rt, ok := tx.(ReminderTx)
		if !ok {
			return errNoReminders
		}
		if err := rt.RecordQuotaWarning(ctx, w); err != nil {
			return err
		}
		first, err := rt.ClaimDaily(ctx, "line_quota_warning", w.At.In(jst).Format(time.DateOnly))
		if err != nil || !first {
			return err
		}
		e.log.WarnContext(ctx, "line quota: reminders held back", "needed", w.Needed, "left", w.Left, "held_back", w.HeldBack)
		if !e.notify.On() {
			return nil
		}
		n := e.notify
		return tx.Enqueue(ctx, &Delivery{Kind: DeliveryStaffMessage, Key: n.Key(), To: n.To, EventAt: w.At,
			Replies: []Reply{{Text: quotaWarningText(w)}}})
	})
}

// quotaWarningText is the warning recruiters get.
func quotaWarningText(w QuotaWarning) string {
	return fmt.Sprintf("⚠️ LINEの今月のメッセージ送信数が上限に達しそうです。"+
		"送る予定のリマインド%d件に対して残りは%d通のため、%d件を送れていません（開始が近い順に送っています）。"+
		"LINE公式アカウントの管理画面でプランと送信数をご確認ください。送れなかったリマインドは、送信できるようになり次第（開始前まで）送ります。",
		w.Needed, max(w.Left, 0), w.HeldBack)
}
