package eventfile

import (
	"fmt"
	"strings"
	"time"
)

// The keys of an entry, in the order Encode writes them.
const (
	keyID       = "id"
	keyKind     = "kind"
	keyTitle    = "title"
	keyStarts   = "starts"
	keyEnds     = "ends"
	keyDeadline = "deadline"
	keyPlace    = "place"
	keyURL      = "url"
	keyCapacity = "capacity"
	keyNote     = "note"
	keyState    = "state"
)

// knownKeys are the keys an entry may have.
var knownKeys = map[string]bool{keyID: true, keyKind: true, keyTitle: true, keyStarts: true, keyEnds: true,
	keyDeadline: true, keyPlace: true, keyURL: true, keyCapacity: true, keyNote: true, keyState: true}

// jst is Japan time, in which the file's times are written.
var jst = time.FixedZone("JST", 9*3600)

// timeLayout is how the file writes a time, in JST.
const timeLayout = "2006-01-02 15:04"

// formatTime writes t in JST.
func formatTime(t time.Time) string {
	return t.In(jst).Format(timeLayout)
}

// parseTime reads a time written in JST (timeLayout) or as RFC 3339.
func parseTime(s string) (time.Time, error) {
	if t, err := time.ParseInLocation(timeLayout, s, jst); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a time (write e.g. 2026-12-10 14:00, Japan time)", s)
}

// Problem is one reason a file cannot be imported.
type Problem struct {
	Line    int // 0 when unknown
	Message string
}

// ValidationError lists every problem of a file.
type ValidationError struct {
	Problems []Problem
}

// Error lists the problems, one a line, with their line numbers.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		if p.Line > 0 {
			lines[i] = fmt.Sprintf("line %d: %s", p.Line, p.Message)
		} else {
			lines[i] = p.Message
		}
	}
	return "eventfile: " + strings.Join(lines, "\n")
}
