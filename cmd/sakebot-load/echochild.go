package main

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// echoServeCommand is the hidden subcommand that runs the echo bot as a
// process of its own, as sakebot runs: the fair yardstick, since a bot
// inside the load tool's process shares its runtime and skips a process
// boundary sakebot pays for.
const echoServeCommand = "echo-serve"

// runEchoServe serves the echo bot until ctx ends or stdin closes (the
// load tool is gone), after printing its URL as the first line of stdout.
func runEchoServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet(echoServeCommand, flag.ContinueOnError)
	fs.SetOutput(stderr)
	secret := fs.String("secret", defaultSecret, "LINE channel secret")
	token := fs.String("token", defaultToken, "LINE channel access token")
	api := fs.String("api", "", "base URL of the (fake) LINE API, on loopback")
	dbURL := fs.String("database-url", "", "record each event id here before replying (echo-pg)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := requireLoopbackURL(*api); err != nil {
		return fmt.Errorf("--api: %w", err)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	var db *sql.DB
	if *dbURL != "" {
		var err error
		if db, err = openEchoDB(*dbURL); err != nil {
			return err
		}
		defer db.Close()
	}
	e, err := startEcho(*secret, *token, *api, db, log)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, e.url)
	gone := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, stdin); close(gone) }()
	select {
	case <-ctx.Done():
	case <-gone:
	}
	return e.close()
}

// openEchoDB opens the echo-pg bot's database, pooled as sakebot's is.
func openEchoDB(dbURL string) (*sql.DB, error) {
	if err := requireLoopbackURL(dbURL); err != nil {
		return nil, fmt.Errorf("--database-url: %w", err)
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	return db, nil
}

// echoChild is the echo bot running as a child process.
type echoChild struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	url   string
}

// startEchoChild starts this program's echo-serve subcommand and waits for
// its URL.
func startEchoChild(ctx context.Context, o options, fakeURL, dbURL string) (*echoChild, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := []string{echoServeCommand, "--secret", o.secret, "--token", o.token, "--api", fakeURL}
	if dbURL != "" {
		args = append(args, "--database-url", dbURL)
	}
	c := &echoChild{cmd: exec.Command(self, args...)}
	c.cmd.Stderr = os.Stderr
	if c.stdin, err = c.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := c.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the echo bot: %w", err)
	}
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- strings.TrimSpace(s)
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case c.url = <-line:
	case <-time.After(30 * time.Second):
	case <-ctx.Done():
	}
	if !strings.HasPrefix(c.url, "http://") {
		return nil, errors.Join(errors.New("the echo bot did not start"), c.stop())
	}
	return c, nil
}

// stop ends the child (SIGTERM, then its stdin closes) and waits for it.
func (c *echoChild) stop() error {
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	_ = c.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil // ended by our signal
		}
		return err
	case <-time.After(10 * time.Second):
		_ = c.cmd.Process.Kill()
		return errors.New("the echo bot did not stop; killed")
	}
}
