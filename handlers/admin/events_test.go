package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// jst is Japan's time zone, in which staff type and read times.
var jst = time.FixedZone("JST", 9*60*60)

// eventForm is a valid event editor's form, starting at start (JST).
func eventForm(csrf, title string, start time.Time) url.Values {
	return url.Values{"csrf": {csrf}, "kind": {"session"}, "title": {title},
		"starts_at": {start.In(jst).Format("2006-01-02T15:04")},
		"ends_at":   {start.Add(90 * time.Minute).In(jst).Format("2006-01-02T15:04")},
		"place":     {"北見工業大学 第1講義室"}, "url": {""}, "capacity": {"30"}, "deadline": {""},
		"note": {"筆記用具をお持ちください。"}}
}

// eventIDPattern finds the event's id in the address an editor redirects to.
var eventIDPattern = regexp.MustCompile(`^/admin/events/(\d+)\?`)

// createEvent creates an event through the page, as c, and returns it.
func (e *env) createEvent(c *http.Client, form url.Values) bot.Event {
	e.t.Helper()
	r := e.do(c, http.MethodPost, "/admin/events", form, nil)
	loc := wantRedirect(e.t, r, "/admin/events/")
	m := eventIDPattern.FindStringSubmatch(loc)
	if m == nil {
		e.t.Fatalf("created event at %q", loc)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	ev, err := e.store.EventByID(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return ev
}

// book books a seat at the event for a LINE student, as the conversation does.
func (e *env) book(eventID int64, userID, name string) bot.Booking {
	e.t.Helper()
	ctx := context.Background()
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: userID}
	b := bot.Booking{EventID: eventID, Key: key, Name: name}
	err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
		c := bot.Candidate{Key: key, DisplayName: name}
		if err := tx.SaveCandidate(ctx, &c); err != nil {
			return err
		}
		b.CandidateID = c.ID
		_, err := tx.Book(ctx, &b, e.clock.Now())
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// event reads an event from the store.
func (e *env) event(id int64) bot.Event {
	e.t.Helper()
	ev, err := e.store.EventByID(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return ev
}

// TestEventCreate: a 採用担当 creates an info session on the page; the
// times typed are Japan's whatever the server's zone, the deadline is the
// start when left empty, and the event shows in the list and on its page.
// Missing and wrong fields come back in Japanese next to each field, with
// what was typed kept.
func TestEventCreate(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.clock.Set(time.Date(2031, 2, 20, 1, 0, 0, 0, time.UTC)) // far from today
		e.addStaff("rec@example.jp", "採用 花子", bot.RoleRecruiter)
		c := e.signIn("rec@example.jp")
		csrf := e.csrfOf(c)

		r := e.do(c, http.MethodGet, "/admin/events/new", nil, nil)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, `type="datetime-local" id="starts_at"`, `name="kind" value="session" checked`, "予約締切")

		// Nothing typed but a place: every required field says what to do; the place stays.
		r = e.do(c, http.MethodPost, "/admin/events", url.Values{"csrf": {csrf}, "kind": {"session"},
			"place": {"北見工業大学 <第1講義室>"}}, nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, `id="title-error">タイトルを入力してください。`, `id="starts_at-error">`, `id="ends_at-error">`,
			`id="capacity-error">`, `value="北見工業大学 &lt;第1講義室&gt;"`, `aria-invalid="true"`,
			"入力内容をご確認ください")

		// Wrong values: the end before the start, a deadline after it, a URL that is none.
		start := time.Date(2031, 3, 10, 14, 0, 0, 0, jst)
		bad := eventForm(csrf, "会社説明会", start)
		bad.Set("ends_at", "2031-03-10T13:00")
		bad.Set("deadline", "2031-03-11T09:00")
		bad.Set("url", "zoom.example/j/1")
		bad.Set("capacity", "三十")
		r = e.do(c, http.MethodPost, "/admin/events", bad, nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "終了日時は開始日時より後にしてください。", "予約の締め切りは開始日時より前にしてください。",
			"URLは http:// または https:// で始まるアドレスを入力してください。", "定員は半角の数字で入力してください",
			`value="会社説明会"`, `value="2031-03-10T14:00"`, `value="2031-03-11T09:00"`, "筆記用具をお持ちください。")
		if list, _ := e.store.ListEvents(context.Background(), bot.EventFilter{}); len(list) != 0 {
			t.Fatalf("an invalid event was stored: %+v", list)
		}

		// A valid one, with full-width digits in the capacity.
		good := eventForm(csrf, "会社説明会（北見工業大学）", start)
		good.Set("capacity", "３０")
		ev := e.createEvent(c, good)
		wantStart := time.Date(2031, 3, 10, 5, 0, 0, 0, time.UTC)
		if !ev.StartsAt.Equal(wantStart) || !ev.EndsAt.Equal(wantStart.Add(90*time.Minute)) ||
			!ev.Deadline.Equal(wantStart) || ev.Capacity != 30 || ev.Kind != bot.EventSession ||
			ev.State != bot.EventOpen || ev.Note != "筆記用具をお持ちください。" {
			t.Errorf("stored %+v; want 14:00 JST (05:00 UTC), deadline at the start, 30 seats, open", ev)
		}
		page := e.do(c, http.MethodGet, "/admin/events/"+itoa(ev.ID)+"?msg=event_created", nil, nil)
		wantStatus(t, page, http.StatusOK)
		wantBody(t, page, "イベントを作成しました", "会社説明会（北見工業大学）", "3月10日(月) 14:00〜15:30",
			"北見工業大学 第1講義室", "2031/03/10 14:00", "受付中", "まだ予約はありません", "イベントを作成（会社説明会（北見工業大学））",
			"採用 花子（管理画面）")
		list := e.do(c, http.MethodGet, "/admin/events", nil, nil)
		wantBody(t, list, `href="/admin/events/`+itoa(ev.ID)+`"`, "0／30名", "受付中", "＋ 説明会を作成")

		// An interview slot: one seat, even when the capacity is left empty.
		iv := eventForm(csrf, "一次面談", start.Add(24*time.Hour))
		iv.Set("kind", "interview")
		iv.Set("capacity", "")
		iv.Set("place", "")
		iv.Set("url", "https://meet.example.jp/abc")
		if got := e.createEvent(c, iv); got.Capacity != 1 || got.Kind != bot.EventInterview || got.URL != "https://meet.example.jp/abc" {
			t.Errorf("interview stored as %+v", got)
		}
		iv.Set("capacity", "3")
		r = e.do(c, http.MethodPost, "/admin/events", iv, nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, `id="capacity-error">面談の定員は1名です。`)
	})
}

