package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
)

// sourceKey is the lock the Engine takes for staff changes to sources.
var sourceKey = bot.UserKey{Channel: "source", UserID: "all"}

// saveSource stores src on behalf of "staff:1" and returns it as stored.
func saveSource(t testing.TB, s *store.Store, src bot.Source) bot.Source {
	t.Helper()
	inTx(t, s, sourceKey, func(tx bot.Tx) error { return tx.SaveSource(context.Background(), &src, "staff:1") })
	return src
}

// TestSourceSave: a source without a code gets a unique one (a capital
// and four digits); a chosen code in use is a conflict; an edit changes
// the name, kind and welcome but not the code; disabling reports whether
// it changed anything; the list is newest first; every change is in the
// audit log under the source's code.
func TestSourceSave(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a := saveSource(t, s, bot.Source{Name: "北見工業大学 12月説明会", Kind: bot.SourceSession, Welcome: "ようこそ！"})
		if a.ID == 0 || !bot.ValidSourceCode(a.Code) || a.CreatedBy != "staff:1" || a.CreatedAt.IsZero() {
			t.Fatalf("created %+v", a)
		}
		b := saveSource(t, s, bot.Source{Code: "K0612", Name: "ポスター <学内>", Kind: bot.SourcePoster})
		if b.Code != "K0612" {
			t.Fatalf("chosen code %q", b.Code)
		}
		dup := bot.Source{Code: "K0612", Name: "二つ目", Kind: bot.SourceWeb}
		err := s.InTx(ctx, sourceKey, func(tx bot.Tx) error { return tx.SaveSource(ctx, &dup, "staff:1") })
		if !errors.Is(err, bot.ErrConflict) {
			t.Fatalf("code in use: %v", err)
		}
		edit := bot.Source{ID: b.ID, Code: "Z9999", Name: "ポスター（学内）", Kind: bot.SourceSchool, Welcome: "こんにちは"}
		edited := saveSource(t, s, edit)
		if edited.Code != "K0612" || edited.Name != "ポスター（学内）" || edited.Kind != bot.SourceSchool ||
			edited.Welcome != "こんにちは" || edited.CreatedBy != "staff:1" {
			t.Fatalf("edited %+v", edited)
		}
		missing := bot.Source{ID: 999999, Name: "x", Kind: bot.SourceWeb}
		err = s.InTx(ctx, sourceKey, func(tx bot.Tx) error { return tx.SaveSource(ctx, &missing, "staff:1") })
		if !errors.Is(err, bot.ErrNotFound) {
			t.Fatalf("edit of a missing source: %v", err)
		}
		for i, want := range []bool{true, false} {
			inTx(t, s, sourceKey, func(tx bot.Tx) error {
				changed, err := tx.SetSourceDisabled(ctx, b.ID, true, "staff:2")
				if changed != want {
					t.Errorf("disable #%d changed = %v", i+1, changed)
				}
				return err
			})
		}
		inTx(t, s, sourceKey, func(tx bot.Tx) error {
			got, err := tx.SourceByCode(ctx, "K0612")
			if err == nil && (!got.Disabled || got.ID != b.ID) {
				t.Errorf("SourceByCode = %+v", got)
			}
			if _, err := tx.SourceByCode(ctx, "Q0000"); !errors.Is(err, bot.ErrNotFound) {
				t.Errorf("unknown code: %v", err)
			}
			return err
		})
		got, err := s.SourceByID(ctx, a.ID)
		must(t, err)
		if got.Name != a.Name || got.Welcome != "ようこそ！" || got.Kind != bot.SourceSession || got.Code != a.Code {
			t.Errorf("SourceByID = %+v", got)
		}
		if _, err := s.SourceByID(ctx, 999999); !errors.Is(err, bot.ErrNotFound) {
			t.Errorf("missing SourceByID: %v", err)
		}
		list, err := s.ListSources(ctx)
		must(t, err)
		if len(list) != 2 || list[0].ID != b.ID || list[1].ID != a.ID || !list[0].Disabled {
			t.Errorf("ListSources = %+v", list)
		}
		log, err := s.AuditLog(ctx, bot.AuditFilter{Kind: bot.AuditSource, Subject: "K0612"})
		must(t, err)
		var actions []string
		for _, e := range log {
			actions = append(actions, e.Actor+" "+e.Action)
		}
		if len(actions) != 3 || actions[0] != "staff:2 disabled" || actions[2] != "staff:1 created" {
			t.Errorf("audit log = %q", actions)
		}
	})
}

