package main

import (
	"context"
	"fmt"

	"github.com/sakemodel/sakebot/store"
)

func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e.stdout, "migrate", "migrate\n\nApplies the embedded database migrations to DATABASE_URL.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	s, err := store.Open(ctx, e.cfg.DatabaseURL, e.now)
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	fmt.Fprintln(e.stdout, "migrations applied")
	return nil
}
