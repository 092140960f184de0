package calendar_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers"
	"github.com/sakemodel/sakebot/handlers/calendar"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// env is the calendar mounted as serve mounts it, over a real store.
type env struct {
	t     *testing.T
	store *store.Store
	clock *storetest.Clock
	srv   *httptest.Server
	links calendar.Links
}

func newEnv(t *testing.T, url string) *env {
	clock := storetest.NewClock(t)
	e := &env{t: t, clock: clock, store: storetest.Open(t, url, clock.Now)}
	secret, err := e.store.CalendarSecret(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	h := calendar.New(calendar.Config{Store: e.store, Now: clock.Now})
	e.srv = httptest.NewServer(handlers.NewHandler(handlers.Config{Ready: e.store.Ready,
		Mounts: map[string]http.Handler{"/calendar/": h}}))
	t.Cleanup(e.srv.Close)
	e.links = calendar.Links{BaseURL: e.srv.URL + "/", Secret: secret}
	return e
}

// event opens an event starting in days at 14:00 JST, an hour long.
func (e *env) event(kind bot.EventKind, title, place, note string, days int) bot.Event {
	e.t.Helper()
	jst := time.FixedZone("JST", 9*3600)
	y, m, d := e.clock.Now().In(jst).Date()
	start := time.Date(y, m, d+days, 14, 0, 0, 0, jst)
	ev := bot.Event{Kind: kind, Title: title, StartsAt: start, EndsAt: start.Add(time.Hour), Place: place,
		URL: "https://meet.example.jp/abc", Capacity: 5, Deadline: start.Add(-time.Hour), Note: note}
	err := e.store.InTx(context.Background(), bot.UserKey{Channel: bot.ChannelLINE, UserID: "staff"}, func(tx bot.Tx) error {
		return tx.SaveEvent(context.Background(), &ev, "staff:test")
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return ev
}

// book books ev for user, named name.
func (e *env) book(ev bot.Event, user, name string) bot.Booking {
	e.t.Helper()
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: user}
	b := bot.Booking{EventID: ev.ID, Key: key, Name: name}
	err := e.store.InTx(context.Background(), key, func(tx bot.Tx) error {
		_, err := tx.Book(context.Background(), &b, e.clock.Now())
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// get fetches url, returning the status, the headers and the body.
func (e *env) get(url string) (int, http.Header, string) {
	e.t.Helper()
	res, err := http.Get(url)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, string(body)
}

// parse reads a calendar with the library that wrote it.
func parse(t *testing.T, body string) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatalf("the file does not parse: %v\n%s", err, body)
	}
	return cal
}

func prop(ev *ics.VEvent, p ics.ComponentProperty) string {
	if v := ev.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

func TestBookingICS(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		note := "持ち物：筆記用具\r\n会場の2階です; 受付で名前を、お伝えください\x07"
		ev := e.event(bot.EventSession, "サケモデル説明会（北見工業大学）", "北見工業大学 第1講義室", note, 3)
		b := e.book(ev, "U1", "北見 花子")

		link := e.links.Booking(b.ID)
		if !strings.HasPrefix(link, e.srv.URL+"/calendar/booking/") || strings.Contains(link, "//calendar") {
			t.Fatalf("link %q", link)
		}
		status, h, body := e.get(link)
		if status != 200 {
			t.Fatalf("GET %s: %d %s", link, status, body)
		}
		if ct := h.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
			t.Errorf("Content-Type %q", ct)
		}
		if !strings.Contains(h.Get("Cache-Control"), "no-store") {
			t.Errorf("Cache-Control %q", h.Get("Cache-Control"))
		}
		for i, l := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
			if strings.ContainsAny(l, "\r\n\x07") || len(l) > 75 {
				t.Errorf("line %d is not an RFC 5545 content line: %q", i+1, l)
			}
		}
		cal := parse(t, body)
		evs := cal.Events()
		if len(evs) != 1 {
			t.Fatalf("%d events", len(evs))
		}
		got := evs[0]
		if want := "booking-" + itoa(b.ID) + "@sakebot"; got.Id() != want {
			t.Errorf("UID %q, want %q", got.Id(), want)
		}
		start := prop(got, ics.ComponentPropertyDtStart)
		if !strings.HasSuffix(start, "Z") {
			t.Errorf("DTSTART %q is not in UTC", start)
		}
		if at, err := got.GetStartAt(); err != nil || !at.Equal(ev.StartsAt) {
			t.Errorf("DTSTART %v (%v), want %v", at, err, ev.StartsAt)
		}
		if at, err := got.GetEndAt(); err != nil || !at.Equal(ev.EndsAt) {
			t.Errorf("DTEND %v (%v), want %v", at, err, ev.EndsAt)
		}
		if at, err := got.GetDtStampTime(); err != nil || !at.Equal(e.clock.Now().Truncate(time.Second)) {
			t.Errorf("DTSTAMP %v (%v), want the clock's %v", at, err, e.clock.Now())
		}
		if s := ics.FromText(prop(got, ics.ComponentPropertySummary)); s != "説明会：サケモデル説明会（北見工業大学）" {
			t.Errorf("SUMMARY %q", s)
		}
		if s := ics.FromText(prop(got, ics.ComponentPropertyLocation)); s != "北見工業大学 第1講義室" {
			t.Errorf("LOCATION %q", s)
		}
		if s := prop(got, ics.ComponentPropertyUrl); s != "https://meet.example.jp/abc" {
			t.Errorf("URL %q", s)
		}
		desc := ics.FromText(prop(got, ics.ComponentPropertyDescription))
		if !strings.Contains(desc, "持ち物：筆記用具\n会場の2階です; 受付で名前を、お伝えください") || strings.Contains(desc, "\x07") {
			t.Errorf("DESCRIPTION %q", desc)
		}
		if s := prop(got, ics.ComponentPropertyStatus); s != "CONFIRMED" {
			t.Errorf("STATUS %q", s)
		}
		if strings.Contains(body, "北見 花子") {
			t.Error("the student's file names them; it need not")
		}

		// Cancelled: the same address now says CANCELLED.
		err := e.store.InTx(context.Background(), b.Key, func(tx bot.Tx) error {
			_, err := tx.CancelBooking(context.Background(), b.ID, "student", e.clock.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		_, _, body = e.get(link)
		if s := prop(parse(t, body).Events()[0], ics.ComponentPropertyStatus); s != "CANCELLED" {
			t.Errorf("a cancelled booking's STATUS is %q", s)
		}
	})
}

func TestBookingICSRefusesWrongAddresses(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t))
	ev := e.event(bot.EventInterview, "面談", "", "", 2)
	b := e.book(ev, "U1", "北見 花子")
	good := e.links.Booking(b.ID)
	other := calendar.Links{BaseURL: e.srv.URL, Secret: []byte("another key of thirty-two bytes!")}.Booking(b.ID)
	sig := strings.TrimSuffix(good[strings.LastIndex(good, "/")+1:], ".ics")
	_, sig, _ = strings.Cut(sig, ".")
	base := e.srv.URL + "/calendar/booking/"
	for _, u := range []string{
		other, // signed with another key
		base + itoa(b.ID) + ".AAAAAAAAAAAAAAAAAAAAAA.ics",   // a guessed signature
		base + itoa(b.ID+1) + "." + sig + ".ics",            // another booking with this one's signature
		base + "0" + itoa(b.ID) + "." + sig + ".ics",        // the id spelt another way
		base + itoa(b.ID) + ".ics",                          // no signature
		strings.TrimSuffix(good, ".ics"),                    // no extension
		base + itoa(b.ID) + "." + sig[:len(sig)-1] + ".ics", // a shorter signature
	} {
		if status, _, _ := e.get(u); status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", u, status)
		}
	}
	// A signed address of a booking that is gone (its student was forgotten) is 404 too.
	gone := e.links.Booking(b.ID + 100)
	if status, _, _ := e.get(gone); status != http.StatusNotFound {
		t.Errorf("GET %s: %d, want 404", gone, status)
	}
	if status, _, _ := e.get(good); status != 200 {
		t.Errorf("GET %s: %d", good, status)
	}
}

