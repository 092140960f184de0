// Package storetest gives tests real databases: a fresh SQLite file, and a
// fresh PostgreSQL database on a test server, each dropped when the test
// ends, so tests and packages never see each other's rows.
//
// The PostgreSQL server comes from SAKEBOT_TEST_DATABASE_URL; else the local
// default postgres://postgres@127.0.0.1:5432/test is tried; else, when
// initdb and pg_ctl are on PATH (and the tests do not run as root), a
// throwaway cluster is started in a temporary directory, once per test
// binary. A package that may start one stops it from TestMain:
//
//	func TestMain(m *testing.M) { storetest.Main(m) }
//
// When no server can be had, PostgreSQL tests skip, unless
// SAKEBOT_REQUIRE_POSTGRES is set (as in CI): then they fail. A
// SAKEBOT_TEST_DATABASE_URL that does not answer always fails them.
package storetest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/store"
)

// The environment the helpers read.
const (
	// EnvDatabaseURL names a PostgreSQL server URL to create test databases on.
	EnvDatabaseURL = "SAKEBOT_TEST_DATABASE_URL"
	// EnvRequirePostgres, when not empty, makes a missing PostgreSQL fail tests
	// instead of skipping them.
	EnvRequirePostgres = "SAKEBOT_REQUIRE_POSTGRES"
	// DefaultPostgresURL is the server tried when EnvDatabaseURL is unset.
	DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
)

// SQLiteURL returns the URL of a new SQLite database file in the test's
// temporary directory.
func SQLiteURL(t testing.TB) string {
	t.Helper()
	return "sqlite:" + filepath.Join(t.TempDir(), "sakebot.db")
}

// PostgresURL returns the URL of a new, empty PostgreSQL database, dropped
// when the test ends. It skips the test when no server is available (fails
// it when SAKEBOT_REQUIRE_POSTGRES is set).
func PostgresURL(t testing.TB) string {
	t.Helper()
	srv, err := server()
	if err != nil {
		if errors.Is(err, errBadServer) {
			t.Fatal(err)
		}
		if os.Getenv(EnvRequirePostgres) != "" {
			t.Fatalf("PostgreSQL is required (%s is set) but unavailable: %v", EnvRequirePostgres, err)
		}
		t.Skipf("skipping PostgreSQL tests: %v (set %s to a server URL, or install initdb and pg_ctl)",
			err, EnvDatabaseURL)
	}
	return createDatabase(t, srv)
}

// ForEachEngine runs fn as the subtests "sqlite" and "postgres", each with
// the URL of a fresh database of that engine.
func ForEachEngine(t *testing.T, fn func(t *testing.T, url string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLiteURL(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, PostgresURL(t)) })
}

// Open opens the database at url, on clock, and migrates it; the store is
// closed when the test ends.
func Open(t testing.TB, url string, clock func() time.Time) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, url, clock)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return s
}

// Main runs the tests of a package and then Shutdown; call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Shutdown()
	os.Exit(code)
}
