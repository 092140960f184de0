package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/eventfile"
)

// runEvents is `sakebot events export [FILE] | events import FILE`.
func runEvents(ctx context.Context, e *env, args []string) error {
	const usage = "events export [FILE] | events import FILE\n\n" +
		"export writes every event (説明会, 面談) as YAML (to FILE, or stdout);\n" +
		"import validates FILE, then creates its events without an id and changes those with one to match\n" +
		"(closing, reopening or cancelling them as its state says; cancelling tells the booked students)."
	fs := newFlags(e.stdout, "events", usage)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() >= 1 && fs.Arg(0) == "export" && fs.NArg() <= 2:
		return eventsExport(ctx, e, fs.Arg(1))
	case fs.NArg() == 2 && fs.Arg(0) == "import":
		return eventsImport(ctx, e, fs.Arg(1))
	}
	fs.Usage()
	return usageError{"events needs 'export [FILE]' or 'import FILE'"}
}

// eventsExport writes every event to path (stdout when empty or -).
func eventsExport(ctx context.Context, e *env, path string) error {
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	events, err := a.store.ListEvents(ctx, bot.EventFilter{})
	if err != nil {
		return err
	}
	if path == "" || path == "-" {
		return eventfile.Encode(e.stdout, events)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := eventfile.Encode(f, events); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "exported %d events to %s\n", len(events), path)
	return nil
}

// eventsImport reads and validates path, checks that every id it names
// exists, then saves each event through the Engine on behalf of "cli"
// and moves it to the state the file says.
func eventsImport(ctx context.Context, e *env, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	events, err := eventfile.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	var missing []string
	for i, ev := range events {
		if ev.ID == 0 {
			continue
		}
		stored, err := a.store.EventByID(ctx, ev.ID)
		switch {
		case errors.Is(err, bot.ErrNotFound):
			missing = append(missing, fmt.Sprint(ev.ID))
		case err != nil:
			return err
		default:
			events[i].Version = stored.Version
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: no event with id %s in the database (remove the id to create a new event); nothing imported",
			path, strings.Join(missing, ", "))
	}
	var created, updated int
	for _, ev := range events {
		state, isNew := ev.State, ev.ID == 0
		if err := a.engine.SaveEvent(ctx, &ev, "cli"); err != nil {
			return fmt.Errorf("%s: event %q: %w (%d created and %d updated before it)", path, ev.Title, err, created,
				updated)
		}
		if ev.State != state {
			if _, err := a.engine.SetEventState(ctx, ev.ID, state, "cli"); err != nil {
				return fmt.Errorf("%s: event %d state %s: %w", path, ev.ID, state, err)
			}
		}
		if isNew {
			created++
		} else {
			updated++
		}
	}
	fmt.Fprintf(e.stdout, "imported %d events (%d created, %d updated) from %s\n", len(events), created, updated, path)
	return nil
}
