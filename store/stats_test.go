package store_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// logQuestionAt writes a question_log row at a chosen time, as the engine
// would have then; the store has no API to backdate, so the test writes the
// row itself on a second connection.
func logQuestionAt(t *testing.T, url string, at time.Time, outcome, faqID string) {
	t.Helper()
	driver, dsn := "postgres", url
	if path, ok := strings.CutPrefix(url, "sqlite:"); ok {
		driver, dsn = "sqlite", path+"?_pragma=busy_timeout(10000)"
	}
	db, err := sql.Open(driver, dsn)
	must(t, err)
	defer db.Close()
	query := sqlx.Rebind(sqlx.BindType(driver), `INSERT INTO question_log (at, channel, outcome, faq_id) VALUES (?, 'line', ?, ?)`)
	_, err = db.Exec(query, at.UTC().Format("2006-01-02T15:04:05.000000Z"), outcome, faqID)
	must(t, err)
}

// TestStatsDays checks the daily counts: days are dates in Japan, every
// day of the period is present, nothing outside the period counts.
func TestStatsDays(t *testing.T) {
	t.Parallel()
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		t.Parallel()
		s := storetest.Open(t, url, storetest.Now)
		ctx := context.Background()
		jst := time.FixedZone("JST", 9*60*60)
		since := time.Date(2026, 1, 1, 0, 0, 0, 0, jst)
		utc := func(s string) time.Time {
			v, err := time.Parse(time.RFC3339, s)
			must(t, err)
			return v
		}
		logQuestionAt(t, url, utc("2025-12-31T14:59:59Z"), "answered", "x") // 12/31 23:59 JST: before
		logQuestionAt(t, url, utc("2025-12-31T15:00:00Z"), "answered", "x") // 1/1 00:00 JST
		logQuestionAt(t, url, utc("2026-01-01T14:00:00Z"), "missed", "")    // 1/1 23:00 JST
		logQuestionAt(t, url, utc("2026-01-01T15:30:00Z"), "ambiguous", "") // 1/2 00:30 JST
		logQuestionAt(t, url, utc("2026-01-02T15:00:00Z"), "answered", "y") // 1/3 00:00 JST
		logQuestionAt(t, url, utc("2026-01-03T15:00:00Z"), "answered", "y") // 1/4 00:00 JST: after

		st, err := s.Stats(ctx, bot.StatsQuery{Since: since, Days: 3, Top: 5})
		must(t, err)
		want := []bot.DayCount{
			{Day: since, QuestionCounts: bot.QuestionCounts{Answered: 1, Missed: 1}},
			{Day: since.AddDate(0, 0, 1), QuestionCounts: bot.QuestionCounts{Ambiguous: 1}},
			{Day: since.AddDate(0, 0, 2), QuestionCounts: bot.QuestionCounts{Answered: 1}},
		}
		if len(st.Days) != len(want) {
			t.Fatalf("Days = %+v, want %d days", st.Days, len(want))
		}
		for i, d := range st.Days {
			if !d.Day.Equal(want[i].Day) || d.QuestionCounts != want[i].QuestionCounts {
				t.Errorf("day %d = %v %+v, want %v %+v", i, d.Day, d.QuestionCounts, want[i].Day, want[i].QuestionCounts)
			}
		}
		if (st.Questions != bot.QuestionCounts{Answered: 2, Ambiguous: 1, Missed: 1}) {
			t.Errorf("Questions = %+v", st.Questions)
		}
		if len(st.TopFAQs) != 2 || st.TopFAQs[0].Count != 1 {
			t.Errorf("TopFAQs = %+v, want x and y once each", st.TopFAQs)
		}
	})
}

