package storetest

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestFindServerFallsBackToCluster hides every configured server: the
// helper must start a throwaway cluster, or (as root, or without the
// binaries) explain why not.
func TestFindServerFallsBackToCluster(t *testing.T) {
	t.Setenv(EnvDatabaseURL, "")
	defaultURL = "postgres://postgres@127.0.0.1:1/none?sslmode=disable"
	defer func() { defaultURL = DefaultPostgresURL }()

	u, err := findServer()
	_, lookErr := exec.LookPath("initdb")
	if os.Geteuid() == 0 || lookErr != nil {
		if err == nil || !strings.Contains(err.Error(), "no throwaway cluster") {
			t.Fatalf("findServer = %q, %v; want an error explaining there is no cluster", u, err)
		}
		t.Logf("no cluster can start here, as expected: %v", err)
		return
	}
	if err != nil {
		t.Fatalf("findServer: %v", err)
	}
	t.Cleanup(Shutdown) // after the database is dropped
	if err := probe(u); err != nil {
		t.Fatalf("the cluster at %s does not answer: %v", u, err)
	}
	dbURL := createDatabase(t, u)
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var name string
	if err := db.QueryRowContext(context.Background(), "SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(name, "sakebot_t_") {
		t.Errorf("connected to %q, want a sakebot_t_ database", name)
	}
}

// TestShutdownWithoutCluster is a no-op, twice.
func TestShutdownWithoutCluster(t *testing.T) {
	Shutdown()
	Shutdown()
}