// TestEventEditConflict: an edit based on an older version is refused
// with the newer version shown beside what was typed, which is kept; saved
// again, it goes through. The capacity cannot go below the seats booked.
func TestEventEditConflict(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		csrf := e.csrf()
		start := e.clock.Now().Add(72 * time.Hour).Truncate(time.Hour)
		ev := e.createEvent(e.client, eventForm(csrf, "説明会", start))

		r := e.get("/admin/events/" + itoa(ev.ID) + "/edit")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, `name="version" value="1"`, `value="説明会"`, `value="`+start.In(jst).Format("2006-01-02T15:04")+`"`)

		// Someone else saves meanwhile (in Slack, say).
		other := e.event(ev.ID)
		other.Title = "説明会（会場変更）"
		other.Place = "北見市民会館"
		if err := e.engine.SaveEvent(context.Background(), &other, "U-SLACK"); err != nil {
			t.Fatal(err)
		}

		mine := eventForm(csrf, "説明会（オンライン併用）", start)
		mine.Set("version", "1")
		r = e.post("/admin/events/"+itoa(ev.ID)+"/edit", mine)
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "ほかの方が先に保存しました", "説明会（会場変更）", "北見市民会館", `value="説明会（オンライン併用）"`,
			`name="version" value="2"`)
		if got := e.event(ev.ID); got.Title != "説明会（会場変更）" {
			t.Fatalf("the stale edit was saved: %q", got.Title)
		}
		mine.Set("version", "2")
		wantRedirect(t, e.post("/admin/events/"+itoa(ev.ID)+"/edit", mine), "/admin/events/"+itoa(ev.ID)+"?msg=event_saved")
		if got := e.event(ev.ID); got.Title != "説明会（オンライン併用）" || got.Version != 3 {
			t.Fatalf("after saving again: %+v", got)
		}

		// Two seats booked: the capacity cannot go to one.
		e.book(ev.ID, "U-1", "北見 一郎")
		e.book(ev.ID, "U-2", "北見 二郎")
		mine.Set("version", "3")
		mine.Set("capacity", "1")
		r = e.post("/admin/events/"+itoa(ev.ID)+"/edit", mine)
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "すでに2名が予約しているため、定員をそれより少なくはできません。", `value="1"`)
		if got := e.event(ev.ID); got.Capacity != 30 {
			t.Fatalf("capacity went to %d", got.Capacity)
		}

		// An event that is not there.
		wantStatus(t, e.get("/admin/events/999999/edit"), http.StatusNotFound)
		wantStatus(t, e.get("/admin/events/abc"), http.StatusNotFound)
	})
}

