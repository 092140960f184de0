package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"
)

// createDatabase creates a database with a unique name on the server at
// srvURL, drops it (with FORCE) when the test ends, and returns its URL.
func createDatabase(t testing.TB, srvURL string) string {
	t.Helper()
	u, err := url.Parse(srvURL)
	if err != nil || u.Scheme == "" {
		t.Fatalf("%v: %v", errNotURL, err)
	}
	name := "sakebot_t_" + randomHex(8)
	admin, err := sql.Open("postgres", srvURL)
	if err != nil {
		t.Fatalf("connect to PostgreSQL: %v", err)
	}
	defer admin.Close()
	if err := createWithRetry(admin, name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() { dropDatabase(t, srvURL, name) })
	u.Path = "/" + name
	return u.String()
}

// createWithRetry creates database name, retrying while another session
// holds the template database (CREATE DATABASE run by parallel tests).
func createWithRetry(db *sql.DB, name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		_, err := db.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name))
		if pq.As(err, pqerror.ObjectInUse) == nil {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// dropDatabase drops database name, closing any connection left to it.
func dropDatabase(t testing.TB, srvURL, name string) {
	db, err := sql.Open("postgres", srvURL)
	if err != nil {
		t.Errorf("drop database %s: %v", name, err)
		return
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	quoted := pq.QuoteIdentifier(name)
	_, err = db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+quoted+" WITH (FORCE)")
	if pq.As(err, pqerror.SyntaxError) != nil { // before PostgreSQL 13
		_, err = db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+quoted)
	}
	if err != nil {
		t.Errorf("drop database %s: %v", name, err)
	}
}

// randomHex returns n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("storetest: random: %v", err))
	}
	return hex.EncodeToString(b)
}
