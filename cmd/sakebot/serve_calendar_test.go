package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/calendar"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestServeMountsCalendar: serve answers a booking's signed .ics address
// and the staff's feed, with the keys kept in the database.
func TestServeMountsCalendar(t *testing.T) {
	db := storetest.SQLiteURL(t)
	addr, out := serveWith(t, map[string]string{"DATABASE_URL": db, "ADMIN_BASE_URL": "https://bot.example.jp"})
	base := "http://" + addr
	t.Cleanup(func() {
		if t.Failed() {
			t.Log(out.String())
		}
	})

	ctx := context.Background()
	s, err := store.Open(ctx, db, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now().Add(72 * time.Hour).Truncate(time.Hour)
	ev := bot.Event{Kind: bot.EventSession, Title: "サケモデル説明会", StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "北見工業大学", Capacity: 10, Deadline: start.Add(-time.Hour)}
	key := bot.UserKey{Channel: bot.ChannelWeb, UserID: "v1"}
	b := bot.Booking{Key: key, Name: "北見 花子"}
	err = s.InTx(ctx, key, func(tx bot.Tx) error {
		if err := tx.SaveEvent(ctx, &ev, "staff:test"); err != nil {
			return err
		}
		b.EventID = ev.ID
		_, err := tx.Book(ctx, &b, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	secret, err := s.CalendarSecret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	feed, err := s.CalendarFeedSecret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	links := calendar.Links{BaseURL: base, Secret: secret}
	for _, u := range []string{links.Booking(b.ID), links.Feed(feed)} {
		res, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
			t.Errorf("GET %s: %d %s", u, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	if body := get(t, base+"/calendar/feed/wrong.ics"); strings.Contains(body, "BEGIN:VCALENDAR") {
		t.Error("a wrong feed address was served")
	}
}