// TestEventCloseReopenCancel: closing keeps the bookings and stops new
// ones; reopening takes them again; cancelling asks first, then cancels
// every booking and tells each student on LINE; a cancelled event is not
// reopened.
func TestEventCloseReopenCancel(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		csrf := e.csrf()
		ev := e.createEvent(e.client, eventForm(csrf, "冬の説明会", e.clock.Now().Add(48*time.Hour).Truncate(time.Hour)))
		b := e.book(ev.ID, "U-close-1", "北見 花子")
		path := "/admin/events/" + itoa(ev.ID)

		wantRedirect(t, e.post(path+"/state", url.Values{"csrf": {csrf}, "state": {"closed"}}), path+"?msg=event_closed")
		if got := e.event(ev.ID); got.State != bot.EventClosed || got.Booked != 1 {
			t.Fatalf("closed: %+v", got)
		}
		wantBody(t, e.get(path+"?msg=event_closed"), "受付を終了しました", "受付を再開", "受付終了")
		// Closing again changes nothing, and says so.
		wantRedirect(t, e.post(path+"/state", url.Values{"csrf": {csrf}, "state": {"closed"}}), path+"?msg=event_unchanged")
		wantRedirect(t, e.post(path+"/state", url.Values{"csrf": {csrf}, "state": {"open"}}), path+"?msg=event_reopened")
		if got := e.event(ev.ID); got.State != bot.EventOpen {
			t.Fatalf("reopened: %+v", got)
		}
		// The state route does not cancel.
		wantStatus(t, e.post(path+"/state", url.Values{"csrf": {csrf}, "state": {"cancelled"}}), http.StatusBadRequest)

		// Cancelling asks first; a post without the confirmation goes back to it.
		r := e.get(path + "/cancel")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "イベントを中止しますか？", "予約していた1名の方", `name="confirm" value="yes"`)
		wantRedirect(t, e.post(path+"/cancel", url.Values{"csrf": {csrf}}), path+"/cancel")
		if got := e.event(ev.ID); got.State != bot.EventOpen {
			t.Fatalf("cancelled without confirmation: %+v", got)
		}
		wantRedirect(t, e.post(path+"/cancel", url.Values{"csrf": {csrf}, "confirm": {"yes"}}), path+"?msg=event_cancelled")
		if got := e.event(ev.ID); got.State != bot.EventCancelled || got.Booked != 0 {
			t.Fatalf("cancelled: %+v", got)
		}
		if got, err := e.store.BookingByID(context.Background(), b.ID); err != nil || got.State != bot.BookingCancelled {
			t.Fatalf("the booking after the cancel: %+v %v", got, err)
		}
		e.settle()
		if pushes := e.pushesTo("U-close-1"); len(pushes) != 1 || !strings.Contains(pushes[0], "冬の説明会") {
			t.Errorf("the student was told %q; want one message naming the event", pushes)
		}
		page := e.get(path + "?msg=event_cancelled")
		wantBody(t, page, "イベントを中止しました", "中止", "このイベントは中止されました", "イベントを中止")
		if strings.Contains(page.Body, `action="/admin/bookings/`) {
			t.Error("a cancelled booking still offers attendance buttons")
		}
		wantStatus(t, e.post(path+"/state", url.Values{"csrf": {csrf}, "state": {"open"}}), http.StatusConflict)
		wantBody(t, e.get(path+"/cancel"), "すでに中止されています")
	})
}

