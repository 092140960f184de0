package store

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"  // registers the "postgres" driver
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

func init() {
	// sqlx knows modernc's driver name only since later versions.
	sqlx.BindDriver("sqlite", sqlx.QUESTION)
}

// sqlitePragmas are added to every SQLite DSN: wait up to 10 s for a lock,
// write-ahead logging (readers beside a writer), enforced foreign keys, and
// BEGIN IMMEDIATE, so a write transaction takes the write lock at its start
// and two transactions never deadlock upgrading a read lock.
const sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
	"&_pragma=foreign_keys(1)&_txlock=immediate"

// connConfig is what Open needs to know about a database URL.
type connConfig struct {
	dialect string // DialectPostgres or DialectSQLite
	driver  string // the database/sql driver name
	dsn     string // what the driver opens
	memory  bool   // an in-memory SQLite database
}

// parseURL turns a DATABASE_URL into a driver and its DSN.
func parseURL(databaseURL string) (connConfig, error) {
	u := strings.TrimSpace(databaseURL)
	switch {
	case u == "":
		return connConfig{}, errors.New("store: empty database URL")
	case hasPrefixFold(u, "postgres://"), hasPrefixFold(u, "postgresql://"):
		return connConfig{dialect: DialectPostgres, driver: "postgres", dsn: withPGDefaults(u)}, nil
	case hasPrefixFold(u, "sqlite://"):
		return sqliteConfig(u[len("sqlite://"):])
	case hasPrefixFold(u, "sqlite:"):
		return sqliteConfig(u[len("sqlite:"):])
	case hasPrefixFold(u, "file:"):
		return sqliteConfig(u)
	}
	scheme, _, _ := strings.Cut(u, ":")
	return connConfig{}, fmt.Errorf("store: unsupported database URL scheme %q (want postgres://, sqlite: or file:)", scheme)
}

// pgDefaults are the connection settings added to a PostgreSQL URL that
// does not set them:
//
//   - lib/pq's binary_parameters=yes: a statement with arguments takes one
//     round trip (parse, bind and execute sent together) instead of two
//     (lib/pq otherwise prepares an unnamed statement first). The store
//     passes no []byte arguments, the only ones the option changes.
//   - plan_cache_mode=force_custom_plan, sent to PostgreSQL: the fast
//     lane's prepared statements (see lanePGSQL) are parsed once but
//     planned with each batch's values. A generic plan would be kept until
//     the next ANALYZE, and one made while the queue tables are small (a
//     fresh database) scans them whole once they have grown. Statements
//     that are not prepared are planned with their values anyway.
var pgDefaults = []string{"binary_parameters=yes", "plan_cache_mode=force_custom_plan"}

// withPGDefaults adds pgDefaults to a PostgreSQL URL, each unless the URL
// sets it.
func withPGDefaults(u string) string {
	for _, kv := range pgDefaults {
		key, _, _ := strings.Cut(kv, "=")
		if strings.Contains(u, key+"=") {
			continue
		}
		if strings.Contains(u, "?") {
			u += "&" + kv
		} else {
			u += "?" + kv
		}
	}
	return u
}

// sqliteConfig builds the modernc DSN for a path or file: URI, keeping any
// query parameters the caller gave after the defaults.
func sqliteConfig(target string) (connConfig, error) {
	path, query, _ := strings.Cut(target, "?")
	if path == "" || path == "file:" {
		return connConfig{}, errors.New("store: sqlite URL without a path")
	}
	if _, err := url.ParseQuery(query); err != nil {
		return connConfig{}, fmt.Errorf("store: sqlite URL parameters: %w", err)
	}
	dsn := path + "?" + sqlitePragmas
	if query != "" {
		dsn += "&" + query
	}
	memory := strings.Contains(path, ":memory:") || strings.Contains(query, "mode=memory")
	return connConfig{dialect: DialectSQLite, driver: "sqlite", dsn: dsn, memory: memory}, nil
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
