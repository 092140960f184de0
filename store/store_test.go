package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestOpenRejectsBadURLs(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"", "   ", "mysql://localhost/db", "sqlite:", "sakebot.db"} {
		if s, err := store.Open(ctx, u, storetest.Now); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want an error", u)
		}
	}
}

func TestOpenSQLiteForms(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, u := range []string{"sqlite:" + dir + "/a.db", "sqlite://" + dir + "/b.db",
		"file:" + dir + "/c.db", "SQLITE:" + dir + "/d.db?_pragma=synchronous(NORMAL)", "sqlite::memory:"} {
		s, err := store.Open(ctx, u, storetest.Now)
		if err != nil {
			t.Errorf("Open(%q): %v", u, err)
			continue
		}
		if s.Dialect() != store.DialectSQLite {
			t.Errorf("Open(%q).Dialect() = %q", u, s.Dialect())
		}
		if err := s.Migrate(ctx); err != nil {
			t.Errorf("Open(%q).Migrate: %v", u, err)
		}
		s.Close()
	}
}

func TestMigrate(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		ctx := context.Background()
		s, err := store.Open(ctx, url, storetest.Now)
		must(t, err)
		defer s.Close()
		want := map[bool]string{true: store.DialectPostgres, false: store.DialectSQLite}[strings.HasPrefix(url, "postgres")]
		if s.Dialect() != want {
			t.Errorf("Dialect() = %q, want %q", s.Dialect(), want)
		}
		if err := s.Ready(ctx); err == nil {
			t.Error("Ready before Migrate = nil, want an error")
		}
		must(t, s.Migrate(ctx))
		must(t, s.Ready(ctx))
		must(t, s.Migrate(ctx)) // a no-op the second time
		must(t, s.Ready(ctx))
		if rev, err := s.FAQRevision(ctx); err != nil || rev != 0 {
			t.Errorf("FAQRevision of a new database = %d, %v; want 0", rev, err)
		}
	})
}
