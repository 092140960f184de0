package store_test

import (
	"context"
	"fmt"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// refPattern is the reference number format.
var refPattern = regexp.MustCompile(`^SK-\d{4}-\d{4}$`)

func TestCreateApplication(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := addCandidate(t, s, lineUser("U-app"))
		a := submit(t, s, c, "北見 太郎")
		year := storetest.Now().In(time.FixedZone("JST", 9*3600)).Year()
		if want := fmt.Sprintf("SK-%d-0001", year); a.Ref != want {
			t.Errorf("Ref = %q, want %q", a.Ref, want)
		}
		if a.ID == 0 || a.Status != bot.StatusSubmitted || a.Key != c.Key {
			t.Errorf("created = %+v", a)
		}
		recent(t, "CreatedAt", a.CreatedAt)

		got, err := s.Application(ctx, a.ID)
		must(t, err)
		if got != a {
			t.Errorf("Application = %+v\nwant %+v", got, a)
		}
		inTx(t, s, c.Key, func(tx bot.Tx) error {
			latest, err := tx.LatestApplication(ctx, c.ID)
			if err == nil && latest.ID != a.ID {
				t.Errorf("LatestApplication = %d, want %d", latest.ID, a.ID)
			}
			return err
		})
		events, err := s.ApplicationEvents(ctx, a.ID)
		must(t, err)
		if len(events) != 1 || events[0].Action != "submitted" || events[0].Actor != "candidate" ||
			events[0].To != string(bot.StatusSubmitted) {
			t.Errorf("events = %+v, want one submitted", events)
		}
		sameTime(t, "event At", events[0].At, a.CreatedAt)

		_, err = s.Application(ctx, 999999)
		wantErr(t, err, bot.ErrNotFound)
		_, err = s.ApplicationEvents(ctx, 999999)
		wantErr(t, err, bot.ErrNotFound)
		inTx(t, s, c.Key, func(tx bot.Tx) error {
			_, err := tx.LatestApplication(ctx, 999999)
			wantErr(t, err, bot.ErrNotFound)
			return nil
		})
	})
}

func TestOneActiveApplication(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := addCandidate(t, s, lineUser("U-active"))
		first := submit(t, s, c, "一回目")

		second := application(c, "二回目")
		err := s.InTx(ctx, c.Key, func(tx bot.Tx) error { return tx.CreateApplication(ctx, &second) })
		wantErr(t, err, bot.ErrActiveApplication)

		// The transaction stays usable after the refusal, so the engine can answer.
		inTx(t, s, c.Key, func(tx bot.Tx) error {
			again := application(c, "二回目")
			wantErr(t, tx.CreateApplication(ctx, &again), bot.ErrActiveApplication)
			conv := bot.Conversation{Key: c.Key}
			return tx.SaveConversation(ctx, &conv)
		})

		_, err = s.SetApplicationStatus(ctx, first.ID, bot.StatusWithdrawn, "candidate")
		must(t, err)
		second = submit(t, s, c, "二回目")
		if second.Ref == first.Ref {
			t.Errorf("two applications share the reference %s", first.Ref)
		}

		// Reactivating the first while the second is active: the database says no.
		_, err = s.SetApplicationStatus(ctx, first.ID, bot.StatusScreening, "U-recruiter")
		wantErr(t, err, bot.ErrActiveApplication)
		got, err := s.Application(ctx, first.ID)
		must(t, err)
		if got.Status != bot.StatusWithdrawn {
			t.Errorf("refused reactivation left status %q", got.Status)
		}

		orphan := bot.Application{CandidateID: 999999, Name: "誰"}
		err = s.InTx(ctx, c.Key, func(tx bot.Tx) error { return tx.CreateApplication(ctx, &orphan) })
		wantErr(t, err, bot.ErrNotFound)
	})
}

