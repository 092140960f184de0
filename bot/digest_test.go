package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

func TestDigestOfTomorrow(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withEvents(h, bot.EventConfig{DigestHour: 18}, true)
		h.clock.Set(feb2031(10, 9, 0))
		ev := createEvent(t, h.store, "会社説明会 <特別編>", feb2031(21, 14, 0), 30)
		createEvent(t, h.store, "翌々日の説明会", feb2031(22, 14, 0), 30)
		h.bookAt(ev, "Ua", "北見 一郎", feb2031(19, 10, 0))
		h.bookAt(ev, "Ub", "網走 花子", feb2031(20, 9, 0))
		digest := func(at time.Time) bool {
			h.clock.Set(at)
			ok, err := h.eng.SendDigest(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if digest(feb2031(20, 17, 59)) {
			t.Fatal("sent before DigestHour")
		}
		if !digest(feb2031(20, 18, 0)) {
			t.Fatal("not sent at DigestHour")
		}
		ds := h.drain()
		if len(ds) != 1 || ds[0].Kind != bot.DeliveryStaffMessage || ds[0].Key != notifyTo.Key() || ds[0].To != notifyTo.To {
			t.Fatalf("deliveries %+v", ds)
		}
		var texts []string
		for _, r := range ds[0].Replies {
			texts = append(texts, r.Text)
		}
		text := strings.Join(texts, "\n")
		if len(ds[0].Replies) != 2 {
			t.Errorf("replies: a heading and one per event, got %d", len(ds[0].Replies))
		}
		for _, want := range []string{"明日 2月21日(金) の予定（1件）", "説明会「会社説明会 <特別編>」 2月21日(金) 14:00〜15:00",
			"予約 2名／定員 30名", "・北見 一郎（LINE）", "・網走 花子（LINE）"} {
			if !strings.Contains(text, want) {
				t.Errorf("digest %q lacks %q", text, want)
			}
		}
		if strings.Contains(text, "翌々日") {
			t.Errorf("digest lists the day after tomorrow: %q", text)
		}
		// Once a day, whichever engine asks (a second replica).
		other := bot.NewEngine(bot.Config{Store: h.store, Now: h.clock.Now, Notify: notifyTo})
		if digest(feb2031(20, 23, 0)) {
			t.Fatal("sent twice")
		}
		if ok, err := other.SendDigest(context.Background()); ok || err != nil {
			t.Fatalf("another engine sent it again: %v %v", ok, err)
		}
		// The next evening: the day after's event.
		if !digest(feb2031(21, 18, 30)) {
			t.Fatal("not sent the next day")
		}
		if ds := h.drain(); len(ds) != 1 || len(ds[0].Replies) != 2 || !strings.Contains(ds[0].Replies[1].Text, "翌々日の説明会") {
			t.Fatalf("next day %+v", ds)
		}
	})
}

func TestDigestOnlyWhenNotifying(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withEvents(h, bot.EventConfig{}, false)
		h.clock.Set(feb2031(10, 9, 0))
		ev := createEvent(t, h.store, "会社説明会", feb2031(21, 14, 0), 30)
		h.bookAt(ev, "Ua", "北見 一郎", feb2031(19, 10, 0))
		h.clock.Set(feb2031(20, 18, 0))
		if ok, err := h.eng.SendDigest(context.Background()); ok || err != nil {
			t.Fatalf("sent without Notify: %v %v", ok, err)
		}
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("deliveries %+v", ds)
		}
	})
}