func TestFeed(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		ctx := context.Background()
		later := e.event(bot.EventSession, "説明会（オンライン）", "", "Zoomで行います", 5)
		sooner := e.event(bot.EventInterview, "面談", "本社 会議室A", "", 1)
		b1 := e.book(later, "U1", "北見 花子")
		b2 := e.book(sooner, "U2", "網走 太郎")
		cancelled := e.book(later, "U3", "紋別 次郎")
		if err := e.store.InTx(ctx, cancelled.Key, func(tx bot.Tx) error {
			_, err := tx.CancelBooking(ctx, cancelled.ID, "student", e.clock.Now())
			return err
		}); err != nil {
			t.Fatal(err)
		}

		secret, err := e.store.CalendarFeedSecret(ctx)
		if err != nil || len(secret) < 43 {
			t.Fatalf("feed secret %q (%v)", secret, err)
		}
		if again, _ := e.store.CalendarFeedSecret(ctx); again != secret {
			t.Fatal("the feed secret changed without a rotation")
		}
		feed := e.links.Feed(secret)
		status, h, body := e.get(feed)
		if status != 200 {
			t.Fatalf("GET feed: %d %s", status, body)
		}
		if cc := h.Get("Cache-Control"); !strings.Contains(cc, "no-store") || !strings.Contains(cc, "private") {
			t.Errorf("Cache-Control %q", cc)
		}
		cal := parse(t, body)
		var uids, summaries []string
		for _, ev := range cal.Events() {
			uids = append(uids, ev.Id())
			summaries = append(summaries, ics.FromText(prop(ev, ics.ComponentPropertySummary)))
			if s := prop(ev, ics.ComponentPropertyDtStart); !strings.HasSuffix(s, "Z") {
				t.Errorf("DTSTART %q is not in UTC", s)
			}
		}
		want := []string{"booking-" + itoa(b2.ID) + "@sakebot", "booking-" + itoa(b1.ID) + "@sakebot"}
		if strings.Join(uids, " ") != strings.Join(want, " ") {
			t.Errorf("the feed has %q; want the active bookings soonest first %q", uids, want)
		}
		if len(summaries) == 2 && (summaries[0] != "面談：面談（網走 太郎）" || summaries[1] != "説明会：説明会（オンライン）（北見 花子）") {
			t.Errorf("summaries %q", summaries)
		}

		// Rotating the secret retires the old address at once.
		fresh, err := e.store.RotateCalendarFeedSecret(ctx)
		if err != nil || fresh == secret || len(fresh) < 43 {
			t.Fatalf("rotated to %q (%v)", fresh, err)
		}
		if status, _, _ := e.get(feed); status != http.StatusNotFound {
			t.Errorf("the old feed address answers %d, want 404", status)
		}
		if status, _, body := e.get(e.links.Feed(fresh)); status != 200 || len(parse(t, body).Events()) != 2 {
			t.Errorf("the new feed address answers %d", status)
		}
		for _, u := range []string{e.srv.URL + "/calendar/feed/.ics", e.srv.URL + "/calendar/feed/" + fresh, e.srv.URL + "/calendar/feed/" + fresh[:42] + ".ics"} {
			if status, _, _ := e.get(u); status != http.StatusNotFound {
				t.Errorf("GET %s: %d, want 404", u, status)
			}
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
