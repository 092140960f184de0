package jpinput_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/jpinput"
)

// TestParsersRejectFormulas feeds the name and e-mail parsers the
// spreadsheet-formula attacks of issue 20: each is refused with a polite
// message and an example, and no accepted value starts like a formula.
func TestParsersRejectFormulas(t *testing.T) {
	attacks := []string{
		"=cmd", "-Smith", `=HYPERLINK("http://evil.example/x","click")`, "+1+1", "@SUM(1+1)*cmd|' /C calc'!A0",
		"＝cmd", "－Smith", "・スミス", "北見 =太郎", "北見 -太郎",
	}
	for _, in := range attacks {
		got, err := jpinput.NormalizeName(in)
		if err == nil {
			t.Errorf("name %q accepted as %q", in, got)
			continue
		}
		checkMessage(t, in, err)
	}
	// Names with joining punctuation inside are still names.
	for in, want := range map[string]string{"Mary-Jane": "Mary-Jane", "ジャン＝ポール": "ジャン=ポール", "ジョン・スミス": "ジョン・スミス"} {
		if got, err := jpinput.NormalizeName(in); err != nil || got != want {
			t.Errorf("name %q: %q, %v; want %q", in, got, err, want)
		}
	}

	for _, c := range []struct{ in, msg string }{
		{"=cmd|'/Ccalc'!A0@example.com", "先頭"},
		{"+hanako@example.com", "先頭"},
		{"-hanako@example.com", "先頭"},
		{"=hanako@example.com", "先頭"},
		{"＝hanako@example.com", "先頭"},
		{" +hanako@example.com", "先頭"},
		{"mailto:+hanako@example.com", "先頭"},
		{"@example.com", ""},
		{"@hanako@example.com", ""},
	} {
		got, err := jpinput.NormalizeEmail(c.in)
		if err == nil {
			t.Errorf("e-mail %q accepted as %q", c.in, got)
			continue
		}
		checkMessage(t, c.in, err)
		var ie *jpinput.InvalidInputError
		if errors.As(err, &ie) && !strings.Contains(ie.Message, c.msg) {
			t.Errorf("e-mail %q: message %q lacks %q", c.in, ie.Message, c.msg)
		}
	}
	// The signs stay allowed inside the local part.
	for _, in := range []string{"hanako+sake@example.com", "ha=na-ko@example.com"} {
		if got, err := jpinput.NormalizeEmail(in); err != nil || got != in {
			t.Errorf("e-mail %q: %q, %v", in, got, err)
		}
	}
}
