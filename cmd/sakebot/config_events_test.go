package main

import (
	"strings"
	"testing"
)

// TestReminderSettings reads REMINDER_HOUR, REMINDER_HOUR_BEFORE and
// DIGEST_HOUR into the engine's EventConfig, and refuses an hour out of
// 1-23 with one line naming the variable.
func TestReminderSettings(t *testing.T) {
	c, err := loadConfig(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if got := c.eventConfig(); got.ReminderHour != 12 || got.HourBefore || got.DigestHour != 18 {
		t.Fatalf("defaults %+v", got)
	}
	env := map[string]string{"REMINDER_HOUR": "9", "REMINDER_HOUR_BEFORE": "true", "DIGEST_HOUR": "17"}
	c, err = loadConfig(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if got := c.eventConfig(); got.ReminderHour != 9 || !got.HourBefore || got.DigestHour != 17 {
		t.Fatalf("read %+v", got)
	}
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"REMINDER_HOUR": "0"}, "REMINDER_HOUR must be an hour of the day in Japan time, from 1 to 23"},
		{map[string]string{"REMINDER_HOUR": "noon"}, "REMINDER_HOUR must be"},
		{map[string]string{"DIGEST_HOUR": "24"}, "DIGEST_HOUR must be"},
		{map[string]string{"REMINDER_HOUR_BEFORE": "sometimes"}, "REMINDER_HOUR_BEFORE must be true or false"},
	} {
		err := refuse(t, tc.env)
		if err == nil || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want one line starting %q", tc.env, err, tc.want)
		}
	}
}
