package password

import (
	"strings"
	"testing"
)

func TestHashAndMatch(t *testing.T) {
	h, err := Hash("きたみのさけ研修2026")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$2a$12$") {
		t.Errorf("hash %q is not bcrypt at cost 12", h)
	}
	if !Matches(h, "きたみのさけ研修2026") || Matches(h, "きたみのさけ研修2027") || Matches(h, "") {
		t.Error("Matches accepts the wrong password or refuses the right one")
	}
	h2, _ := Hash("きたみのさけ研修2026")
	if h2 == h {
		t.Error("two hashes of one password are equal: no salt")
	}
}

func TestRules(t *testing.T) {
	for pw, want := range map[string]error{
		"short-pass1":  ErrTooShort, // 11
		"exactly-12ch": nil,
		"十二文字のパスワードですよね":        nil,
		strings.Repeat("a", 72): nil,
		strings.Repeat("a", 73): ErrTooLong,
		strings.Repeat("あ", 25): ErrTooLong, // 75 bytes
	} {
		if err := Check(pw); err != want {
			t.Errorf("Check(%q) = %v; want %v", pw, err, want)
		}
		if _, err := Hash(pw); err != want {
			t.Errorf("Hash(%q) = %v; want %v", pw, err, want)
		}
	}
}
