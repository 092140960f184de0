package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// day is one day.
const day = 24 * time.Hour

// TestSegmentFilter: every condition of a filter selects the candidates
// it says, and they combine with AND: channels, sources (first or later),
// school (part, any case, % and _ as themselves), graduation year and
// status of the newest application, applied, booked (not cancelled) and
// attended (of a kind of event), written within or not for some days.
// CountSegment counts what NextBroadcastRecipients returns.
func TestSegmentFilter(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		t0 := outreachT0
		clock.Set(t0.Add(-90 * day))
		s1 := saveSource(t, s, bot.Source{Name: "説明会", Kind: bot.SourceSession})
		s2 := saveSource(t, s, bot.Source{Name: "ポスター", Kind: bot.SourcePoster})
		tag := func(c bot.Candidate, src bot.Source) {
			t.Helper()
			inTx(t, s, c.Key, func(tx bot.Tx) error { _, err := tx.TagCandidate(ctx, c.ID, src.ID, clock.Now()); return err })
		}

		a := student(t, s, clock, lineUser("U-a"), t0.Add(-60*day))
		b := student(t, s, clock, bot.UserKey{Channel: bot.ChannelSlack, UserID: "U-b"}, t0.Add(-60*day))
		c := student(t, s, clock, bot.UserKey{Channel: bot.ChannelWeb, UserID: "v-c"}, t0.Add(-60*day))
		d := student(t, s, clock, lineUser("U-d"), t0.Add(-60*day))
		tag(a, s1)
		tag(c, s2)
		tag(c, s1)
		appA := applyAt(t, s, clock, a, t0.Add(-50*day), "北見工業大学", "2027-03")
		setStatusAt(t, s, clock, appA, t0.Add(-40*day), bot.StatusScreening)
		oldB := applyAt(t, s, clock, b, t0.Add(-50*day), "東京大学", "2026-03")
		setStatusAt(t, s, clock, oldB, t0.Add(-45*day), bot.StatusWithdrawn)
		applyAt(t, s, clock, b, t0.Add(-30*day), "Sapporo_University", "2028-03")

		clock.Set(t0)
		ses := saveEvent(t, s, session(t0, "会社説明会", 10))
		iv := session(t0.Add(day), "面談", 1)
		iv.Kind = bot.EventInterview
		iv = saveEvent(t, s, iv)
		mark(t, s, book(t, s, ses.ID, a.Key, t0).ID, bot.BookingAttended)
		book(t, s, iv.ID, b.Key, t0)
		cancel(t, s, book(t, s, ses.ID, c.Key, t0).ID)

		wrote(t, s, a.Key, t0.Add(-2*day))
		wrote(t, s, b.Key, t0.Add(-40*day))
		wrote(t, s, d.Key, t0.Add(-10*day))

		line := []bot.Channel{bot.ChannelLINE}
		for _, tc := range []struct {
			name string
			f    bot.SegmentFilter
			want []string
		}{
			{"everyone", bot.SegmentFilter{}, []string{"U-a", "U-b", "U-d", "v-c"}},
			{"LINE", bot.SegmentFilter{Channels: line}, []string{"U-a", "U-d"}},
			{"Slack or web", bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelSlack, bot.ChannelWeb}}, []string{"U-b", "v-c"}},
			{"source first or later", bot.SegmentFilter{Sources: []int64{s1.ID}}, []string{"U-a", "v-c"}},
			{"other source", bot.SegmentFilter{Sources: []int64{s2.ID}}, []string{"v-c"}},
			{"either source", bot.SegmentFilter{Sources: []int64{s1.ID, s2.ID}}, []string{"U-a", "v-c"}},
			{"school", bot.SegmentFilter{School: "北見"}, []string{"U-a"}},
			{"school of an older application", bot.SegmentFilter{School: "東京"}, nil},
			{"school any case, _ itself", bot.SegmentFilter{School: "sapporo_univ"}, []string{"U-b"}},
			{"school upper case", bot.SegmentFilter{School: "SAPPORO"}, []string{"U-b"}},
			{"school %", bot.SegmentFilter{School: "sapporo%"}, nil},
			{"school % inside", bot.SegmentFilter{School: "北見%大学"}, nil},
			{"school _ as a letter", bot.SegmentFilter{School: "Sapporo_Uni_ersity"}, nil},
			{"graduation 2027", bot.SegmentFilter{GradYear: 2027}, []string{"U-a"}},
			{"graduation 2028", bot.SegmentFilter{GradYear: 2028}, []string{"U-b"}},
			{"graduation of an older application", bot.SegmentFilter{GradYear: 2026}, nil},
			{"status", bot.SegmentFilter{Statuses: []bot.Status{bot.StatusScreening}}, []string{"U-a"}},
			{"status submitted", bot.SegmentFilter{Statuses: []bot.Status{bot.StatusSubmitted}}, []string{"U-b"}},
			{"status of an older application", bot.SegmentFilter{Statuses: []bot.Status{bot.StatusWithdrawn}}, nil},
			{"statuses", bot.SegmentFilter{Statuses: []bot.Status{bot.StatusScreening, bot.StatusSubmitted}}, []string{"U-a", "U-b"}},
			{"applied", bot.SegmentFilter{Applied: bot.PresenceYes}, []string{"U-a", "U-b"}},
			{"not applied", bot.SegmentFilter{Applied: bot.PresenceNo}, []string{"U-d", "v-c"}},
			{"booked", bot.SegmentFilter{Booked: bot.PresenceYes}, []string{"U-a", "U-b"}},
			{"not booked", bot.SegmentFilter{Booked: bot.PresenceNo}, []string{"U-d", "v-c"}},
			{"booked a session", bot.SegmentFilter{Booked: bot.PresenceYes, EventKind: bot.EventSession}, []string{"U-a"}},
			{"booked an interview", bot.SegmentFilter{Booked: bot.PresenceYes, EventKind: bot.EventInterview}, []string{"U-b"}},
			{"no interview booked", bot.SegmentFilter{Booked: bot.PresenceNo, EventKind: bot.EventInterview}, []string{"U-a", "U-d", "v-c"}},
			{"attended", bot.SegmentFilter{Attended: bot.PresenceYes}, []string{"U-a"}},
			{"not attended", bot.SegmentFilter{Attended: bot.PresenceNo}, []string{"U-b", "U-d", "v-c"}},
			{"attended an interview", bot.SegmentFilter{Attended: bot.PresenceYes, EventKind: bot.EventInterview}, nil},
			{"active 7 days", bot.SegmentFilter{ActiveDays: 7}, []string{"U-a"}},
			{"active 30 days", bot.SegmentFilter{ActiveDays: 30}, []string{"U-a", "U-d"}},
			{"inactive 30 days", bot.SegmentFilter{InactiveDays: 30}, []string{"U-b", "v-c"}},
			{"inactive 7 days", bot.SegmentFilter{InactiveDays: 7}, []string{"U-b", "U-d", "v-c"}},
			{"LINE, not applied", bot.SegmentFilter{Channels: line, Applied: bot.PresenceNo}, []string{"U-d"}},
			{"LINE, active, screening", bot.SegmentFilter{Channels: line, ActiveDays: 30,
				Statuses: []bot.Status{bot.StatusScreening}}, []string{"U-a"}},
			{"everything of one", bot.SegmentFilter{Channels: line, Sources: []int64{s1.ID}, School: "工業", GradYear: 2027,
				Statuses: []bot.Status{bot.StatusScreening}, Applied: bot.PresenceYes, Booked: bot.PresenceYes,
				Attended: bot.PresenceYes, EventKind: bot.EventSession, ActiveDays: 3, InactiveDays: 1}, []string{"U-a"}},
		} {
			got := userIDs(nextBroadcast(t, s, 424242, tc.f, t0, 100))
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s: selected %q, want %q", tc.name, got, tc.want)
			}
			n, err := s.CountSegment(ctx, tc.f, t0)
			must(t, err)
			onLine := 0
			for _, id := range tc.want {
				if id == "U-a" || id == "U-d" {
					onLine++
				}
			}
			if want := (bot.SegmentCount{Total: len(tc.want), Reachable: len(tc.want), OnLINE: onLine}); n != want {
				t.Errorf("%s: CountSegment = %+v, want %+v", tc.name, n, want)
			}
		}
		if got := userIDs(nextBroadcast(t, s, 424242, bot.SegmentFilter{}, t0, 2)); !slices.Equal(got, []string{"U-a", "U-b"}) {
			t.Errorf("limit 2: %q, want the first two by id", got)
		}
	})
}