// TestSourceCounts: a student's first source is theirs, later arrivals
// are recorded too; the counts follow the source's students to their
// applications, bookings and attendance, each student once; forgetting
// a student takes their arrivals with them.
func TestSourceCounts(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now()
		src := saveSource(t, s, bot.Source{Name: "説明会", Kind: bot.SourceSession})
		other := saveSource(t, s, bot.Source{Name: "ポスター", Kind: bot.SourcePoster})
		tag := func(c bot.Candidate, id int64, want bool) {
			t.Helper()
			inTx(t, s, c.Key, func(tx bot.Tx) error {
				first, err := tx.TagCandidate(ctx, c.ID, id, now)
				if first != want {
					t.Errorf("TagCandidate(%s, %d) first = %v", c.Key.UserID, id, first)
				}
				return err
			})
		}
		c1 := addCandidate(t, s, lineUser("U-src1"))
		c2 := addCandidate(t, s, lineUser("U-src2"))
		c3 := addCandidate(t, s, lineUser("U-src3"))
		tag(c1, src.ID, true)
		tag(c1, src.ID, false)
		tag(c1, other.ID, false)
		tag(c2, src.ID, true)
		tag(c3, other.ID, true)
		tag(c3, src.ID, false)
		submit(t, s, c1, "北見 太郎")
		e := saveEvent(t, s, session(now, "会社説明会", 5))
		b1 := book(t, s, e.ID, c1.Key, now)
		mark(t, s, b1.ID, bot.BookingAttended)
		b2 := book(t, s, e.ID, c2.Key, now)
		cancel(t, s, b2.ID)
		book(t, s, e.ID, c3.Key, now)

		counts := func() map[int64]store.SourceCount {
			t.Helper()
			list, err := s.SourceCounts(ctx)
			must(t, err)
			if len(list) != 2 {
				t.Fatalf("SourceCounts = %+v", list)
			}
			m := map[int64]store.SourceCount{}
			for _, c := range list {
				m[c.SourceID] = c
			}
			return m
		}
		m := counts()
		want := store.SourceCount{SourceID: src.ID, Students: 2, Arrivals: 4, Applications: 1, Bookings: 1, Attended: 1}
		if m[src.ID] != want {
			t.Errorf("source counts = %+v, want %+v", m[src.ID], want)
		}
		want = store.SourceCount{SourceID: other.ID, Students: 1, Arrivals: 2, Bookings: 1}
		if m[other.ID] != want {
			t.Errorf("other counts = %+v, want %+v", m[other.ID], want)
		}
		if _, err := s.ForgetCandidate(ctx, c1.Key, "candidate"); err != nil {
			t.Fatal(err)
		}
		m = counts()
		want = store.SourceCount{SourceID: src.ID, Students: 1, Arrivals: 2}
		if m[src.ID] != want {
			t.Errorf("after forget: %+v, want %+v", m[src.ID], want)
		}
	})
}

// TestBroadcastOff: 配信停止 is recorded once with its time and read
// with the candidate; 配信再開 clears it; an unknown student changes
// nothing; saving the candidate keeps it.
func TestBroadcastOff(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := addCandidate(t, s, lineUser("U-off"))
		at := time.Date(2026, 12, 5, 3, 4, 5, 0, time.UTC)
		set := func(key bot.UserKey, off, want bool) {
			t.Helper()
			inTx(t, s, key, func(tx bot.Tx) error {
				changed, err := tx.SetBroadcastOff(ctx, key, off, at)
				if changed != want {
					t.Errorf("SetBroadcastOff(%s, %v) = %v, want %v", key.UserID, off, changed, want)
				}
				return err
			})
		}
		read := func() bot.Candidate {
			t.Helper()
			var got bot.Candidate
			inTx(t, s, c.Key, func(tx bot.Tx) (err error) { got, err = tx.Candidate(ctx, c.Key); return err })
			return got
		}
		set(c.Key, true, true)
		set(c.Key, true, false)
		got := read()
		if !got.BroadcastOffAt.Equal(at) {
			t.Errorf("BroadcastOffAt = %v, want %v", got.BroadcastOffAt, at)
		}
		got.DisplayName = "改名"
		inTx(t, s, c.Key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &got) })
		if got := read(); !got.BroadcastOffAt.Equal(at) {
			t.Errorf("after SaveCandidate: BroadcastOffAt = %v", got.BroadcastOffAt)
		}
		set(c.Key, false, true)
		set(c.Key, false, false)
		if got := read(); !got.BroadcastOffAt.IsZero() {
			t.Errorf("after 配信再開: %v", got.BroadcastOffAt)
		}
		set(lineUser("U-nobody"), true, false)
	})
}
