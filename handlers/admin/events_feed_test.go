package admin_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/admin"
)

// feedSecrets is a staff calendar feed's secret, rotated on request.
type feedSecrets struct {
	mu      sync.Mutex
	secret  string
	rotated int
}

func (f *feedSecrets) CalendarFeedSecret(context.Context) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.secret, nil
}

func (f *feedSecrets) RotateCalendarFeedSecret(context.Context) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.secret = "rotated-" + f.secret
	f.rotated++
	return f.secret, nil
}

// withEventExtras returns a second copy of e's page, over the same store
// and engine, that reads the LINE quota with quota and offers the staff
// calendar feed of feed at site; with its own browser.
func (e *env) withEventExtras(quota admin.QuotaFunc, feed admin.CalendarFeed, site string) *env {
	e.t.Helper()
	return e.withConfig(func(c *admin.Config) { c.Quota, c.Calendar, c.SiteURL = quota, feed, site })
}

// fixedQuota reads used of limit pushes, always.
func fixedQuota(used, limit int64) admin.QuotaFunc {
	return func(context.Context) (int64, int64, bool, error) { return used, limit, true, nil }
}

// TestQuotaCard: the dashboard and the events list show the pushes sent
// this month against the plan's limit, read once for a few minutes; near
// the limit the card says so; a plan without a limit says that; a LINE
// that does not answer shows 「取得できません」 and the page still works;
// a batch of reminders held back this month is shown.
func TestQuotaCard(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		var mu sync.Mutex
		calls, used, limit, limited := 0, int64(57), int64(200), true
		var fail error
		quota := func(context.Context) (int64, int64, bool, error) {
			mu.Lock()
			defer mu.Unlock()
			calls++
			return used, limit, limited, fail
		}
		q := e.withEventExtras(quota, nil, "")
		q.login()
		for _, p := range []string{"/admin/", "/admin/events"} {
			wantBody(t, q.get(p), "LINEの送信数（今月）", "57<small> / 200通</small>", "残り143通（28%を使用）")
		}
		if calls != 1 {
			t.Errorf("LINE was asked %d times for two pages; want once", calls)
		}
		mu.Lock()
		used = 185
		mu.Unlock()
		q.clock.Advance(6 * time.Minute)
		wantBody(t, q.get("/admin/"), "185<small> / 200通</small>", "上限が近づいています", "quota-low")
		mu.Lock()
		limited, used = false, 1234
		mu.Unlock()
		q.clock.Advance(6 * time.Minute)
		wantBody(t, q.get("/admin/"), "1234<small>通</small>", "月の上限がありません")
		mu.Lock()
		fail = errors.New("line: quota: 401")
		mu.Unlock()
		q.clock.Advance(6 * time.Minute)
		r := q.get("/admin/")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "取得できません")

		ctx := context.Background()
		key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-quota"}
		if err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
			w := tx.(interface {
				RecordQuotaWarning(context.Context, bot.QuotaWarning) error
			})
			return w.RecordQuotaWarning(ctx, bot.QuotaWarning{At: q.clock.Now(), Needed: 30, Left: 12, HeldBack: 18})
		}); err != nil {
			t.Fatal(err)
		}
		wantBody(t, q.get("/admin/events"), "リマインダー30通に対して、LINEの残りが12通でした。18通は保留し")
	})
}

