package main

import (
	"context"
	"fmt"
	"os"
	"time"
)

func runPurge(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "purge", "purge [--months N]\n\nDeletes personal data older than the retention period (RETENTION_MONTHS, default 12):\napplications, conversations, handoffs, candidates with nothing left, unanswered questions.\n`serve` also does this once a day. Each run is recorded in the deletion log, without the data.")
	months := fs.Int("months", e.cfg.RetentionMonths, "the retention period in months")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *months < 1 {
		return usageError{"--months must be 1 or more"}
	}
	a, err := openApp(ctx, e, quietLogger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	n, err := a.store.Purge(ctx, retentionCutoff(e.now(), *months))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "deleted %d rows older than %d months\n", n, *months)
	return nil
}

// retentionCutoff is the moment before which data is too old to keep.
func retentionCutoff(now time.Time, months int) time.Time {
	return now.AddDate(0, -months, 0)
}
