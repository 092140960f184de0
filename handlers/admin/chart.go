package admin

import (
	"fmt"

	"github.com/sakemodel/sakebot/bot"
)

// The chart's geometry, in SVG user units (it scales to its box).
const (
	chartWidth  = 720
	chartHeight = 240
	chartLeft   = 40 // room for the axis labels
	chartRight  = 8
	chartTop    = 20 // room for the top value, which a phone draws larger
	chartBottom = 28 // room for the dates
)

// chart is the daily questions, stacked by outcome, drawn as SVG by the
// template from these precomputed shapes.
type chart struct {
	Width, Height int
	Left, Right   int // x of the plot's edges
	Baseline      int // y of zero
	Bars          []chartBar
	Ticks         []chartTick
	Labels        []chartLabel
	Total         int    // questions in the chart
	Summary       string // for screen readers
}

// chartBar is one day: its segments from the bottom up.
type chartBar struct {
	X, W     float64 // the day's slot, which shows the title on hover
	Title    string  // shown on hover
	Segments []chartRect
}

// chartRect is one drawn rectangle; Class picks its colour.
type chartRect struct {
	X, Y, W, H float64
	Class      string
}

// chartTick is a horizontal grid line with its value.
type chartTick struct {
	Y     float64
	Value int
}

// chartLabel is a date under the axis, centred under its bar (Anchor
// "middle") or, the last one, ending at its bar's right edge ("end"), so
// that it stays inside the chart however large a phone draws the text.
type chartLabel struct {
	X      float64
	Anchor string
	Text   string
}

// newChart lays out the daily counts.
func newChart(days []bot.DayCount) chart {
	c := chart{Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartWidth - chartRight,
		Baseline: chartHeight - chartBottom}
	peak := 0
	for _, d := range days {
		peak = max(peak, d.Total())
		c.Total += d.Total()
	}
	top := niceCeil(peak)
	plotH := float64(c.Baseline - chartTop)
	scale := plotH / float64(top)
	for i := 0; i <= 4; i++ {
		v := top * i / 4
		if i > 0 && v == top*(i-1)/4 {
			continue
		}
		c.Ticks = append(c.Ticks, chartTick{Y: float64(c.Baseline) - float64(v)*scale, Value: v})
	}
	if len(days) == 0 {
		return c
	}
	slot := float64(c.Right-c.Left) / float64(len(days))
	barW := slot * 0.7
	for i, d := range days {
		x := float64(c.Left) + slot*float64(i) + (slot-barW)/2
		bar := chartBar{X: float64(c.Left) + slot*float64(i), W: slot, Title: fmt.Sprintf("%d月%d日：回答 %d件・候補提示 %d件・回答できず %d件",
			d.Day.Month(), d.Day.Day(), d.Answered, d.Ambiguous, d.Missed)}
		y := float64(c.Baseline)
		for _, seg := range []struct {
			n     int
			class string
		}{{d.Answered, "answered"}, {d.Ambiguous, "ambiguous"}, {d.Missed, "missed"}} {
			if seg.n == 0 {
				continue
			}
			h := float64(seg.n) * scale
			y -= h
			bar.Segments = append(bar.Segments, chartRect{X: x, Y: y, W: barW, H: h, Class: seg.class})
		}
		c.Bars = append(c.Bars, bar)
		if i%7 == (len(days)-1)%7 {
			l := chartLabel{X: x + barW/2, Anchor: "middle", Text: fmt.Sprintf("%d/%d", d.Day.Month(), d.Day.Day())}
			if i == len(days)-1 {
				l.X, l.Anchor = x+barW, "end"
			}
			c.Labels = append(c.Labels, l)
		}
	}
	first, last := days[0].Day, days[len(days)-1].Day
	c.Summary = fmt.Sprintf("%d月%d日から%d月%d日までの1日ごとの質問数のグラフ。合計%d件。",
		first.Month(), first.Day(), last.Month(), last.Day(), c.Total)
	return c
}

// niceCeil returns a round axis maximum above n with some headroom: four
// grid steps of 1, 2, 3, 4, 5, 6 or 8 times a power of ten.
func niceCeil(n int) int {
	need := (n*11/10 + 3) / 4 // the smallest step that fits n plus 10%
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 3, 4, 5, 6, 8} {
			if m*p >= need {
				return 4 * m * p
			}
		}
	}
}