// TestCalendarFeedCard: every staff member sees the staff calendar feed's
// address (on the site's public address); only a 管理者 rotates it, and
// the old address is gone from the store and the page.
func TestCalendarFeedCard(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		f := e.withEventExtras(nil, e.store, "https://bot.example.jp/")
		f.addStaff("boss@example.jp", "管理 一郎", bot.RoleAdmin)
		f.addStaff("rec@example.jp", "採用 花子", bot.RoleRecruiter)
		rec := f.signIn("rec@example.jp")
		r := f.do(rec, http.MethodGet, "/admin/events", nil, nil)
		old, err := e.store.CalendarFeedSecret(ctx)
		if err != nil || len(old) < 40 {
			t.Fatalf("feed secret %q %v", old, err)
		}
		wantBody(t, r, "スタッフ用カレンダー", `value="https://bot.example.jp/calendar/feed/`+old+`.ics"`)
		if strings.Contains(r.Body, "URLを再発行") {
			t.Error("a 採用担当 is offered to rotate the feed's address")
		}
		r = f.do(rec, http.MethodPost, "/admin/calendar/rotate", url.Values{"csrf": {f.csrfOf(rec)}}, nil)
		wantStatus(t, r, http.StatusForbidden)
		if now, _ := e.store.CalendarFeedSecret(ctx); now != old {
			t.Fatal("a 採用担当 rotated the feed's secret")
		}

		boss := f.signIn("boss@example.jp")
		wantBody(t, f.do(boss, http.MethodGet, "/admin/events", nil, nil), "URLを再発行")
		r = f.do(boss, http.MethodPost, "/admin/calendar/rotate", url.Values{"csrf": {f.csrfOf(boss)}, "next": {"/admin/events"}}, nil)
		wantRedirect(t, r, "/admin/events?msg=feed_rotated#calendar-feed")
		fresh, err := e.store.CalendarFeedSecret(ctx)
		if err != nil || fresh == old {
			t.Fatalf("after rotating, the secret is %q (was %q) %v", fresh, old, err)
		}
		r = f.do(boss, http.MethodGet, "/admin/events?msg=feed_rotated", nil, nil)
		wantBody(t, r, "URLを再発行しました", `value="https://bot.example.jp/calendar/feed/`+fresh+`.ics"`)
		if strings.Contains(r.Body, old) {
			t.Error("the old address is still shown")
		}
		// Never sent elsewhere afterwards.
		r = f.do(boss, http.MethodPost, "/admin/calendar/rotate", url.Values{"csrf": {f.csrfOf(boss)}, "next": {"https://evil.example/"}}, nil)
		wantRedirect(t, r, "/admin/events?msg=feed_rotated")

		// Without a site address, the feed's is the request's own; without
		// a feed, no card.
		g := e.withEventExtras(nil, e.store, "")
		g.login()
		wantBody(t, g.get("/admin/events"), `value="`+g.srv.URL+"/calendar/feed/")
		e.login()
		if r := e.get("/admin/events"); strings.Contains(r.Body, "スタッフ用カレンダー") {
			t.Error("a page without the feed shows its card")
		}
	})
}

// TestEventPostsNeedCSRF: a post to an event route without the session's
// token changes nothing.
func TestEventPostsNeedCSRF(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		ev := e.createEvent(e.client, eventForm(e.csrf(), "説明会", e.clock.Now().Add(24*time.Hour).Truncate(time.Hour)))
		b := e.book(ev.ID, "U-csrf-ev", "北見 花子")
		path := "/admin/events/" + itoa(ev.ID)
		for _, p := range []string{"/admin/events", path + "/edit", path + "/state", path + "/cancel",
			"/admin/bookings/" + itoa(b.ID) + "/attendance", "/admin/calendar/rotate"} {
			for _, token := range []string{"", "forged-token"} {
				form := eventForm(token, "変更", e.clock.Now().Add(48*time.Hour))
				form.Set("state", "closed")
				form.Set("confirm", "yes")
				form.Set("version", "1")
				if token == "" {
					form.Del("csrf")
				}
				r := e.post(p, form)
				wantStatus(t, r, http.StatusForbidden)
				wantBody(t, r, "送信を受け付けられませんでした")
			}
		}
		if got := e.event(ev.ID); got.Title != "説明会" || got.State != bot.EventOpen || got.Version != 1 {
			t.Errorf("the event changed: %+v", got)
		}
		if bk, _ := e.store.BookingByID(context.Background(), b.ID); bk.State != bot.BookingBooked {
			t.Errorf("the booking changed: %s", bk.State)
		}
	})
}