// TestStatsSummary checks the counts the dashboard shows over data made
// through the store's own API.
func TestStatsSummary(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		since := storetest.Now().AddDate(0, 0, -29)

		empty, err := s.Stats(ctx, bot.StatsQuery{Since: since, Days: 30, Top: 5})
		must(t, err)
		if empty.Candidates != 0 || empty.Questions.Total() != 0 || len(empty.Applications) != 0 ||
			len(empty.TopFAQs) != 0 || empty.OpenHandoffs != 0 || len(empty.Days) != 30 {
			t.Errorf("empty database: %+v", empty)
		}
		if last := empty.Days[29].Day; !last.Equal(bot.StartOfDayJST(storetest.Now())) {
			t.Errorf("last day = %v, want today in Japan", last)
		}

		must(t, s.CreateFAQ(ctx, &faq.FAQ{ID: "dorm", Question: "寮はありますか？", Answer: "あります。", Enabled: true}))
		must(t, s.CreateFAQ(ctx, &faq.FAQ{ID: "salary", Question: "給与は？", Answer: "規定によります。", Enabled: true}))
		a, b, c := addCandidate(t, s, lineUser("U-a")), addCandidate(t, s, lineUser("U-b")), addCandidate(t, s, lineUser("U-c"))
		submit(t, s, a, "北見 太郎")
		appB := submit(t, s, b, "北見 花子")
		_, err = s.SetApplicationStatus(ctx, appB.ID, bot.StatusInterview, "admin")
		must(t, err)
		_ = c

		key := lineUser("U-a")
		inTx(t, s, key, func(tx bot.Tx) error {
			return errorsJoin(
				tx.RecordQuestion(ctx, bot.ChannelLINE, "answered", "dorm"),
				tx.RecordQuestion(ctx, bot.ChannelLINE, "answered", "dorm"),
				tx.RecordQuestion(ctx, bot.ChannelSlack, "answered", "salary"),
				tx.RecordQuestion(ctx, bot.ChannelLINE, "answered", "gone"),
				tx.RecordQuestion(ctx, bot.ChannelLINE, "ambiguous", ""),
				tx.RecordQuestion(ctx, bot.ChannelLINE, "missed", ""),
				tx.RecordQuestion(ctx, bot.ChannelLINE, "missed", ""),
				tx.RecordHandoff(ctx, &bot.Handoff{Key: key, Reason: "requested", Question: "寮の費用は？"}),
				tx.RecordHandoff(ctx, &bot.Handoff{Key: lineUser("U-b"), Reason: "unanswered", Status: "open"}),
				tx.RecordHandoff(ctx, &bot.Handoff{Key: lineUser("U-c"), Reason: "requested", Status: "closed"}),
			)
		})

		st, err := s.Stats(ctx, bot.StatsQuery{Since: since, Days: 30, Top: 2})
		must(t, err)
		if st.Candidates != 3 {
			t.Errorf("Candidates = %d, want 3", st.Candidates)
		}
		if (st.Questions != bot.QuestionCounts{Answered: 4, Ambiguous: 1, Missed: 2}) || st.Questions.Total() != 7 {
			t.Errorf("Questions = %+v", st.Questions)
		}
		if today := st.Days[len(st.Days)-1]; today.Total() != 7 {
			t.Errorf("today = %+v, want all 7 questions", today)
		}
		if st.Applications[bot.StatusSubmitted] != 1 || st.Applications[bot.StatusInterview] != 1 || len(st.Applications) != 2 {
			t.Errorf("Applications = %v", st.Applications)
		}
		if len(st.TopFAQs) != 2 || st.TopFAQs[0] != (bot.FAQCount{FAQID: "dorm", Question: "寮はありますか？", Count: 2}) {
			t.Errorf("TopFAQs = %+v, want dorm twice first, limited to 2", st.TopFAQs)
		}
		if st.OpenHandoffs != 2 || len(st.Handoffs) != 2 {
			t.Fatalf("open handoffs = %d %+v, want 2", st.OpenHandoffs, st.Handoffs)
		}
		if st.Handoffs[0].Key.UserID != "U-b" || st.Handoffs[1].Question != "寮の費用は？" {
			t.Errorf("Handoffs = %+v, want newest first", st.Handoffs)
		}

		all, err := s.Stats(ctx, bot.StatsQuery{Since: since, Days: 30, Top: 10})
		must(t, err)
		var deleted bool
		for _, f := range all.TopFAQs {
			deleted = deleted || (f.FAQID == "gone" && f.Question == "")
		}
		if !deleted {
			t.Errorf("TopFAQs = %+v, want the deleted entry with no question", all.TopFAQs)
		}
	})
}

