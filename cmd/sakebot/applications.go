package main

import (
	"context"
	"os"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/export"
)

func runApplications(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "applications", "applications export [--format csv|json] [--status STATUS]\n\nWrites applications to stdout: CSV for Excel (UTF-8 with BOM) or JSON with the values as stored.")
	format := fs.String("format", "csv", "csv or json")
	status := fs.String("status", "", "only applications in this status (submitted, screening, interview, offer, declined, withdrawn)")
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
	if *status != "" && !bot.Status(*status).Valid() {
		return usageError{"unknown --status " + *status}
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	apps, err := a.store.ListApplications(ctx, bot.ApplicationFilter{Status: bot.Status(*status)})
	if err != nil {
		return err
	}
	if *format == "json" {
		return export.JSON(e.stdout, apps)
	}
	return export.CSV(e.stdout, apps)
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

func isValueFlag(a string) bool {
	switch a {
	case "-format", "--format", "-status", "--status":
		return true
	}
	return false
}
