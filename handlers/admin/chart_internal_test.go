package admin

import (
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

func TestNiceCeil(t *testing.T) {
	for n, want := range map[int]int{0: 4, 1: 4, 3: 4, 4: 4, 7: 8, 24: 32, 36: 40, 95: 120, 364: 400, 1000: 1200} {
		if got := niceCeil(n); got != want {
			t.Errorf("niceCeil(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestChartStacksBars(t *testing.T) {
	day := bot.StartOfDayJST(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	c := newChart([]bot.DayCount{
		{Day: day, QuestionCounts: bot.QuestionCounts{Answered: 3, Ambiguous: 1, Missed: 2}},
		{Day: day.AddDate(0, 0, 1)},
	})
	if c.Total != 6 || len(c.Bars) != 2 || len(c.Bars[0].Segments) != 3 || len(c.Bars[1].Segments) != 0 {
		t.Fatalf("chart = %+v", c)
	}
	segs := c.Bars[0].Segments
	if segs[0].Class != "answered" || segs[0].Y+segs[0].H != float64(c.Baseline) || segs[1].Y+segs[1].H != segs[0].Y {
		t.Errorf("segments do not stack from the baseline: %+v", segs)
	}
	if c.Bars[0].Title != "3月1日：回答 3件・候補提示 1件・回答できず 2件" {
		t.Errorf("title = %q", c.Bars[0].Title)
	}
}

// TestChartLastLabelEnds checks that the last date ends at its bar's right
// edge instead of being centred on it, where a phone's larger text would
// run past the chart's edge and be cut off.
func TestChartLastLabelEnds(t *testing.T) {
	day := bot.StartOfDayJST(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	days := make([]bot.DayCount, 30)
	for i := range days {
		days[i].Day = day.AddDate(0, 0, i)
	}
	c := newChart(days)
	if len(c.Labels) != 5 {
		t.Fatalf("labels = %+v, want 5", c.Labels)
	}
	for _, l := range c.Labels[:4] {
		if l.Anchor != "middle" {
			t.Errorf("label %+v is not centred", l)
		}
	}
	last := c.Labels[4]
	if last.Text != "3/30" || last.Anchor != "end" || last.X > float64(c.Right) {
		t.Errorf("last label = %+v, want 3/30 ending within the plot (x <= %d)", last, c.Right)
	}
}
