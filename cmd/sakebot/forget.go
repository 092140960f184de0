package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// runForget deletes one candidate's personal data, naming the channel it
// searched, and fails when that channel holds no such candidate.
func runForget(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "forget", "forget [--channel line|slack|web|cli] USER_ID\n\nDeletes a candidate's personal data: the candidate, the conversation, applications and handoffs.")
	channel := fs.String("channel", "line", "the channel the user id belongs to")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		fs.Usage()
		return usageError{"forget needs exactly one USER_ID"}
	}
	ch := bot.Channel(*channel)
	if !ch.Valid() {
		return usageError{fmt.Sprintf("unknown channel %q (use line, slack, web or cli)", *channel)}
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	id := fs.Arg(0)
	deleted, err := a.engine.ForgetCandidate(ctx, bot.UserKey{Channel: ch, UserID: id}, "cli")
	if err != nil {
		return err
	}
	if !deleted {
		return fmt.Errorf("forget: no candidate %s on channel %s", id, ch)
	}
	fmt.Fprintf(e.stdout, "deleted the personal data of candidate %s on channel %s\n", id, ch)
	return nil
}
