package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store/storetest"
)

// refuse runs `sakebot serve` through run with env on top of a throw-away
// database, with a cancelled context so that a configuration that is
// wrongly accepted returns instead of serving, and returns run's error.
func refuse(t *testing.T, env map[string]string) error {
	t.Helper()
	full := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t), "ADDR": "127.0.0.1:0"}
	for k, v := range env {
		full[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	return run(ctx, []string{"sakebot", "serve"}, func(k string) string { return full[k] }, strings.NewReader(""), &out)
}

// TestHalfConfiguredChannelsAreRefused checks that each half-configured
// channel, and a short admin password, stops serve with one line naming
// the variable to set.
func TestHalfConfiguredChannelsAreRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"LINE secret only", map[string]string{"LINE_CHANNEL_SECRET": "s"},
			"LINE_CHANNEL_SECRET is set but LINE_CHANNEL_ACCESS_TOKEN is not: set both to turn LINE on, or neither to leave it off"},
		{"LINE token only", map[string]string{"LINE_CHANNEL_ACCESS_TOKEN": "t"},
			"LINE_CHANNEL_ACCESS_TOKEN is set but LINE_CHANNEL_SECRET is not"},
		{"Slack bot token only", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"},
			"SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not"},
		{"Slack bot token and channel", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_NOTIFY_CHANNEL": "C1"},
			"SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not"},
		{"Slack signing secret only", map[string]string{"SLACK_SIGNING_SECRET": "s"},
			"SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not"},
		{"Slack app token only", map[string]string{"SLACK_APP_TOKEN": "xapp-1-A-1"},
			"SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not"},
		{"Slack notify channel only", map[string]string{"SLACK_NOTIFY_CHANNEL": "C1"},
			"SLACK_NOTIFY_CHANNEL is set but SLACK_BOT_TOKEN is not"},
		{"Slack staff only", map[string]string{"SLACK_STAFF_USER_IDS": "U1,U2"},
			"SLACK_STAFF_USER_IDS is set but SLACK_BOT_TOKEN is not"},
		{"short admin password", map[string]string{"ADMIN_PASSWORD": "elevenchars"},
			"ADMIN_PASSWORD is too short (11 characters): use 12 or more"},
		{"short admin password in runes", map[string]string{"ADMIN_PASSWORD": "さけのもでるのぱすわど"},
			"ADMIN_PASSWORD is too short (11 characters)"},
		{"LINE fine, Slack half", map[string]string{"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t", "SLACK_SIGNING_SECRET": "s"},
			"SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := refuse(t, tc.env)
			if err == nil {
				t.Fatal("accepted; want an error")
			}
			var ue usageError
			if errors.As(err, &ue) {
				t.Errorf("a configuration error is not a usage error: %v", err)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, tc.want) {
				t.Errorf("error = %q\nwant one line starting %q", msg, tc.want)
			}
		})
	}
}

// TestWholeOrEmptyChannelsAreAccepted checks that a fully configured and a
// fully empty configuration both start (migrate, which does not serve).
func TestWholeOrEmptyChannelsAreAccepted(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
	}{
		{"empty", nil},
		{"everything", map[string]string{
			"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t",
			"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_APP_TOKEN": "xapp-1-A-1",
			"SLACK_NOTIFY_CHANNEL": "C1", "SLACK_STAFF_USER_IDS": "U1", "ADMIN_PASSWORD": "twelve-chars"}},
		{"Slack by request URLs", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}},
		{"Slack by Socket Mode", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1-A-1"}},
		{"admin password of 12 runes", map[string]string{"ADMIN_PASSWORD": "さけのもでるのぱすわーど"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "sakebot.db")}
			for k, v := range tc.env {
				env[k] = v
			}
			if _, err := cli(t, env, "", "migrate"); err != nil {
				t.Fatalf("migrate: %v", err)
			}
		})
	}
}

// TestServeHalfConfiguredExitsNonZero runs the built binary as an operator
// would: a half-configured LINE channel ends serve with status 1 and one
// line on stderr.
func TestServeHalfConfiguredExitsNonZero(t *testing.T) {
	dir := t.TempDir()
	bin := buildSakebot(t, dir)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve")
	cmd.Dir = dir // no .env from anywhere
	cmd.Env = []string{"DATABASE_URL=sqlite:" + filepath.Join(dir, "sakebot.db"), "ADDR=127.0.0.1:0", "LINE_CHANNEL_SECRET=s"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("serve: %v, want exit status 1\nstderr: %s", err, stderr.String())
	}
	want := "sakebot: LINE_CHANNEL_SECRET is set but LINE_CHANNEL_ACCESS_TOKEN is not: set both to turn LINE on, or neither to leave it off\n"
	if stderr.String() != want || stdout.Len() != 0 {
		t.Fatalf("stderr = %q, stdout = %q\nwant stderr %q", stderr.String(), stdout.String(), want)
	}
}

