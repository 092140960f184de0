package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"time"

	_ "github.com/lib/pq" // the "postgres" driver
)

// defaultURL is the server tried when EnvDatabaseURL is unset; tests of
// this package change it.
var defaultURL = DefaultPostgresURL

// probeTimeout bounds how long a server may take to answer the probe.
const probeTimeout = 3 * time.Second

// srv is the PostgreSQL server of this test binary, found once.
var srv struct {
	once sync.Once
	url  string // server URL; databases are created on it
	err  error  // why there is none
	stop func() // stops a throwaway cluster; nil otherwise
	mu   sync.Mutex
}

// server returns the URL of the PostgreSQL server tests create databases
// on, finding or starting it on first use.
func server() (string, error) {
	srv.once.Do(func() {
		srv.url, srv.err = findServer()
	})
	return srv.url, srv.err
}

// findServer tries the configured server, the local default, and a
// throwaway cluster, in that order.
func findServer() (string, error) {
	if u := os.Getenv(EnvDatabaseURL); u != "" {
		if err := probe(u); err != nil {
			return "", fmt.Errorf("%w: %s is set but the server does not answer: %w", errBadServer, EnvDatabaseURL, err)
		}
		return u, nil
	}
	defaultErr := probe(defaultURL)
	if defaultErr == nil {
		return defaultURL, nil
	}
	u, stop, err := startCluster()
	if err != nil {
		return "", fmt.Errorf("%s unset, no server at the local default (%v), no throwaway cluster (%w)",
			EnvDatabaseURL, defaultErr, err)
	}
	srv.mu.Lock()
	srv.stop = stop
	srv.mu.Unlock()
	return u, nil
}

// Shutdown stops the throwaway PostgreSQL cluster, if this test binary
// started one. It is safe to call more than once.
func Shutdown() {
	srv.mu.Lock()
	stop := srv.stop
	srv.stop = nil
	srv.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// probe checks that a PostgreSQL server answers at u, quickly.
func probe(u string) error {
	db, err := sql.Open("postgres", withParam(u, "connect_timeout", "3"))
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	return db.PingContext(ctx)
}

// withParam returns u with the query parameter key set to value, unless u
// sets it already or is not a URL.
func withParam(u, key, value string) string {
	parsed, err := url.Parse(u)
	if err != nil || parsed.Scheme == "" {
		return u
	}
	q := parsed.Query()
	if q.Get(key) == "" {
		q.Set(key, value)
	}
	parsed.RawQuery = q.Encode()
	return parsed.String()
}

// errBadServer marks a configured server that does not work: a test
// fails on it rather than skip.
var errBadServer = errors.New("misconfigured PostgreSQL")

// errNotURL is returned for a server address that is not a URL.
var errNotURL = errors.New("the PostgreSQL server must be given as a postgres:// URL")