// TestStatsCountsEveryoneWhoWrote counts everyone who wrote to the bot,
// consent or not, once each, whichever channel; not a web chat only
// opened, nor the groups and channels the bot answers in.
func TestStatsCountsEveryoneWhoWrote(t *testing.T) {
	contract(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		wrote := func(id string, key bot.UserKey, kind bot.Kind, group bool) {
			t.Helper()
			ev := worker.Event{ID: id, Incoming: bot.Incoming{Key: key, Kind: kind, Text: "研修はありますか", Group: group}}
			_, err := s.AcceptEvents(ctx, []worker.Event{ev})
			must(t, err)
		}
		web := func(id string) bot.UserKey { return bot.UserKey{Channel: bot.ChannelWeb, UserID: id} }
		slack := func(id string) bot.UserKey { return bot.UserKey{Channel: bot.ChannelSlack, UserID: id} }

		// Three students chat; one of them goes on to consent to the form.
		wrote("web:v-1:open", web("v-1"), bot.KindOpen, false)
		wrote("web:v-1:m1", web("v-1"), bot.KindMessage, false)
		wrote("web:v-1:m2", web("v-1"), bot.KindMessage, false)
		wrote("web:v-2:m1", web("v-2"), bot.KindMessage, false)
		wrote("slack:Ev1", slack("U0STUDENT"), bot.KindMessage, false)
		addCandidate(t, s, web("v-2")) // the consent
		if ok, err := processNext(ctx, s, func(worker.Event) error { return nil }); !ok || err != nil {
			t.Fatalf("process an event: %v %v", ok, err) // processed events (their text gone) still count
		}
		st, err := s.Stats(ctx, bot.StatsQuery{Since: storetest.Now(), Days: 1})
		must(t, err)
		if st.Candidates != 3 {
			t.Errorf("after 3 students chatted (1 consented), Candidates = %d, want 3", st.Candidates)
		}

		// Not people who wrote: a web chat only opened, a LINE group and
		// room, a Slack channel. A LINE friend who only added the bot is.
		wrote("web:v-3:open", web("v-3"), bot.KindOpen, false)
		wrote("line:g1", lineUser("C0123456789abcdef0123456789abcdef"), bot.KindMessage, true)
		wrote("line:r1", lineUser("R0123456789abcdef0123456789abcdef"), bot.KindMessage, true)
		wrote("slack:Ev2", slack("C0CHANNEL"), bot.KindMessage, true)
		wrote("line:f1", lineUser("U0123456789abcdef0123456789abcdef"), bot.KindFollow, false)
		addCandidate(t, s, lineUser("U0123456789abcdef0123456789abcdef"))

		st, err = s.Stats(ctx, bot.StatsQuery{Since: storetest.Now(), Days: 1})
		must(t, err)
		if st.Candidates != 4 {
			t.Errorf("Candidates = %d, want 4: 3 who wrote and a LINE friend", st.Candidates)
		}
		counts, err := s.ChannelCounts(ctx)
		must(t, err)
		want := map[bot.Channel]int{bot.ChannelLINE: 1, bot.ChannelSlack: 1, bot.ChannelWeb: 2, bot.ChannelCLI: 0}
		for _, c := range counts {
			if c.Candidates != want[c.Channel] {
				t.Errorf("%s: %d people, want %d", c.Channel, c.Candidates, want[c.Channel])
			}
		}
	})
}
