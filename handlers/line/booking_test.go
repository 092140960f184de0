package line_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// newSession opens a 説明会 days ahead (14:00 JST, one hour) with
// capacity seats, as staff would.
func (e *env) newSession(title string, days, capacity int) bot.Event {
	e.t.Helper()
	jst := time.FixedZone("JST", 9*3600)
	d := e.clock.Now().In(jst).AddDate(0, 0, days)
	start := time.Date(d.Year(), d.Month(), d.Day(), 14, 0, 0, 0, jst)
	ev := bot.Event{Kind: bot.EventSession, Title: title, StartsAt: start, EndsAt: start.Add(time.Hour),
		Capacity: capacity, Place: "北見工業大学"}
	eng := bot.NewEngine(bot.Config{Store: e.store, Now: e.clock.Now})
	if err := eng.SaveEvent(context.Background(), &ev, "admin"); err != nil {
		e.t.Fatal(err)
	}
	return ev
}

// postbacksOf returns every postback data of a delivered call.
func postbacksOf(c linetest.Call) []string {
	var v any
	raw, _ := json.Marshal(c.Body)
	_ = json.Unmarshal(raw, &v)
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "postback" {
				if d, ok := v["data"].(string); ok {
					out = append(out, d)
				}
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(v)
	return out
}

// slotData returns the 予約する postback of event id in call c, as LINE
// shows it (a button of the carousel).
func slotData(t *testing.T, c linetest.Call, id int64) string {
	t.Helper()
	for _, d := range postbacksOf(c) {
		if v, err := url.ParseQuery(d); err == nil && v.Get("e") == strconv.FormatInt(id, 10) {
			return d
		}
	}
	t.Fatalf("no 予約する button of event %d in %s", id, messagesText(c))
	return ""
}

// last is the last delivery.
func (e *env) last() linetest.Call {
	d := e.api.Delivered()
	return d[len(d)-1]
}

// bookAsNewFriend follows, asks for the sessions, taps 予約する on ev,
// consents and gives a name, up to the confirmation question; it returns
// the postback of that question's はい.
func (e *env) bookAsNewFriend(user string, ev bot.Event, name string) string {
	e.t.Helper()
	e.send(e.event("follow", user, nil))
	e.send(e.text(user, "説明会に参加したい"))
	if !strings.Contains(e.lastTexts(), "ご予約いただける日程です") {
		e.t.Fatalf("no slots: %s", e.lastTexts())
	}
	e.send(e.postback(user, slotData(e.t, e.last(), ev.ID)))
	if !strings.Contains(e.lastTexts(), "お名前をお預かりします") {
		e.t.Fatalf("no consent: %s", e.lastTexts())
	}
	e.tap(user, "同意する")
	e.send(e.text(user, name))
	if !strings.Contains(e.lastTexts(), "を予約しますか？") {
		e.t.Fatalf("no confirmation: %s", e.lastTexts())
	}
	yes, ok := e.quickReplies()["はい、予約する"]
	if !ok {
		e.t.Fatalf("no はい in %v", e.quickReplies())
	}
	return yes
}

func (e *env) activeBookings(id int64) int {
	e.t.Helper()
	bs, err := e.store.BookingsOf(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	n := 0
	for _, b := range bs {
		if b.State.Active() {
			n++
		}
	}
	return n
}

func TestLINEBookSession(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		ev := e.newSession("サケモデル説明会", 10, 2)
		next := e.newSession("次回の説明会", 20, 5)
		e.bookAsNewFriend("Ua", ev, "北見 花子")
		e.tap("Ua", "はい、予約する")
		if got := e.lastTexts(); !strings.Contains(got, "ご予約を承りました") || !strings.Contains(got, "北見　花子") ||
			!strings.Contains(got, "「キャンセル」") {
			t.Fatalf("confirmation: %s", got)
		}
		// a double tap of 予約する asks again, and books once
		e.send(e.text("Ua", "説明会の予約"))
		data := slotData(t, e.last(), next.ID)
		e.send(e.postback("Ua", data))
		e.send(e.postback("Ua", data))
		yes := e.quickReplies()["はい、予約する"]
		e.send(e.postback("Ua", yes))
		e.send(e.postback("Ua", yes))
		if got := e.lastTexts(); !strings.Contains(got, "以前のご案内") {
			t.Fatalf("second はい: %s", got)
		}
		if n := e.activeBookings(next.ID); n != 1 {
			t.Fatalf("%d bookings after a double tap", n)
		}

		// full: the second seat goes to Ub, Uc hears 満席 with the next slots
		yesB := e.bookAsNewFriend("Ub", ev, "北見 次郎")
		yesC := e.bookAsNewFriend("Uc", ev, "北見 三郎")
		e.send(e.postback("Ub", yesB))
		e.send(e.postback("Uc", yesC))
		got := e.lastTexts()
		if !strings.Contains(got, "申し訳ありません。その回は満席になりました。") || !strings.Contains(got, "ほかにご予約いただける日程です") {
			t.Fatalf("full: %s", got)
		}
		slotData(t, e.last(), next.ID)

		// cancel and rebook: Ua cancels the first session, Uc takes the seat
		e.send(e.text("Ua", "キャンセル"))
		if got := e.lastTexts(); !strings.Contains(got, "どれ") && !strings.Contains(got, "キャンセルするご予約を選んでください") {
			t.Fatalf("which: %s", got)
		}
		e.tap("Ua", bookingLabel(ev))
		e.tap("Ua", "はい、キャンセルする")
		if got := e.lastTexts(); !strings.Contains(got, "キャンセルしました") {
			t.Fatalf("cancelled: %s", got)
		}
		e.send(e.text("Uc", "説明会の予約"))
		e.send(e.postback("Uc", slotData(t, e.last(), ev.ID)))
		e.tap("Uc", "同意する") // a name given for a booking not made is not kept
		e.send(e.text("Uc", "北見 三郎"))
		e.tap("Uc", "はい、予約する")
		if got := e.lastTexts(); !strings.Contains(got, "ご予約を承りました") {
			t.Fatalf("rebooked: %s", got)
		}
		if n := e.activeBookings(ev.ID); n != 2 {
			t.Fatalf("%d active bookings, want 2", n)
		}

		// change of date: Ub moves to the next session
		e.send(e.text("Ub", "日程を変更"))
		e.send(e.postback("Ub", slotData(t, e.last(), next.ID)))
		e.tap("Ub", "はい、予約する")
		if got := e.lastTexts(); !strings.Contains(got, "日程を変更しました") || !strings.Contains(got, "次回の説明会") {
			t.Fatalf("changed: %s", got)
		}
		if a, b := e.activeBookings(ev.ID), e.activeBookings(next.ID); a != 1 || b != 2 {
			t.Fatalf("after the change: %d and %d", a, b)
		}
		checkLimits(t, e.api.Delivered())
	})
}

