package eventfile_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/eventfile"
)

var jst = time.FixedZone("JST", 9*3600)

// sample is a file as staff write it.
const sample = `# 説明会と面談
- kind: session
  title: 会社説明会(北見工業大学)
  starts: 2031-02-20 14:00
  ends: 2031-02-20 15:30
  deadline: 2031-02-19 17:00
  place: 北見工業大学 講義棟 A101
  capacity: 30
  note: |
    筆記用具をお持ちください。
    オンライン参加もできます。
- id: 7
  kind: 面談
  title: 一次面談
  starts: 2031-02-21T01:00:00Z
  ends: 2031-02-21 11:00
  url: https://meet.example.jp/abc
  state: closed
`

// TestDecode: times are Japan time (or RFC 3339), a missing deadline is
// the start, an interview has one seat, the Japanese kinds are read.
func TestDecode(t *testing.T) {
	events, err := eventfile.Decode(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 {
		t.Fatalf("%d events", len(events))
	}
	s, iv := events[0], events[1]
	if s.Kind != bot.EventSession || s.Title != "会社説明会(北見工業大学)" || s.Capacity != 30 ||
		!s.StartsAt.Equal(time.Date(2031, 2, 20, 14, 0, 0, 0, jst)) ||
		!s.Deadline.Equal(time.Date(2031, 2, 19, 17, 0, 0, 0, jst)) || s.State != bot.EventOpen ||
		s.Note != "筆記用具をお持ちください。\nオンライン参加もできます。" || s.ID != 0 {
		t.Errorf("session = %+v", s)
	}
	if iv.ID != 7 || iv.Kind != bot.EventInterview || iv.Capacity != 1 || iv.State != bot.EventClosed ||
		!iv.StartsAt.Equal(time.Date(2031, 2, 21, 10, 0, 0, 0, jst)) || !iv.Deadline.Equal(iv.StartsAt) ||
		iv.URL != "https://meet.example.jp/abc" {
		t.Errorf("interview = %+v", iv)
	}
}

// TestRoundTrip: what Encode writes, Decode reads back the same.
func TestRoundTrip(t *testing.T) {
	events, err := eventfile.Decode(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	events[0].ID, events[0].Booked, events[0].Version = 3, 12, 4 // the database's, not written
	var buf bytes.Buffer
	if err := eventfile.Encode(&buf, events); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "starts: 2031-02-20 14:00") || strings.Contains(out, "\\u") ||
		strings.Contains(out, "booked") || strings.Contains(out, "version") {
		t.Errorf("encoded:\n%s", out)
	}
	again, err := eventfile.Decode(&buf)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	events[0].Booked, events[0].Version = 0, 0
	for i := range events {
		if again[i] != events[i] {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, again[i], events[i])
		}
	}
}

// TestDecodeProblems: every problem is reported at once, with its line,
// and nothing is returned.
func TestDecodeProblems(t *testing.T) {
	bad := `- kind: party
  title: 説明会
  starts: 2031-02-20 14:00
  ends: 2031-02-20 13:00
  place: 北見
  capacity: 30
  colour: red
- kind: session
  title: ""
  starts: tomorrow
  ends: 2031-02-20 15:00
  place: 北見
  capacity: 3
- id: 4
  kind: session
  title: 場所なし
  starts: 2031-02-20 14:00
  ends: 2031-02-20 15:00
  capacity: 3
- id: 4
  kind: session
  title: 同じid
  starts: 2031-02-20 14:00
  ends: 2031-02-20 15:00
  place: 北見
  capacity: 3
`
	events, err := eventfile.Decode(strings.NewReader(bad))
	var ve *eventfile.ValidationError
	if !errors.As(err, &ve) || events != nil {
		t.Fatalf("Decode = %v, %v", events, err)
	}
	msg := err.Error()
	for _, want := range []string{"line 1: kind: must be", "line 7: unknown key \"colour\"", "line 10: starts:",
		"line 14: 場所またはオンラインのURLを入力してください。", "line 20: id 4 is also at line 14"} {
		if !strings.Contains(msg, want) {
			t.Errorf("no %q in:\n%s", want, msg)
		}
	}
	if _, err := eventfile.Decode(strings.NewReader("- kind: [session\n")); err == nil ||
		!strings.Contains(err.Error(), "line") {
		t.Errorf("YAML syntax error: %v", err)
	}
	if none, err := eventfile.Decode(strings.NewReader("")); err != nil || len(none) != 0 {
		t.Errorf("empty file: %v %v", none, err)
	}
}
