package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lib/pq"
)

// A data exception's message may quote what a student wrote: store errors
// carry only its code. Other errors keep their message.
func TestDataExceptionsLoseTheirMessage(t *testing.T) {
	leak := &pq.Error{Code: "22P02", Message: `malformed array literal: "{\"研修について質問です 090-1234-5678\"}"`}
	err := wrap(fmt.Errorf("query: %w", leak), "accept events")
	if s := err.Error(); strings.Contains(s, "090-1234-5678") || !strings.Contains(s, "22P02") ||
		!strings.Contains(s, "invalid_text_representation") {
		t.Errorf("data exception wrapped as %q", s)
	}
	other := &pq.Error{Code: "40001", Message: "could not serialize access due to concurrent update"}
	if s := wrap(other, "write batch").Error(); !strings.Contains(s, other.Message) {
		t.Errorf("serialization failure wrapped as %q", s)
	}
}
