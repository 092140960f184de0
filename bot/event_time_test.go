package bot_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

func TestFormatEventTime(t *testing.T) {
	jst := time.FixedZone("JST", 9*3600)
	cases := []struct {
		start, end time.Time
		want       string
	}{
		{time.Date(2026, 12, 10, 14, 0, 0, 0, jst), time.Date(2026, 12, 10, 15, 0, 0, 0, jst), "12月10日(木) 14:00〜15:00"},
		// an instant in UTC is shown in JST: 2031-02-20 23:30 UTC is the 21st in Japan
		{time.Date(2031, 2, 20, 23, 30, 0, 0, time.UTC), time.Date(2031, 2, 21, 1, 0, 0, 0, time.UTC), "2月21日(金) 08:30〜10:00"},
		{time.Date(2026, 12, 10, 23, 0, 0, 0, jst), time.Date(2026, 12, 11, 1, 0, 0, 0, jst), "12月10日(木) 23:00〜12月11日(金) 01:00"},
		{time.Date(2026, 12, 13, 9, 5, 0, 0, jst), time.Time{}, "12月13日(日) 09:05〜"},
	}
	for _, c := range cases {
		if got := bot.FormatEventTime(c.start, c.end); got != c.want {
			t.Errorf("FormatEventTime(%v, %v) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
}

func TestValidateEvent(t *testing.T) {
	start := time.Date(2031, 2, 20, 5, 0, 0, 0, time.UTC)
	good := bot.Event{Kind: bot.EventSession, Title: "サケモデル説明会", StartsAt: start, EndsAt: start.Add(time.Hour),
		Capacity: 30, Deadline: start, Place: "北見工業大学 講義室A"}
	if err := bot.ValidateEvent(good); err != nil {
		t.Fatalf("good event: %v", err)
	}
	online := good
	online.Place, online.URL = "", "https://meet.example.com/abc"
	if err := bot.ValidateEvent(online); err != nil {
		t.Fatalf("online event: %v", err)
	}
	cases := []struct {
		field string
		edit  func(e *bot.Event)
	}{
		{"title", func(e *bot.Event) { e.Title = " " }},
		{"title", func(e *bot.Event) { e.Title = strings.Repeat("説", 81) }},
		{"kind", func(e *bot.Event) { e.Kind = "party" }},
		{"ends_at", func(e *bot.Event) { e.EndsAt = e.StartsAt }},
		{"starts_at", func(e *bot.Event) { e.StartsAt = time.Time{} }},
		{"capacity", func(e *bot.Event) { e.Capacity = 0 }},
		{"capacity", func(e *bot.Event) { e.Kind, e.Capacity = bot.EventInterview, 2 }},
		{"deadline", func(e *bot.Event) { e.Deadline = e.StartsAt.Add(time.Minute) }},
		{"deadline", func(e *bot.Event) { e.Deadline = time.Time{} }},
		{"place", func(e *bot.Event) { e.Place, e.URL = "", "" }},
		{"url", func(e *bot.Event) { e.URL = "javascript:alert(1)" }},
		{"url", func(e *bot.Event) { e.URL = "ftp://example.com/x" }},
		{"note", func(e *bot.Event) { e.Note = strings.Repeat("あ", 1001) }},
	}
	for _, c := range cases {
		e := good
		c.edit(&e)
		err := bot.ValidateEvent(e)
		var ee *bot.EventError
		if !errors.As(err, &ee) || ee.Fields[c.field] == "" {
			t.Errorf("%s: want a message for %s, got %v", c.field, c.field, err)
			continue
		}
		if !strings.HasSuffix(ee.Fields[c.field], "。") || ee.Error() == "" {
			t.Errorf("%s: message %q", c.field, ee.Fields[c.field])
		}
	}
	interview := good
	interview.Kind, interview.Capacity = bot.EventInterview, 1
	if err := bot.ValidateEvent(interview); err != nil {
		t.Fatalf("interview: %v", err)
	}
}

func TestCleanEvent(t *testing.T) {
	e := bot.Event{Title: " 説明会\u202e\n 第1回 ", Place: "北見\t工大", Note: "持ち物：筆記用具\r\nなし\x00 "}
	bot.CleanEvent(&e)
	if e.Title != "説明会 第1回" || e.Place != "北見 工大" || e.Note != "持ち物：筆記用具\nなし" {
		t.Fatalf("cleaned: %q %q %q", e.Title, e.Place, e.Note)
	}
}
