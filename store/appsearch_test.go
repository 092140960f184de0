package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

// searchApps are the applications of the search tests, by name: 北見 as
// the form stores it (U+3000, digits-only phone), 網走 as older data may
// hold it (an ASCII space, a phone with hyphens), and one with LIKE's
// wildcards in its name and e-mail.
var searchApps = []bot.Application{
	{Name: "北見　太郎", Kana: "キタミ　タロウ", School: "北見工業大学", Email: "kitami.taro@example.jp", Phone: "08011112222"},
	{Name: "網走 花子", Kana: "アバシリ　ハナコ", School: "東京農業大学", Email: "hanako@example.jp", Phone: "0157-23-4567"},
	{Name: "100% 本気", Kana: "ホンキ", School: "札幌学院大学", Email: "hon_ki@example.jp", Phone: "09033334444"},
}

// submitSearchApps stores searchApps, each for its own LINE user, and
// returns them as stored.
func submitSearchApps(t *testing.T, s *store.Store) []bot.Application {
	t.Helper()
	stored := make([]bot.Application, len(searchApps))
	for i, a := range searchApps {
		c := addCandidate(t, s, lineUser(fmt.Sprintf("U-search-%d", i)))
		a.CandidateID = c.ID
		inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.CreateApplication(context.Background(), &a) })
		stored[i] = a
	}
	return stored
}

// searchNames lists the names of the applications ListApplications finds
// for query, newest first.
func searchNames(t *testing.T, s *store.Store, query string) string {
	t.Helper()
	apps, err := s.ListApplications(context.Background(), bot.ApplicationFilter{Query: query})
	must(t, err)
	names := make([]string, 0, len(apps))
	for _, a := range apps {
		names = append(names, a.Name)
	}
	return strings.Join(names, ",")
}

// TestSearchApplicationsHoweverTyped: a name, reading, phone, e-mail or
// reference is found however the query types it, on both engines.
func TestSearchApplicationsHoweverTyped(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		apps := submitSearchApps(t, s)
		const kitami, abashiri, honki = "北見　太郎", "網走 花子", "100% 本気"
		cases := []struct{ query, want string }{
			// Readings: hiragana, katakana, half-width kana.
			{"きたみ", kitami},
			{"キタミ", kitami},
			{"ｷﾀﾐ", kitami},
			{"ｷﾀﾐ ﾀﾛｳ", kitami},
			{"きたみたろう", kitami},
			{"あばしり　はなこ", abashiri},
			// Names: with and without spaces of either width.
			{"北見 太郎", kitami},
			{"北見太郎", kitami},
			{"北見　太郎", kitami},
			{"網走花子", abashiri},
			{"網走　花子", abashiri},
			// Phones: hyphens or not, full-width digits, ー for a hyphen,
			// whichever way the number was stored.
			{"080-1111-2222", kitami},
			{"08011112222", kitami},
			{"０８０１１１１２２２２", kitami},
			{"080ー1111ー2222", kitami},
			{"1111-2222", kitami},
			{"0157234567", abashiri},
			{"0157-23-4567", abashiri},
			// E-mail and school: width and case.
			{"KITAMI.TARO@EXAMPLE.JP", kitami},
			{"ｋｉｔａｍｉ．ｔａｒｏ", kitami},
			{"東京農業", abashiri},
			// LIKE's wildcards are literal.
			{"%", honki},
			{"_", honki},
			{"0%", honki},
			{"n_k", honki},
			{"%%", ""},
			{"h_n", ""},
			{"北%", ""},
			// Unrelated queries, and a match never spans two fields
			// (name then reading).
			{"札幌市", ""},
			{"さっぽろ", ""},
			{"09099998888", ""},
			{"nobody", ""},
			{"太郎きたみ", ""},
			{"---", ""},
			// Shared by all.
			{"example", honki + "," + abashiri + "," + kitami},
			{"大学", honki + "," + abashiri + "," + kitami},
		}
		for _, c := range cases {
			if got := searchNames(t, s, c.query); got != c.want {
				t.Errorf("search %q = %q, want %q", c.query, got, c.want)
			}
		}
		for _, ref := range refVariants(apps[1].Ref) {
			if got := searchNames(t, s, ref); got != abashiri {
				t.Errorf("search %q = %q, want %q", ref, got, abashiri)
			}
		}
	})
}

// refVariants are ways staff may type a reference number: as shown, in
// lower case, without hyphens, in full width.
func refVariants(ref string) []string {
	full := strings.Map(func(r rune) rune {
		if r >= '!' && r <= '~' {
			return r + 0xFEE0
		}
		return r
	}, ref)
	return []string{ref, strings.ToLower(ref), strings.ReplaceAll(ref, "-", ""), full}
}

// TestSearchKeysBackfilledAtMigrate: applications stored before the search
// key existed get theirs when Migrate runs, and are found by it.
func TestSearchKeysBackfilledAtMigrate(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		submitSearchApps(t, s)
		must(t, s.DownTo(ctx, 12)) // drops the keys, keeps the rows
		must(t, s.Migrate(ctx))
		for query, want := range map[string]string{"きたみ": "北見　太郎", "網走花子": "網走 花子", "0157234567": "網走 花子"} {
			if got := searchNames(t, s, query); got != want {
				t.Errorf("search %q after Migrate = %q, want %q", query, got, want)
			}
		}
		must(t, s.Migrate(ctx)) // nothing left to backfill
	})
}

// TestForgottenApplicationIsNotFound: forgetting a candidate takes their
// search key with the application.
func TestForgottenApplicationIsNotFound(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		submitSearchApps(t, s)
		_, err := s.ForgetCandidate(ctx, lineUser("U-search-0"), "admin")
		must(t, err)
		for _, q := range []string{"きたみ", "08011112222", "kitami.taro"} {
			if got := searchNames(t, s, q); got != "" {
				t.Errorf("search %q after forgetting = %q, want nothing", q, got)
			}
		}
		if got := searchNames(t, s, "あばしり"); got != "網走 花子" {
			t.Errorf("search あばしり = %q, want the other application", got)
		}
	})
}
