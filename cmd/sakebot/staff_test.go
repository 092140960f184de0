package main

import (
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestStaffCommands: the first 管理者 is created from the command line
// (password on stdin), listed, its password reset and then disabled; bad
// input is refused with one line.
func TestStaffCommands(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		env := map[string]string{"DATABASE_URL": url}
		out, err := cli(t, env, "北見のサケ研修2026!\n", "staff", "add", "--email", "Sato@Example.jp", "--name", "佐藤 花子", "--role", "admin")
		if err != nil || !strings.Contains(out, "added sato@example.jp (佐藤 花子, 管理者)") {
			t.Fatalf("add: %v\n%s", err, out)
		}
		if _, err := cli(t, env, "北見のサケ研修2026!\n", "staff", "add", "--email", "sato@example.jp", "--name", "二人目"); err == nil ||
			!strings.Contains(err.Error(), "exists already") {
			t.Errorf("a second account with the same e-mail: %v", err)
		}
		if _, err := cli(t, env, "short\n", "staff", "add", "--email", "x@example.jp", "--name", "x"); err == nil ||
			!strings.Contains(err.Error(), "12 characters") {
			t.Errorf("a short password: %v", err)
		}
		if _, err := cli(t, env, "", "staff", "add", "--email", "y@example.jp", "--name", "y", "--role", "owner"); err == nil ||
			!strings.Contains(err.Error(), "unknown role") {
			t.Errorf("an unknown role: %v", err)
		}
		out, err = cli(t, env, "", "staff", "list")
		if err != nil || !strings.Contains(out, "sato@example.jp") || !strings.Contains(out, "admin") || strings.Contains(out, "x@example.jp") {
			t.Fatalf("list: %v\n%s", err, out)
		}
		if out, err = cli(t, env, "まったく新しいパスワード1\n", "staff", "reset-password", "sato@example.jp"); err != nil || !strings.Contains(out, "sessions have ended") {
			t.Errorf("reset-password: %v %s", err, out)
		}
		if out, err = cli(t, env, "", "staff", "disable", "SATO@example.jp"); err != nil || !strings.Contains(out, "disabled sato@example.jp") {
			t.Errorf("disable: %v %s", err, out)
		}
		if out, _ = cli(t, env, "", "staff", "list"); !strings.Contains(out, "disabled") {
			t.Errorf("list after disable:\n%s", out)
		}
		if _, err := cli(t, env, "", "staff", "disable", "nobody@example.jp"); err == nil || !strings.Contains(err.Error(), "no staff account") {
			t.Errorf("disable an unknown account: %v", err)
		}
	})
}
