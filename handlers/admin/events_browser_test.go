package admin_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// envWriteScreenshots, when "1", makes the events browser test write the
// pictures README.md shows: docs/admin-events.png and docs/admin-event.png.
const envWriteScreenshots = "SAKEBOT_WRITE_SCREENSHOTS"

// TestEventsInBrowser drives a real headless Chromium as a 採用担当: she
// opens an info session with the form (times typed in JST), students book
// it and one cancels, and she marks one attended; the event's page shows
// booked, cancelled and attended, and the dashboard counts them.
func TestEventsInBrowser(t *testing.T) {
	chromium(t) // skip early, before the database is made, when there is no browser
	t.Parallel()
	e := newEnv(t, storetest.SQLiteURL(t)).withEventExtras(fixedQuota(57, 200), &feedSecrets{secret: "k7Qm2xVfR9pLwT4s"},
		"https://sakebot.example.jp")
	e.addStaff("sato@example.jp", "佐藤 花子", bot.RoleRecruiter)
	ctx := newBrowser(t, 1280, 900)
	signInAs(t, ctx, e, "sato@example.jp")

	start := e.clock.Now().Add(72 * time.Hour).In(jst).Truncate(time.Hour)
	do(t, ctx, "create an info session",
		chromedp.Click(chromedp.CSS(`nav a[href="/admin/events"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/admin/events/new"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/admin/events/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("#title")),
		chromedp.SetValue(chromedp.CSS("#title"), "会社説明会（北見工業大学）"),
		chromedp.SetValue(chromedp.CSS("#starts_at"), start.Format("2006-01-02T15:04")),
		chromedp.SetValue(chromedp.CSS("#ends_at"), start.Add(90*time.Minute).Format("2006-01-02T15:04")),
		chromedp.SetValue(chromedp.CSS("#place"), "北見工業大学 第1講義室"),
		chromedp.SetValue(chromedp.CSS("#url"), "https://meet.example.jp/kitami"),
		chromedp.SetValue(chromedp.CSS("#capacity"), "30"),
		chromedp.SetValue(chromedp.CSS("#note"), "筆記用具をお持ちください。"),
		chromedp.Click(chromedp.CSS(`form[action="/admin/events"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".notice-ok")))
	wantText(t, ctx, ".notice-ok", "イベントを作成しました")
	wantText(t, ctx, ".fields", bot.FormatEventTime(start, start.Add(90*time.Minute)), "北見工業大学 第1講義室")

	events, err := e.store.ListEvents(context.Background(), bot.EventFilter{})
	if err != nil || len(events) != 1 {
		t.Fatalf("events stored: %+v %v", events, err)
	}
	ev := events[0]
	if !ev.StartsAt.Equal(start) || ev.Capacity != 30 || ev.CreatedBy == "" {
		t.Fatalf("stored %+v; want the start typed in JST (%s)", ev, start)
	}

	// Students book it; one cancels.
	came := e.book(ev.ID, "U-browser-1", "北見 一郎")
	e.book(ev.ID, "U-browser-2", "網走 二郎")
	gone := e.book(ev.ID, "U-browser-3", "美幌 三子")
	cancelBooking(t, e, gone)
	seedEventsForPictures(t, e)

	path := e.srv.URL + "/admin/events/" + itoa(ev.ID)
	do(t, ctx, "mark a student attended",
		chromedp.Navigate(path),
		chromedp.WaitVisible(chromedp.CSS("#booking-"+itoa(came.ID))),
		chromedp.Click(chromedp.CSS(`#booking-`+itoa(came.ID)+` input[name="state"][value="attended"] ~ button`)),
		chromedp.WaitVisible(chromedp.CSS(".notice-ok")))
	wantText(t, ctx, ".notice-ok", "出欠を記録しました")
	wantText(t, ctx, `[data-count="booked"]`, "2／30名")
	wantText(t, ctx, `[data-count="cancelled"]`, "1件")
	wantText(t, ctx, `[data-count="attended"]`, "1名")
	wantText(t, ctx, "#booking-"+itoa(came.ID), "出席")
	wantText(t, ctx, "#booking-"+itoa(gone.ID), "キャンセル")
	if got, _ := e.store.BookingByID(context.Background(), came.ID); got.State != bot.BookingAttended {
		t.Errorf("the booking is %s after 出席", got.State)
	}
	screenshot(t, ctx, path, "admin-event.png")
	screenshot(t, ctx, e.srv.URL+"/admin/events", "admin-events.png")

	do(t, ctx, "open the dashboard", chromedp.Navigate(e.srv.URL+"/admin/"), chromedp.WaitVisible(chromedp.CSS("#events")))
	wantText(t, ctx, "#events", "会社説明会（北見工業大学）", "2／30名", "1件", "1名")
}

// cancelBooking cancels a booking as its student does.
func cancelBooking(t *testing.T, e *env, b bot.Booking) {
	t.Helper()
	ctx := context.Background()
	if err := e.store.InTx(ctx, b.Key, func(tx bot.Tx) error {
		_, err := tx.CancelBooking(ctx, b.ID, "candidate", e.clock.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

// seedEventsForPictures adds the events a real list would show: an online
// session, interview slots, one booked, one closed.
func seedEventsForPictures(t *testing.T, e *env) {
	t.Helper()
	ctx := context.Background()
	day := e.clock.Now().In(jst).Truncate(24 * time.Hour)
	at := func(days, hour int) time.Time {
		d := day.AddDate(0, 0, days)
		return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, jst)
	}
	for _, ev := range []bot.Event{
		{Kind: bot.EventSession, Title: "オンライン会社説明会", StartsAt: at(5, 18), EndsAt: at(5, 19), URL: "https://meet.example.jp/online", Capacity: 50},
		{Kind: bot.EventInterview, Title: "一次面談", StartsAt: at(4, 10), EndsAt: at(4, 11), Place: "北見オフィス", Capacity: 1},
		{Kind: bot.EventInterview, Title: "一次面談", StartsAt: at(4, 14), EndsAt: at(4, 15), URL: "https://meet.example.jp/interview", Capacity: 1},
		{Kind: bot.EventSession, Title: "会社説明会（東京農業大学 オホーツクキャンパス）", StartsAt: at(9, 13), EndsAt: at(9, 14), Place: "東京農業大学 オホーツクキャンパス", Capacity: 20},
	} {
		if err := e.engine.SaveEvent(ctx, &ev, "staff:1"); err != nil {
			t.Fatal(err)
		}
		if ev.Kind == bot.EventInterview && ev.Place != "" {
			e.book(ev.ID, "U-picture-interview", "常呂 四郎")
		}
		if ev.Capacity == 20 {
			e.book(ev.ID, "U-picture-1", "紋別 五郎")
			if _, err := e.engine.SetEventState(ctx, ev.ID, bot.EventClosed, "staff:1"); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// screenshot writes a full-page picture of pageURL to docs/ when
// SAKEBOT_WRITE_SCREENSHOTS is 1.
func screenshot(t *testing.T, ctx context.Context, pageURL, file string) {
	t.Helper()
	if os.Getenv(envWriteScreenshots) != "1" {
		return
	}
	do(t, ctx, "open "+pageURL, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.CSS("main")))
	png := get(t, ctx, "photograph "+pageURL, chromedp.FullScreenshot(100))
	out := filepath.Join("..", "..", "docs", file)
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", out)
}

// seedEventsA11y adds events in every state, with bookings in every state,
// and returns their pages for the accessibility test: the list, the form
// (empty, with errors, editing), an event's page and the confirmation of
// a cancel.
func seedEventsA11y(t *testing.T, e *env) []a11yPage {
	t.Helper()
	ctx := context.Background()
	start := e.clock.Now().Add(48 * time.Hour).Truncate(time.Hour)
	ev := bot.Event{Kind: bot.EventSession, Title: "会社説明会（北見工業大学）", StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "北見工業大学 第1講義室", URL: "https://meet.example.jp/kitami", Capacity: 30, Note: "筆記用具をお持ちください。"}
	if err := e.engine.SaveEvent(ctx, &ev, "admin"); err != nil {
		t.Fatal(err)
	}
	came := e.book(ev.ID, "U-a11y-ev-1", "北見 一郎")
	absent := e.book(ev.ID, "U-a11y-ev-2", "網走 二郎")
	e.book(ev.ID, "U-a11y-ev-3", "美幌 三子")
	cancelBooking(t, e, e.book(ev.ID, "U-a11y-ev-4", "常呂 四郎"))
	for b, state := range map[bot.Booking]bot.BookingState{came: bot.BookingAttended, absent: bot.BookingNoShow} {
		if err := e.engine.SetAttendance(ctx, b.ID, state, "admin"); err != nil {
			t.Fatal(err)
		}
	}
	for i, state := range []bot.EventState{bot.EventClosed, bot.EventCancelled} {
		other := bot.Event{Kind: bot.EventInterview, Title: "一次面談", StartsAt: start.Add(time.Duration(i+1) * 24 * time.Hour),
			EndsAt: start.Add(time.Duration(i+1)*24*time.Hour + time.Hour), URL: "https://meet.example.jp/interview", Capacity: 1}
		if err := e.engine.SaveEvent(ctx, &other, "admin"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.engine.SetEventState(ctx, other.ID, state, "admin"); err != nil {
			t.Fatal(err)
		}
	}
	path := "/admin/events/" + itoa(ev.ID)
	return []a11yPage{
		{name: "イベント一覧", path: "/admin/events?when=all"},
		{name: "イベント作成", path: "/admin/events/new"},
		{name: "イベント作成（入力エラー）", path: "/admin/events/new", then: []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`form[action="/admin/events"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".field-error")),
		}},
		{name: "イベント", path: path},
		{name: "イベント編集", path: path + "/edit"},
		{name: "イベント中止", path: path + "/cancel"},
	}
}
