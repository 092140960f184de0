package email_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestInterviewBookingIsMailed: without Slack, an interview booked by an
// applicant reaches the staff who opted in, with the reference, the time
// in JST and a link to the event on the admin page; after the candidate
// is forgotten there is nothing to mail.
func TestInterviewBookingIsMailed(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		srv := startSMTP(t, "127.0.0.1:0")
		e := newEnv(t, url, srv.port())
		a := e.apply()
		e.deliver()
		before := len(srv.mails())
		ctx := context.Background()
		start := e.clock.Now().Add(72 * time.Hour).Truncate(time.Hour)
		ev := bot.Event{Kind: bot.EventInterview, Title: "一次面談", StartsAt: start, EndsAt: start.Add(30 * time.Minute),
			URL: "https://meet.example.com/x", Capacity: 1, Deadline: start}
		b := bot.Booking{Key: a.Key, CandidateID: a.CandidateID, ApplicationID: a.ID, Name: a.Name}
		err := e.store.InTx(ctx, a.Key, func(tx bot.Tx) error {
			if err := tx.SaveEvent(ctx, &ev, "test"); err != nil {
				return err
			}
			b.EventID = ev.ID
			_, err := tx.Book(ctx, &b, e.clock.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		sender := e.sender()
		if err := sender.Send(ctx, bot.Delivery{ID: 50, Kind: bot.DeliveryBookingNotice, Ref: b.ID}); err != nil {
			t.Fatal(err)
		}
		got := srv.mails()
		if len(got) != before+1 {
			t.Fatalf("mails = %d; want %d", len(got), before+1)
		}
		m := parse(t, got[len(got)-1])
		if want := "【sakebot】面談の予約（受付番号 " + a.Ref + "）"; m.Subject != want {
			t.Errorf("subject = %q; want %q", m.Subject, want)
		}
		for _, want := range []string{a.Ref, "北見 太郎", bot.FormatEventTime(ev.StartsAt, ev.EndsAt), "場所：オンライン",
			"https://bot.example.com/admin/events/"} {
			if !strings.Contains(m.Body, want) {
				t.Errorf("body lacks %q:\n%s", want, m.Body)
			}
		}
		if _, err := e.engine.ForgetCandidate(ctx, a.Key, "test"); err != nil {
			t.Fatal(err)
		}
		if err := sender.Send(ctx, bot.Delivery{ID: 51, Kind: bot.DeliveryBookingNotice, Ref: b.ID}); err != nil {
			t.Errorf("Send(booking of a forgotten candidate) = %v; want nil (nothing to mail)", err)
		}
		if n := len(srv.mails()); n != before+1 {
			t.Errorf("mails = %d after forget; want %d", n, before+1)
		}
	})
}

// TestStaffMessageIsMailed: the engine's own message to recruiters (the
// next day's list) is mailed with its first line as the subject; one with
// no text is nothing to mail.
func TestStaffMessageIsMailed(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		srv := startSMTP(t, "127.0.0.1:0")
		e := newEnv(t, url, srv.port())
		ctx := context.Background()
		d := bot.Delivery{ID: 60, Kind: bot.DeliveryStaffMessage, Replies: []bot.Reply{
			{Text: "明日（2月21日）の予約です\n説明会 14:00〜15:00"}, {Text: "・北見 太郎 さん（LINE）"}}}
		if err := e.sender().Send(ctx, d); err != nil {
			t.Fatal(err)
		}
		m := onlyMail(t, srv)
		if want := "【sakebot】明日（2月21日）の予約です"; m.Subject != want {
			t.Errorf("subject = %q; want %q", m.Subject, want)
		}
		if !strings.Contains(m.Body, "説明会 14:00〜15:00") || !strings.Contains(m.Body, "・北見 太郎 さん（LINE）") {
			t.Errorf("body:\n%s", m.Body)
		}
		if err := e.sender().Send(ctx, bot.Delivery{ID: 61, Kind: bot.DeliveryStaffMessage}); err != nil {
			t.Errorf("Send(empty staff message) = %v; want nil", err)
		}
		if n := len(srv.mails()); n != 1 {
			t.Errorf("mails = %d; want 1", n)
		}
	})
}