// TestSegmentReachable: a blocked student, one who asked for 配信停止 and
// the terminal's user are counted in the segment but are not reachable
// and get no broadcast; CountSegment tells the three numbers apart.
func TestSegmentReachable(t *testing.T) {
	outreachContract(t, func(t *testing.T, s *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		addCandidate(t, s, lineUser("U-ok"))
		blocked := bot.Candidate{Key: lineUser("U-blocked"), Blocked: true}
		inTx(t, s, blocked.Key, func(tx bot.Tx) error { return tx.SaveCandidate(ctx, &blocked) })
		off := addCandidate(t, s, lineUser("U-off"))
		setOff := func(on bool) {
			inTx(t, s, off.Key, func(tx bot.Tx) error { _, err := tx.SetBroadcastOff(ctx, off.Key, on, outreachT0); return err })
		}
		setOff(true)
		addCandidate(t, s, bot.UserKey{Channel: bot.ChannelWeb, UserID: "v-ok"})
		addCandidate(t, s, bot.UserKey{Channel: bot.ChannelCLI, UserID: "terminal"})

		n, err := s.CountSegment(ctx, bot.SegmentFilter{}, outreachT0)
		must(t, err)
		if want := (bot.SegmentCount{Total: 5, Reachable: 2, OnLINE: 1}); n != want {
			t.Errorf("CountSegment = %+v, want %+v", n, want)
		}
		if got := userIDs(nextBroadcast(t, s, 1, bot.SegmentFilter{}, outreachT0, 100)); !slices.Equal(got, []string{"U-ok", "v-ok"}) {
			t.Errorf("recipients %q", got)
		}
		setOff(false)
		n, err = s.CountSegment(ctx, bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelLINE}}, outreachT0)
		must(t, err)
		if want := (bot.SegmentCount{Total: 3, Reachable: 2, OnLINE: 2}); n != want {
			t.Errorf("after 配信再開: CountSegment = %+v, want %+v", n, want)
		}
	})
}
