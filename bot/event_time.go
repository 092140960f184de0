package bot

import (
	"fmt"
	"time"
)

// weekdaysJA are the one-character day names, Sunday first.
var weekdaysJA = [...]string{"日", "月", "火", "水", "木", "金", "土"}

// FormatEventTime shows an event's time as students read it, in JST:
// 12月10日(木) 14:00〜15:00. An end on another day shows its date too
// (12月10日(木) 23:00〜12月11日(金) 01:00); a zero end shows the start only.
func FormatEventTime(start, end time.Time) string {
	s := start.In(jst)
	out := fmt.Sprintf("%s %02d:%02d〜", dateJA(s), s.Hour(), s.Minute())
	if end.IsZero() {
		return out
	}
	e := end.In(jst)
	if y, m, d := e.Date(); y != s.Year() || m != s.Month() || d != s.Day() {
		out += dateJA(e) + " "
	}
	return out + fmt.Sprintf("%02d:%02d", e.Hour(), e.Minute())
}

// dateJA is 12月10日(木) for t, already in JST.
func dateJA(t time.Time) string {
	return fmt.Sprintf("%d月%d日(%s)", int(t.Month()), t.Day(), weekdaysJA[t.Weekday()])
}

// eventDay is the date of an event's start in JST, e.g. 12月10日.
func eventDay(ev Event) string {
	s := ev.StartsAt.In(jst)
	return fmt.Sprintf("%d月%d日", int(s.Month()), s.Day())
}
