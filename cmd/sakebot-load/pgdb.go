package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"

	"github.com/lib/pq"
)

// createDatabase creates a fresh database on the PostgreSQL server at
// server and returns its URL and a function that drops it.
func createDatabase(ctx context.Context, server string) (string, func() error, error) {
	u, err := url.Parse(server)
	if err != nil {
		return "", nil, fmt.Errorf("--pg-server: %w", err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "sakebot_load_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("postgres", server)
	if err != nil {
		return "", nil, err
	}
	defer admin.Close()
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(cctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
		return "", nil, fmt.Errorf("create database on %s: %w", u.Redacted(), err)
	}
	drop := func() error { return dropDatabase(server, name) }
	u.Path = "/" + name
	return u.String(), drop, nil
}

// dropDatabase drops database name, closing connections left to it.
func dropDatabase(server, name string) error {
	db, err := sql.Open("postgres", server)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(name)+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %s: %w", name, err)
	}
	return nil
}