// bookingLabel is the button that picks the booking of ev.
func bookingLabel(ev bot.Event) string {
	return strings.TrimSuffix(bot.FormatEventTime(ev.StartsAt, time.Time{}), "〜") + " " + ev.Kind.Label()
}

// TestLINELastSeatsRace: 40 students confirm at once (40 signed webhook
// requests, one each) for 5 seats: exactly 5 are booked and told so, and
// the other 35 hear 満席 with the next open slots.
func TestLINELastSeatsRace(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		ev := e.newSession("最後の5席", 7, 5)
		next := e.newSession("次回の説明会", 14, 100)
		const students = 40
		yes := map[string]string{}
		for i := range students {
			user := "Urace" + strconv.Itoa(i)
			yes[user] = e.bookAsNewFriend(user, ev, "北見 太郎")
		}
		before := len(e.api.Delivered())
		owner := map[string]string{} // reply token → user
		bodies := map[string][]byte{}
		for user, data := range yes {
			ev := e.postback(user, data)
			owner[ev["replyToken"].(string)] = user
			bodies[user] = callback(ev)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		codes := make(chan int, students)
		for _, body := range bodies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				codes <- e.post(body)
			}()
		}
		close(start)
		wg.Wait()
		close(codes)
		for c := range codes {
			if c != 200 {
				t.Fatalf("webhook answered %d", c)
			}
		}
		e.run()

		booked, full := 0, 0
		told := map[string]bool{}
		for _, c := range e.api.Delivered()[before:] {
			user := owner[c.Body["replyToken"].(string)]
			if user == "" {
				user, _ = c.Body["to"].(string)
			}
			if told[user] {
				t.Fatalf("%s answered twice", user)
			}
			told[user] = true
			text := messagesText(c)
			switch {
			case strings.Contains(text, "ご予約を承りました"):
				booked++
			case strings.Contains(text, "満席になりました"):
				full++
				slotData(t, c, next.ID)
			default:
				t.Fatalf("%s was told: %s", user, text)
			}
		}
		if booked != 5 || full != 35 {
			t.Fatalf("%d booked and %d full, want 5 and 35", booked, full)
		}
		if n := e.activeBookings(ev.ID); n != 5 {
			t.Fatalf("%d active bookings for 5 seats", n)
		}
		got, err := e.store.EventByID(context.Background(), ev.ID)
		if err != nil || got.Booked != 5 {
			t.Fatalf("event: %+v %v", got, err)
		}
	})
}
