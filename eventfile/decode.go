package eventfile

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/bot"
	"gopkg.in/yaml.v3"
)

// yamlLineError matches the "yaml: line N: message" errors of gopkg.in/yaml.v3.
var yamlLineError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Decode reads an events file and returns its events in file order, each
// tidied (bot.CleanEvent), defaulted as the Engine saves it (a missing
// deadline is the start, an interview has one seat, the state is open)
// and checked with bot.ValidateEvent. When the file cannot be imported it
// returns a *ValidationError with every problem and its line, and no
// events. Any other error comes from reading r.
func Decode(r io.Reader) ([]bot.Event, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("eventfile: read: %w", err)
	}
	d := &decoder{}
	events := d.file(data)
	if len(d.problems) > 0 {
		return nil, &ValidationError{Problems: d.problems}
	}
	return events, nil
}

// decoder collects the problems of a file.
type decoder struct {
	problems []Problem
}

// add records a problem at line.
func (d *decoder) add(line int, format string, args ...any) {
	d.problems = append(d.problems, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

// file reads the whole file.
func (d *decoder) file(data []byte) []bot.Event {
	if !utf8.Valid(data) {
		d.add(0, "the file is not UTF-8 text")
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		if m := yamlLineError.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			d.add(line, "YAML: %s", m[2])
		} else {
			d.add(0, "YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		}
		return nil
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		d.add(root.Line, "the file must be a list of events (each item starting with “- ”)")
		return nil
	}
	ids := map[int64]int{}
	events := make([]bot.Event, 0, len(root.Content))
	for _, item := range root.Content {
		e, ok := d.entry(item)
		if e.ID != 0 {
			if first, dup := ids[e.ID]; dup {
				d.add(item.Line, "id %d is also at line %d", e.ID, first)
			}
			ids[e.ID] = item.Line
		}
		if ok {
			events = append(events, e)
		}
	}
	return events
}

// errorField is the field of bot.EventError each key is checked as.
var errorField = map[string]string{keyKind: "kind", keyTitle: "title", keyStarts: "starts_at", keyEnds: "ends_at",
	keyDeadline: "deadline", keyPlace: "place", keyURL: "url", keyCapacity: "capacity", keyNote: "note"}

// entry reads one event and validates it; ok is false when it has a
// problem (recorded; e is then as far as it was read). A key that could
// not be read is not validated again.
func (d *decoder) entry(n *yaml.Node) (bot.Event, bool) {
	if n.Kind != yaml.MappingNode {
		d.add(n.Line, "each event must be a mapping of keys (kind, title, starts, …)")
		return bot.Event{}, false
	}
	before := len(d.problems)
	var e bot.Event
	seen, unread := map[string]bool{}, map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		switch {
		case !knownKeys[key]:
			d.add(k.Line, "unknown key %q", key)
			continue
		case seen[key]:
			d.add(k.Line, "key %q appears twice", key)
			continue
		case v.Kind != yaml.ScalarNode:
			d.add(v.Line, "%s must be a single value", key)
			seen[key], unread[errorField[key]] = true, true
			continue
		}
		seen[key] = true
		if !d.field(&e, key, strings.TrimSpace(v.Value), v.Line) {
			unread[errorField[key]] = true
		}
	}
	for _, key := range []string{keyKind, keyTitle, keyStarts, keyEnds} {
		if !seen[key] {
			d.add(n.Line, "%s is missing", key)
			unread[errorField[key]] = true
		}
	}
	bot.CleanEvent(&e)
	if e.Deadline.IsZero() && !unread["deadline"] {
		e.Deadline = e.StartsAt
	}
	if e.Kind == bot.EventInterview && e.Capacity == 0 {
		e.Capacity = 1
	}
	if e.State == "" {
		e.State = bot.EventOpen
	}
	if err := bot.ValidateEvent(e); err != nil {
		var ve *bot.EventError
		if !errors.As(err, &ve) {
			d.add(n.Line, "%v", err)
			return e, false
		}
		keys := make([]string, 0, len(ve.Fields))
		for k := range ve.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !unread[k] {
				d.add(n.Line, "%s", ve.Fields[k])
			}
		}
	}
	return e, len(d.problems) == before
}

// field sets the field of e that key names from its value at line; it
// reports false (with the problem recorded) when the value cannot be read.
func (d *decoder) field(e *bot.Event, key, value string, line int) bool {
	var err error
	switch key {
	case keyID:
		e.ID, err = strconv.ParseInt(value, 10, 64)
		if err != nil || e.ID < 1 {
			e.ID, err = 0, fmt.Errorf("must be a positive number, got %q", value)
		}
	case keyKind:
		e.Kind = parseKind(value)
		if !e.Kind.Valid() {
			err = fmt.Errorf("must be session (説明会) or interview (面談), got %q", value)
		}
	case keyTitle:
		e.Title = value
	case keyStarts:
		e.StartsAt, err = parseTime(value)
	case keyEnds:
		e.EndsAt, err = parseTime(value)
	case keyDeadline:
		e.Deadline, err = parseTime(value)
	case keyPlace:
		e.Place = value
	case keyURL:
		e.URL = value
	case keyCapacity:
		e.Capacity, err = strconv.Atoi(value)
		if err != nil {
			err = fmt.Errorf("must be a number, got %q", value)
		}
	case keyNote:
		e.Note = value
	case keyState:
		e.State = bot.EventState(value)
		switch e.State {
		case bot.EventOpen, bot.EventClosed, bot.EventCancelled:
		default:
			err = fmt.Errorf("must be open, closed or cancelled, got %q", value)
		}
	}
	if err != nil {
		d.add(line, "%s: %v", key, err)
		return false
	}
	return true
}

// parseKind reads a kind, in English or Japanese.
func parseKind(s string) bot.EventKind {
	switch s {
	case "説明会":
		return bot.EventSession
	case "面談":
		return bot.EventInterview
	}
	return bot.EventKind(s)
}
