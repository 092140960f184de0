package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

func runForget(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "forget", "forget [--channel line|slack|cli] USER_ID\n\nDeletes a candidate's personal data: the candidate, the conversation, applications and handoffs.")
	channel := fs.String("channel", "line", "the channel the user id belongs to")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		fs.Usage()
		return usageError{"forget needs exactly one USER_ID"}
	}
	ch := bot.Channel(*channel)
	if ch != bot.ChannelLINE && ch != bot.ChannelSlack && ch != bot.ChannelCLI {
		return usageError{fmt.Sprintf("unknown channel %q (use line, slack or cli)", *channel)}
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	deleted, err := a.engine.ForgetCandidate(ctx, bot.UserKey{Channel: ch, UserID: fs.Arg(0)}, "cli")
	if err != nil {
		return err
	}
	if !deleted {
		fmt.Fprintln(e.stdout, "no data stored for that user")
		return nil
	}
	fmt.Fprintln(e.stdout, "deleted the candidate's personal data")
	return nil
}