// eventCount reads a count of the event's page.
func eventCount(t *testing.T, body, name string) string {
	t.Helper()
	m := regexp.MustCompile(`data-count="` + name + `">(\d+)<`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s count on the page:\n%s", name, clip(body))
	}
	return m[1]
}

// TestAttendance: staff mark who came and who did not; the page counts
// booked, cancelled and attended; a mark can be undone; a cancelled
// booking cannot be marked.
func TestAttendance(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.addStaff("rec@example.jp", "採用 花子", bot.RoleRecruiter)
		c := e.signIn("rec@example.jp")
		csrf := e.csrfOf(c)
		ev := e.createEvent(c, eventForm(csrf, "説明会", e.clock.Now().Add(2*time.Hour).Truncate(time.Hour)))
		came := e.book(ev.ID, "U-att-1", "来た 一郎")
		absent := e.book(ev.ID, "U-att-2", "<b>休み</b> 二郎")
		gone := e.book(ev.ID, "U-att-3", "取消 三郎")
		ctx := context.Background()
		if err := e.store.InTx(ctx, gone.Key, func(tx bot.Tx) error {
			_, err := tx.CancelBooking(ctx, gone.ID, "candidate", e.clock.Now())
			return err
		}); err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(4 * time.Hour) // the event is over
		path := "/admin/events/" + itoa(ev.ID)
		page := e.do(c, http.MethodGet, path, nil, nil)
		wantBody(t, page, "来た 一郎", "&lt;b&gt;休み&lt;/b&gt; 二郎", "LINE", "予約済み", "キャンセル",
			`aria-label="来た 一郎さんを出席にする"`)
		if eventCount(t, page.Body, "booked") != "2" || eventCount(t, page.Body, "cancelled") != "1" ||
			eventCount(t, page.Body, "attended") != "0" {
			t.Fatalf("counts before marking:\n%s", clip(page.Body))
		}

		mark := func(b bot.Booking, state string) response {
			return e.do(c, http.MethodPost, "/admin/bookings/"+itoa(b.ID)+"/attendance",
				url.Values{"csrf": {csrf}, "state": {state}}, nil)
		}
		wantRedirect(t, mark(came, "attended"), path+"?msg=attendance#booking-"+itoa(came.ID))
		wantRedirect(t, mark(absent, "noshow"), path+"?msg=attendance")
		page = e.do(c, http.MethodGet, path+"?msg=attendance", nil, nil)
		wantBody(t, page, "出欠を記録しました", "出席", "欠席", "記録を取り消す", "出欠を「出席」に記録", "採用 花子（管理画面）")
		if eventCount(t, page.Body, "booked") != "1" || eventCount(t, page.Body, "cancelled") != "1" ||
			eventCount(t, page.Body, "attended") != "1" {
			t.Errorf("counts after marking: booked %s cancelled %s attended %s", eventCount(t, page.Body, "booked"),
				eventCount(t, page.Body, "cancelled"), eventCount(t, page.Body, "attended"))
		}
		if got, _ := e.store.BookingByID(ctx, absent.ID); got.State != bot.BookingNoShow {
			t.Errorf("the absent student's booking is %s", got.State)
		}
		// Undone, and marked again.
		wantRedirect(t, mark(came, "booked"), path)
		if got, _ := e.store.BookingByID(ctx, came.ID); got.State != bot.BookingBooked {
			t.Errorf("after undoing: %s", got.State)
		}
		wantRedirect(t, mark(came, "attended"), path)

		// Not a state to mark, a cancelled booking, no such booking.
		wantStatus(t, mark(came, "cancelled"), http.StatusBadRequest)
		wantStatus(t, mark(gone, "attended"), http.StatusConflict)
		wantStatus(t, mark(bot.Booking{ID: 999999}, "attended"), http.StatusNotFound)

		// The dashboard counts them too.
		dash := e.do(c, http.MethodGet, "/admin/", nil, nil)
		wantBody(t, dash, "イベントの予約と出席", `href="/admin/events/`+itoa(ev.ID)+`"`, "1件", "1名")
	})
}