func TestSetApplicationStatus(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a := submit(t, s, addCandidate(t, s, lineUser("U-status")), "北見 花子")

		got, err := s.SetApplicationStatus(ctx, a.ID, bot.StatusScreening, "U-recruiter")
		must(t, err)
		if got.Status != bot.StatusScreening || got.UpdatedAt.Before(a.UpdatedAt) {
			t.Errorf("after change = %+v", got)
		}
		stored, err := s.Application(ctx, a.ID)
		must(t, err)
		if stored != got {
			t.Errorf("stored = %+v\nreturned %+v", stored, got)
		}
		_, err = s.SetApplicationStatus(ctx, a.ID, bot.StatusScreening, "U-recruiter") // no change
		must(t, err)
		_, err = s.SetApplicationStatus(ctx, a.ID, bot.StatusOffer, "admin")
		must(t, err)

		events, err := s.ApplicationEvents(ctx, a.ID)
		must(t, err)
		want := []string{"candidate submitted →submitted", "U-recruiter status submitted→screening",
			"admin status screening→offer"}
		if len(events) != len(want) {
			t.Fatalf("events = %+v, want %v", events, want)
		}
		for i, e := range events {
			if got := fmt.Sprintf("%s %s %s→%s", e.Actor, e.Action, e.From, e.To); got != want[i] {
				t.Errorf("event %d = %q, want %q", i, got, want[i])
			}
			if e.ApplicationID != a.ID {
				t.Errorf("event %d of application %d", i, e.ApplicationID)
			}
		}

		_, err = s.SetApplicationStatus(ctx, 999999, bot.StatusOffer, "admin")
		wantErr(t, err, bot.ErrNotFound)
		if _, err := s.SetApplicationStatus(ctx, a.ID, "hired", "admin"); err == nil {
			t.Error("an unknown status was accepted")
		}
		must(t, s.SetApplicationNotice(ctx, a.ID, "C123", "1700000000.000100"))
		stored, err = s.Application(ctx, a.ID)
		must(t, err)
		if stored.SlackChannel != "C123" || stored.SlackTS != "1700000000.000100" {
			t.Errorf("notice not stored: %+v", stored)
		}
		wantErr(t, s.SetApplicationNotice(ctx, 999999, "C", "1"), bot.ErrNotFound)
	})
}

func TestListApplications(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		names := []string{"Taro Kitami", "花子", "Jiro_Abashiri", "100% 本気"}
		apps := make([]bot.Application, len(names))
		for i, n := range names {
			apps[i] = submit(t, s, addCandidate(t, s, lineUser(fmt.Sprintf("U-list-%d", i))), n)
		}
		_, err := s.SetApplicationStatus(ctx, apps[1].ID, bot.StatusInterview, "admin")
		must(t, err)

		list := func(f bot.ApplicationFilter) []string {
			t.Helper()
			got, err := s.ListApplications(ctx, f)
			must(t, err)
			names := []string{}
			for _, a := range got {
				names = append(names, a.Name)
			}
			return names
		}
		check := func(f bot.ApplicationFilter, want ...string) {
			t.Helper()
			if want == nil {
				want = []string{}
			}
			if got := list(f); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("ListApplications(%+v) = %q, want %q", f, got, want)
			}
		}
		check(bot.ApplicationFilter{}, "100% 本気", "Jiro_Abashiri", "花子", "Taro Kitami")
		check(bot.ApplicationFilter{Limit: 2}, "100% 本気", "Jiro_Abashiri")
		check(bot.ApplicationFilter{Status: bot.StatusInterview}, "花子")
		check(bot.ApplicationFilter{Status: bot.StatusSubmitted, Query: "KITAMI"}, "Taro Kitami")
		check(bot.ApplicationFilter{Query: "花"}, "花子")
		check(bot.ApplicationFilter{Query: apps[2].Ref}, "Jiro_Abashiri")
		check(bot.ApplicationFilter{Query: "o_a"}, "Jiro_Abashiri")                                  // _ is no wildcard
		check(bot.ApplicationFilter{Query: "%"}, "100% 本気")                                          // nor is %
		check(bot.ApplicationFilter{Query: "北見工業"}, "100% 本気", "Jiro_Abashiri", "花子", "Taro Kitami") // school
		check(bot.ApplicationFilter{Query: "TARO@EXAMPLE"}, "100% 本気", "Jiro_Abashiri", "花子", "Taro Kitami")
		check(bot.ApplicationFilter{Query: "nobody"})
		if _, err := s.ListApplications(ctx, bot.ApplicationFilter{Status: "hired"}); err == nil {
			t.Error("an unknown status filter was accepted")
		}
	})
}

func TestConcurrentApplicationsGetDistinctRefs(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const n = 20
		refs := make([]string, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				key := lineUser(fmt.Sprintf("U-conc-%02d", i))
				errs[i] = s.InTx(ctx, key, func(tx bot.Tx) error {
					c := bot.Candidate{Key: key, DisplayName: key.UserID}
					if err := tx.SaveCandidate(ctx, &c); err != nil {
						return err
					}
					a := application(c, key.UserID)
					if err := tx.CreateApplication(ctx, &a); err != nil {
						return err
					}
					refs[i] = a.Ref
					return nil
				})
			})
		}
		wg.Wait()
		seen := map[string]bool{}
		for i := range n {
			if errs[i] != nil {
				t.Errorf("application %d: %v", i, errs[i])
				continue
			}
			if !refPattern.MatchString(refs[i]) || seen[refs[i]] {
				t.Errorf("application %d: ref %q is malformed or taken", i, refs[i])
			}
			seen[refs[i]] = true
		}
		all, err := s.ListApplications(ctx, bot.ApplicationFilter{})
		must(t, err)
		if len(all) != n || len(seen) != n {
			t.Errorf("%d applications with %d distinct refs, want %d", len(all), len(seen), n)
		}
	})
}
