package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

func runChat(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "chat", "chat [--user ID]\n\nTalk to the bot as a candidate would on LINE. Type a choice's number or its text;\nend with Ctrl-D. The same --user on a later run continues the same conversation.")
	user := fs.String("user", "local", "the candidate's user id (use the same one to continue a conversation)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*user) == "" {
		return usageError{"--user must not be empty"}
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	c := &chat{app: a, out: e.stdout, key: bot.UserKey{Channel: bot.ChannelCLI, UserID: *user}, prompt: isTerminal(e.stdin)}
	if err := c.send(ctx, bot.Incoming{Kind: bot.KindOpen}); err != nil {
		return err
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for c.showPrompt(); sc.Scan(); c.showPrompt() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if err := c.send(ctx, c.incoming(line)); err != nil {
			return err
		}
	}
	return sc.Err()
}

// chat is one terminal conversation.
type chat struct {
	app     *app
	out     io.Writer
	key     bot.UserKey
	prompt  bool
	choices []bot.Choice // offered by the last reply, picked by number
}

func (c *chat) showPrompt() {
	if c.prompt {
		fmt.Fprint(c.out, "あなた> ")
	}
}

// incoming turns a typed line into an event: a number picks a choice.
func (c *chat) incoming(line string) bot.Incoming {
	if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(c.choices) {
		ch := c.choices[n-1]
		if ch.Postback != "" {
			return bot.Incoming{Kind: bot.KindPostback, Postback: ch.Postback, Text: ch.Text}
		}
		line = ch.Text
	}
	return bot.Incoming{Kind: bot.KindMessage, Text: line}
}

func (c *chat) send(ctx context.Context, in bot.Incoming) error {
	in.Key = c.key
	replies, err := c.app.engine.Handle(ctx, in)
	if err != nil {
		return err
	}
	c.choices = nil
	for _, r := range replies {
		c.render(r)
	}
	return nil
}

// render prints one reply: its text, the summary card, the slots and the
// choices numbered (typing a number picks it), and its links as URLs.
func (c *chat) render(r bot.Reply) {
	text, choices := r.Text, r.Choices
	if r.Summary != nil {
		text, choices = bot.SummaryText(r.Summary), r.Summary.Choices
	}
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintln(c.out, "ボット> "+line)
	}
	var picks []bot.Choice
	for _, s := range r.Slots {
		picks = append(picks, s.Choice)
		fmt.Fprintf(c.out, "      [%d] %s %s『%s』 %s 残り%d席 … %s\n", len(picks), s.When, s.Kind, s.Title,
			s.Place, s.SeatsLeft, s.Choice.Label)
	}
	for _, l := range r.Links {
		fmt.Fprintln(c.out, "ボット> "+l.Label+"："+l.URL)
	}
	if len(choices) > 0 {
		parts := make([]string, len(choices))
		for i, ch := range choices {
			parts[i] = fmt.Sprintf("[%d] %s", len(picks)+i+1, ch.Label)
		}
		fmt.Fprintln(c.out, "      "+strings.Join(parts, "  "))
		picks = append(picks, choices...)
	}
	if len(picks) > 0 {
		c.choices = picks
	}
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