// TestEventsForViewers: a 閲覧 account reads the events pages without the
// buttons that change them, and is refused every route that changes an
// event, a booking or the calendar feed; nothing changes.
func TestEventsForViewers(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		csrf := e.csrf()
		ev := e.createEvent(e.client, eventForm(csrf, "説明会", e.clock.Now().Add(24*time.Hour).Truncate(time.Hour)))
		b := e.book(ev.ID, "U-view-1", "北見 花子")
		e.addStaff("view@example.jp", "見る 太郎", bot.RoleViewer)
		v := e.signIn("view@example.jp")
		vcsrf := e.csrfOf(v)
		path := "/admin/events/" + itoa(ev.ID)
		for _, p := range []string{"/admin/events", path, "/admin/"} {
			r := e.do(v, http.MethodGet, p, nil, nil)
			wantStatus(t, r, http.StatusOK)
			for _, button := range []string{"＋ 説明会を作成", `action="/admin/bookings/`, "受付を終了", "URLを再発行"} {
				if strings.Contains(r.Body, button) {
					t.Errorf("閲覧 sees %q on %s", button, p)
				}
			}
		}
		wantBody(t, e.do(v, http.MethodGet, path, nil, nil), "北見 花子")
		for _, p := range []struct{ path, state string }{
			{"/admin/events", ""}, {path + "/edit", ""}, {path + "/state", "closed"}, {path + "/cancel", ""},
			{"/admin/bookings/" + itoa(b.ID) + "/attendance", "attended"}, {"/admin/calendar/rotate", ""},
		} {
			form := eventForm(vcsrf, "閲覧の変更", e.clock.Now().Add(48*time.Hour))
			form.Set("state", p.state)
			form.Set("confirm", "yes")
			form.Set("version", "1")
			r := e.do(v, http.MethodPost, p.path, form, nil)
			if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "権限がありません") {
				t.Errorf("閲覧 POST %s = %d; want 403", p.path, r.StatusCode)
			}
		}
		got := e.event(ev.ID)
		if got.Title != "説明会" || got.State != bot.EventOpen || got.Version != 1 {
			t.Errorf("the event changed: %+v", got)
		}
		if list, _ := e.store.ListEvents(context.Background(), bot.EventFilter{}); len(list) != 1 {
			t.Errorf("閲覧 created an event: %d events", len(list))
		}
		if bk, _ := e.store.BookingByID(context.Background(), b.ID); bk.State != bot.BookingBooked {
			t.Errorf("the booking changed: %s", bk.State)
		}
	})
}

// TestQuotaCardWithoutLINE: with LINE off, the dashboard and the events
// list say the quota cannot be read, and nothing fails.
func TestQuotaCardWithoutLINE(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		for _, p := range []string{"/admin/", "/admin/events"} {
			r := e.get(p)
			wantStatus(t, r, http.StatusOK)
			wantBody(t, r, "LINEの送信数（今月）", "取得できません")
		}
	})
}

// TestInterviewHistoryLines: the interview lines the engine adds to an
// application's history (booked, rescheduled, cancelled) read in Japanese
// on the application's page and in the whole audit log.
func TestInterviewHistoryLines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		app := addApplication(t, e.store, "U-iv-history", "北見 太郎", "")
		lines := []bot.ApplicationEvent{
			{Action: "interview_booked", To: "12月10日(木) 14:00〜15:00"},
			{Action: "interview_rescheduled", From: "12月10日(木) 14:00〜15:00", To: "12月11日(金) 10:00〜10:30"},
			{Action: "interview_cancelled", From: "12月11日(金) 10:00〜10:30"},
		}
		if err := e.store.InTx(ctx, app.Key, func(tx bot.Tx) error {
			for _, l := range lines {
				l.ApplicationID, l.Actor = app.ID, "candidate"
				if err := tx.AddApplicationEvent(ctx, l); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		e.login()
		wantBody(t, e.get("/admin/applications/"+itoa(app.ID)), "面談を予約しました（12月10日(木) 14:00〜15:00）",
			"面談の日程を変更しました（12月10日(木) 14:00〜15:00 → 12月11日(金) 10:00〜10:30）",
			"面談の予約をキャンセルしました（12月11日(金) 10:00〜10:30）")
		wantBody(t, e.get("/admin/audit"), "面談を予約しました（12月10日(木) 14:00〜15:00）",
			"面談の日程を変更しました（12月11日(金) 10:00〜10:30）", "面談の予約をキャンセルしました")
	})
}
