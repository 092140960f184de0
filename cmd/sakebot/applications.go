package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/export"
)

// runApplications exports applications, optionally only those in one
// status or of one channel.
func runApplications(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "applications", "applications export [--format csv|json] [--status STATUS] [--channel CHANNEL]\n\nWrites applications to stdout: CSV for Excel (UTF-8 with BOM) or JSON with the values as stored.")
	format := fs.String("format", "csv", "csv or json")
	status := fs.String("status", "", "only applications in this status, by key or Japanese name: "+statusChoices())
	channel := fs.String("channel", "", "only applications made on this channel, by key or name: "+channelChoices())
	if err := parseFlags(fs, reorderFlags(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "export" {
		fs.Usage()
		return usageError{"applications needs 'export'"}
	}
	if *format != "csv" && *format != "json" {
		return usageError{"--format must be csv or json"}
	}
	st, ok := parseStatus(*status)
	if !ok {
		return usageError{fmt.Sprintf("unknown --status %q (use one of: %s)", *status, statusChoices())}
	}
	ch, ok := parseChannel(*channel)
	if !ok {
		return usageError{fmt.Sprintf("unknown --channel %q (use one of: %s)", *channel, channelChoices())}
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	apps, err := a.store.ListApplications(ctx, bot.ApplicationFilter{Status: st, Channel: ch})
	if err != nil {
		return err
	}
	if *format == "json" {
		return export.JSON(e.stdout, apps)
	}
	return export.CSV(e.stdout, apps)
}

// parseStatus reads a --status value: empty (every status), an English key
// such as "offer", or the Japanese name shown elsewhere, such as "内定".
func parseStatus(s string) (bot.Status, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	for _, st := range bot.Statuses {
		// The Slack buttons say 面談調整 for 面談調整中: both are accepted.
		if s == string(st) || s == st.Label() || s == strings.TrimSuffix(st.Label(), "中") {
			return st, true
		}
	}
	return "", false
}

// statusChoices lists the statuses as "key (名前)", in selection order.
func statusChoices() string {
	var b strings.Builder
	for i, st := range bot.Statuses {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%s)", st, st.Label())
	}
	return b.String()
}

// parseChannel reads a --channel value: empty (every channel), a key such
// as "web", or the name shown on the admin page, such as "Webチャット"; case
// does not matter.
func parseChannel(s string) (bot.Channel, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	for _, c := range bot.Channels() {
		if strings.EqualFold(s, string(c)) || strings.EqualFold(s, c.Label()) {
			return c, true
		}
	}
	return "", false
}

// channelChoices lists the channels as "key (名前)", in the admin page's
// order.
func channelChoices() string {
	var b strings.Builder
	for i, c := range bot.Channels() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%s)", c, c.Label())
	}
	return b.String()
}

// reorderFlags moves flags before positional arguments, so both
// "export --format json" and "--format json export" work.
func reorderFlags(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) && isValueFlag(a) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(flags, rest...)
}

// isValueFlag reports whether flag a takes the next argument as its value.
func isValueFlag(a string) bool {
	switch a {
	case "-format", "--format", "-status", "--status", "-channel", "--channel":
		return true
	}
	return false
}
