package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// localLayout is how a datetime-local input writes a time (seconds are
// added by some browsers: localLayoutSeconds).
const (
	localLayout        = "2006-01-02T15:04"
	localLayoutSeconds = "2006-01-02T15:04:05"
)

// eventForm is the event editor's form: the event as typed, with what is
// wrong. Times are as the datetime-local inputs write them, in JST.
type eventForm struct {
	New      bool
	ID       int64
	Version  int // the version the editor started from
	Kind     string
	Title    string
	Start    string
	End      string
	Place    string
	URL      string
	Capacity string
	Deadline string // empty: the start
	Note     string
	Errors   map[string]string // field (as bot.EventError names it) → what to fix, in Japanese
}

// eventFormOf fills the form from a stored event.
func eventFormOf(ev bot.Event) eventForm {
	f := eventForm{ID: ev.ID, Version: ev.Version, Kind: string(ev.Kind), Title: ev.Title,
		Start: localTime(ev.StartsAt), End: localTime(ev.EndsAt), Place: ev.Place, URL: ev.URL,
		Capacity: strconv.Itoa(ev.Capacity), Note: ev.Note}
	if !ev.Deadline.Equal(ev.StartsAt) {
		f.Deadline = localTime(ev.Deadline)
	}
	return f
}

// parseEventForm reads the posted editor.
func parseEventForm(r *http.Request) eventForm {
	f := eventForm{
		Kind:     formText(r, "kind"),
		Title:    formText(r, "title"),
		Start:    formText(r, "starts_at"),
		End:      formText(r, "ends_at"),
		Place:    formText(r, "place"),
		URL:      formText(r, "url"),
		Capacity: formText(r, "capacity"),
		Deadline: formText(r, "deadline"),
		Note:     formText(r, "note"),
	}
	f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	return f
}

// event returns the event the form describes, checked with
// bot.ValidateEvent; ok is false when f.Errors says what to fix (times that
// are no dates, a capacity that is no number, and what ValidateEvent
// refuses, each by its field).
func (f *eventForm) event() (bot.Event, bool) {
	f.Errors = map[string]string{}
	ev := bot.Event{ID: f.ID, Version: f.Version, Kind: bot.EventKind(f.Kind), Title: f.Title, Place: f.Place,
		URL: f.URL, Note: f.Note}
	var ok bool
	if ev.StartsAt, ok = parseLocal(f.Start); !ok {
		f.Errors["starts_at"] = "開始日時を「2026/12/10 14:00」のように入力してください。"
	}
	if ev.EndsAt, ok = parseLocal(f.End); !ok {
		f.Errors["ends_at"] = "終了日時を「2026/12/10 15:00」のように入力してください。"
	}
	ev.Deadline = ev.StartsAt
	if f.Deadline != "" {
		if ev.Deadline, ok = parseLocal(f.Deadline); !ok {
			f.Errors["deadline"] = "予約締切を日時で入力するか、空欄にしてください（空欄なら開始日時まで受け付けます）。"
		}
	}
	switch n, err := strconv.Atoi(strings.TrimSpace(toHalfWidthDigits(f.Capacity))); {
	case f.Capacity == "" && ev.Kind == bot.EventInterview:
		ev.Capacity = 1
	case f.Capacity == "":
		f.Errors["capacity"] = "定員を数字で入力してください。"
	case err != nil:
		f.Errors["capacity"] = "定員は半角の数字で入力してください（例：30）。"
	default:
		ev.Capacity = n
	}
	bot.CleanEvent(&ev)
	var invalid *bot.EventError
	if err := bot.ValidateEvent(ev); errors.As(err, &invalid) {
		f.addErrors(invalid)
	}
	return ev, len(f.Errors) == 0
}

// addErrors adds what bot says to fix, keeping the form's own message of
// a field (say, a time that is no date) when there is one.
func (f *eventForm) addErrors(e *bot.EventError) {
	if f.Errors == nil {
		f.Errors = map[string]string{}
	}
	for field, msg := range e.Fields {
		if _, said := f.Errors[field]; !said {
			f.Errors[field] = msg
		}
	}
}

// parseLocal reads a datetime-local value as a time in JST, whatever the
// server's zone; an empty or malformed value is not ok.
func parseLocal(s string) (time.Time, bool) {
	s = strings.Replace(strings.TrimSpace(s), " ", "T", 1)
	s = strings.ReplaceAll(s, "/", "-")
	for _, layout := range []string{localLayout, localLayoutSeconds} {
		if t, err := time.ParseInLocation(layout, s, jst); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// localTime writes t (in JST) as a datetime-local input's value; empty
// for the zero time.
func localTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(jst).Format(localLayout)
}

// toHalfWidthDigits turns full-width digits (０–９) into ASCII ones, as
// Japanese input methods often type them.
func toHalfWidthDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}