// TestDotEnvTrailingComments checks that an unquoted .env value ends at
// " #", a quoted one keeps its #, and a # inside a word stays.
func TestDotEnvTrailingComments(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".env")
	text := strings.Join([]string{
		"# a comment line",
		"PLAIN=value # note",
		"TAB=value\t# note",
		"NOSPACE=a#b",
		`DQUOTED="a # b"`,
		`SQUOTED='a # b' # note`,
		`DQUOTED_NOTE="v" # note`,
		"EMPTY= # nothing here",
		"HASHFIRST=#x",
		"export EXPORTED=e # note",
		`APOSTROPHE='it's'`,
	}, "\n") + "\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := readDotEnv(path)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"PLAIN": "value", "TAB": "value", "NOSPACE": "a#b", "DQUOTED": "a # b", "SQUOTED": "a # b",
		"DQUOTED_NOTE": "v", "EMPTY": "", "HASHFIRST": "#x", "EXPORTED": "e", "APOSTROPHE": "it's",
	} {
		if v, ok := got[k]; !ok || v != want {
			t.Errorf("%s = %q (present %v), want %q", k, v, ok, want)
		}
	}
}

// TestDotEnvCommentsThroughRun checks that run reads a .env with trailing
// comments: the values, not the comments, reach the configuration.
func TestDotEnvCommentsThroughRun(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	dot := "FORM_EXPIRY_DAYS=7 # a week\nDATABASE_URL=sqlite:" + filepath.Join(dir, "dot.db") + " # beside the .env\n"
	if err := os.WriteFile(".env", []byte(dot), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := cli(t, nil, "", "migrate"); err != nil {
		t.Fatalf("migrate with a commented .env: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "dot.db")); err != nil {
		t.Fatalf("DATABASE_URL from .env not used: %v", err)
	}
	if err := os.WriteFile(".env", []byte("ADMIN_PASSWORD=short # a comment that is long enough\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := cli(t, map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}, "", "migrate"); err == nil || !strings.HasPrefix(err.Error(), "ADMIN_PASSWORD is too short (5 characters)") {
		t.Fatalf("want the comment cut off the password, got %v", err)
	}
}

// TestForgetNamesTheChannel checks that forget says which channel it
// searched, and fails when that channel holds no such candidate.
func TestForgetNamesTheChannel(t *testing.T) {
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}
	_, err := cli(t, env, "", "forget", "U123")
	if err == nil || err.Error() != "forget: no candidate U123 on channel line" {
		t.Fatalf("forget of nobody: %v", err)
	}
	if _, err := cli(t, env, strings.Join(application, "\n")+"\n", "chat", "--user", "U123"); err != nil {
		t.Fatal(err)
	}
	_, err = cli(t, env, "", "forget", "--channel", "slack", "U123")
	if err == nil || err.Error() != "forget: no candidate U123 on channel slack" {
		t.Fatalf("forget on the wrong channel: %v", err)
	}
	out, err := cli(t, env, "", "forget", "--channel", "cli", "U123")
	if err != nil || !strings.Contains(out, "deleted") || !strings.Contains(out, "U123 on channel cli") {
		t.Fatalf("forget: %v %q", err, out)
	}
}

// TestExportStatusInJapanese checks that --status takes the Japanese status
// names as well as the English keys, and that --help lists both.
func TestExportStatusInJapanese(t *testing.T) {
	env := map[string]string{"DATABASE_URL": storetest.SQLiteURL(t)}
	if _, err := cli(t, env, strings.Join(application, "\n")+"\n", "chat", "--user", "taro"); err != nil {
		t.Fatal(err)
	}
	count := func(status string) int {
		t.Helper()
		js, err := cli(t, env, "", "applications", "export", "--format", "json", "--status", status)
		if err != nil {
			t.Fatalf("--status %s: %v", status, err)
		}
		return strings.Count(js, `"ref":`)
	}
	for status, want := range map[string]int{"submitted": 1, "応募受付": 1, "offer": 0, "内定": 0, "見送り": 0, "書類選考中": 0, "面談調整中": 0, "面談調整": 0, "辞退": 0} {
		if got := count(status); got != want {
			t.Errorf("--status %s: %d applications, want %d", status, got, want)
		}
	}
	_, err := cli(t, env, "", "applications", "export", "--status", "合格")
	var ue usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "内定") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("unknown status: %v", err)
	}
	help, _ := cli(t, env, "", "applications", "--help")
	for _, want := range []string{"submitted (応募受付)", "screening (書類選考中)", "interview (面談調整中)", "offer (内定)", "declined (見送り)", "withdrawn (辞退)"} {
		if !strings.Contains(help, want) {
			t.Errorf("--help lacks %q:\n%s", want, help)
		}
	}
}
