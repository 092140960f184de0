package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// eventsConfig is when students are reminded of their bookings and
// recruiters get the next day's list.
type eventsConfig struct {
	ReminderHour int  // REMINDER_HOUR: the hour (JST) of the day-before reminders
	HourBefore   bool // REMINDER_HOUR_BEFORE: remind one hour before the start too
	DigestHour   int  // DIGEST_HOUR: the hour (JST) of the recruiters' list of the next day
}

// loadEvents reads REMINDER_HOUR, REMINDER_HOUR_BEFORE and DIGEST_HOUR.
func (c *config) loadEvents(get func(k, def string) string) error {
	var err error
	if c.Events.ReminderHour, err = parseHour("REMINDER_HOUR", get("REMINDER_HOUR", strconv.Itoa(bot.DefaultReminderHour))); err != nil {
		return err
	}
	if c.Events.HourBefore, err = parseBool("REMINDER_HOUR_BEFORE", get("REMINDER_HOUR_BEFORE", "false")); err != nil {
		return err
	}
	c.Events.DigestHour, err = parseHour("DIGEST_HOUR", get("DIGEST_HOUR", strconv.Itoa(bot.DefaultDigestHour)))
	return err
}

// parseHour reads an hour of the day in JST, 1 to 23.
func parseHour(name, v string) (int, error) {
	h, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || h < 1 || h > 23 {
		return 0, fmt.Errorf("%s must be an hour of the day in Japan time, from 1 to 23, got %q", name, v)
	}
	return h, nil
}

// eventConfig is the engine's EventConfig of c (the calendar link is
// added where the calendar is wired).
func (c config) eventConfig() bot.EventConfig {
	return bot.EventConfig{ReminderHour: c.Events.ReminderHour, HourBefore: c.Events.HourBefore,
		DigestHour: c.Events.DigestHour}
}
