package bot

import (
	"fmt"
	"time"
)

// jst is Japan Standard Time, for dates shown to people; fixed so the
// binary needs no time zone database.
var jst = time.FixedZone("JST", 9*60*60)

// FormatJST shows a time as people in Japan read it: 2026年11月23日 19:05.
func FormatJST(t time.Time) string {
	j := t.In(jst)
	return fmt.Sprintf("%d年%d月%d日 %02d:%02d", j.Year(), int(j.Month()), j.Day(), j.Hour(), j.Minute())
}

// StartOfDayJST returns midnight, in Japan, of the day t falls on there.
func StartOfDayJST(t time.Time) time.Time {
	y, m, d := t.In(jst).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, jst)
}

// GraduationLabel shows a stored YYYY-MM as 2027年3月.
func GraduationLabel(ym string) string {
	var y, m int
	if _, err := fmt.Sscanf(ym, "%d-%d", &y, &m); err != nil {
		return ym
	}
	return fmt.Sprintf("%d年%d月", y, m)
}
