package bot

import (
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/jpinput"
)

// Limits of an event as staff write it.
const (
	MaxEventTitle = 80
	MaxEventPlace = 200
	MaxEventURL   = 500
	MaxEventNote  = 1000
)

// EventError is why staff's event was refused: one polite Japanese
// message per field ("title", "kind", "starts_at", "ends_at", "capacity",
// "deadline", "place", "url", "note").
type EventError struct {
	Fields map[string]string
}

// Error lists the messages, in a stable order.
func (e *EventError) Error() string {
	return fieldMessages(e.Fields)
}

// CleanEvent tidies the text staff typed, as other staff input is
// (jpinput.CleanText, trimmed; a title or place on one line).
func CleanEvent(ev *Event) {
	line := func(s string) string {
		return strings.Join(strings.Fields(jpinput.CleanText(s)), " ")
	}
	ev.Title = line(ev.Title)
	ev.Place = line(ev.Place)
	ev.URL = strings.TrimSpace(jpinput.CleanText(ev.URL))
	ev.Note = strings.TrimSpace(jpinput.CleanText(ev.Note))
}

// ValidateEvent checks an event as staff wrote it (title, times, capacity,
// deadline, place or URL), the one validation every entry point uses (the
// admin page, Slack, `events import`). The error is an *EventError whose
// messages are polite Japanese, one per field. A zero Deadline is refused
// here: Engine.SaveEvent sets it to the start before validating, so
// callers that save through the Engine may leave it zero. An interview
// has exactly one seat.
func ValidateEvent(ev Event) error {
	f := map[string]string{}
	switch n := utf8.RuneCountInString(strings.TrimSpace(ev.Title)); {
	case n == 0:
		f["title"] = "タイトルを入力してください。"
	case n > MaxEventTitle:
		f["title"] = "タイトルは80文字以内で入力してください。"
	}
	if !ev.Kind.Valid() {
		f["kind"] = "種類は「説明会」か「面談」を選んでください。"
	}
	switch {
	case ev.StartsAt.IsZero():
		f["starts_at"] = "開始日時を入力してください。"
	case ev.EndsAt.IsZero():
		f["ends_at"] = "終了日時を入力してください。"
	case !ev.EndsAt.After(ev.StartsAt):
		f["ends_at"] = "終了日時は開始日時より後にしてください。"
	}
	switch {
	case ev.Kind == EventInterview && ev.Capacity != 1:
		f["capacity"] = "面談の定員は1名です。"
	case ev.Capacity < 1:
		f["capacity"] = "定員は1名以上にしてください。"
	case ev.Capacity > 10000:
		f["capacity"] = "定員は10000名以下にしてください。"
	}
	switch {
	case ev.Deadline.IsZero():
		f["deadline"] = "予約の締め切りを入力してください。"
	case !ev.StartsAt.IsZero() && ev.Deadline.After(ev.StartsAt):
		f["deadline"] = "予約の締め切りは開始日時より前にしてください。"
	}
	place, link := strings.TrimSpace(ev.Place), strings.TrimSpace(ev.URL)
	if place == "" && link == "" {
		f["place"] = "場所またはオンラインのURLを入力してください。"
	}
	if utf8.RuneCountInString(place) > MaxEventPlace {
		f["place"] = "場所は200文字以内で入力してください。"
	}
	if link != "" && !httpURL(link) {
		f["url"] = "URLは http:// または https:// で始まるアドレスを入力してください。"
	} else if len(link) > MaxEventURL {
		f["url"] = "URLは500文字以内で入力してください。"
	}
	if utf8.RuneCountInString(ev.Note) > MaxEventNote {
		f["note"] = "備考は1000文字以内で入力してください。"
	}
	if len(f) > 0 {
		return &EventError{Fields: f}
	}
	return nil
}

// httpURL reports whether s is an absolute http(s) address with a host.
func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		!strings.ContainsAny(s, " \n")
}

// fieldMessages joins the messages of a refused form (field → message) in
// the fields' order, for the Error of EventError and SourceError.
func fieldMessages(fields map[string]string) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	msgs := make([]string, 0, len(keys))
	for _, k := range keys {
		msgs = append(msgs, fields[k])
	}
	return strings.Join(msgs, " ")
}
