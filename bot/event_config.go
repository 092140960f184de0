package bot

// EventConfig is how the engine offers bookings and reminds students.
type EventConfig struct {
	// CalendarLink returns the signed address of a booking's .ics file;
	// nil: confirmations offer no calendar file.
	CalendarLink func(bookingID int64) string
	// ReminderHour is the hour (JST, 0–23) at which the day-before
	// reminders go; DefaultReminderHour when zero.
	ReminderHour int
	// HourBefore also reminds each student one hour before the start.
	HourBefore bool
	// DigestHour is the hour (JST) at which recruiters get the next day's
	// bookings; DefaultDigestHour when zero.
	DigestHour int
}

// Defaults of EventConfig.
const (
	DefaultReminderHour = 12
	DefaultDigestHour   = 18
)

func (c EventConfig) withDefaults() EventConfig {
	if c.ReminderHour <= 0 || c.ReminderHour > 23 {
		c.ReminderHour = DefaultReminderHour
	}
	if c.DigestHour <= 0 || c.DigestHour > 23 {
		c.DigestHour = DefaultDigestHour
	}
	return c
}
