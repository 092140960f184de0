package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// env is what every subcommand gets: configuration and standard streams.
type env struct {
	cfg    config
	stdin  io.Reader
	stdout io.Writer
	// now is the one clock, handed to the store, the engine, the worker
	// and the channels: every time the domain reasons about comes from it.
	now func() time.Time
}

func commands() []command {
	return []command{
		{"serve", "run the HTTP server (the default)", runServe},
		{"chat", "talk to the bot in the terminal as a candidate would", runChat},
		{"ask", "answer questions from the FAQ", runAsk},
		{"migrate", "apply database migrations", runMigrate},
		{"faq", "export or import the FAQ as YAML", runFAQ},
		{"events", "export or import events (説明会, 面談) as YAML", runEvents},
		{"applications", "export applications as CSV or JSON", runApplications},
		{"forget", "delete a candidate's personal data", runForget},
		{"staff", "manage the admin page's staff accounts (add, list, disable, reset-password)", runStaff},
		{"purge", "delete personal data older than the retention period", runPurge},
		{"line", "set up LINE: 'line richmenu' installs the default rich menu", runLINE},
	}
}

// run is the whole program: main only calls it, and tests can too.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	e := &env{cfg: cfg, stdin: stdin, stdout: stdout, now: time.Now}
	rest := args[1:]
	if len(rest) == 0 || strings.HasPrefix(rest[0], "-") && rest[0] != "-h" && rest[0] != "--help" && rest[0] != "-help" {
		return runServe(ctx, e, rest)
	}
	name := rest[0]
	if name == "-h" || name == "--help" || name == "-help" || name == "help" {
		printUsage(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			err := c.run(ctx, e, rest[1:])
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	return usageError{fmt.Sprintf("unknown command %q", name)}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: sakebot [COMMAND] [FLAGS]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'sakebot COMMAND --help' for a command's flags. Configuration comes from the environment (and .env); see README.md.")
}

// newFlags returns a flag set that prints its usage to w and returns errors.
func newFlags(w io.Writer, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: sakebot %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
