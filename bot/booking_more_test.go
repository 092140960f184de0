package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

func TestRescheduleBooking(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		first := h.newEvent(bot.EventSession, "第1回説明会", 4, 10)
		second := h.newEvent(bot.EventSession, "第2回説明会", 11, 1)
		third := h.newEvent(bot.EventSession, "第3回説明会", 18, 10)
		h.bookSession(first.ID, "北見 太郎")

		// the second is full when the student confirms: the old booking stays
		h.say("日程を変更", "変更先の日程を選んでください")
		if len(h.slots()) != 2 {
			t.Fatalf("slots for a change: %+v", h.slots())
		}
		h.tapSlot(second.ID, "第2回説明会", "はキャンセルされます")
		other := h.key
		h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0002"}
		h.bookSession(second.ID, "北見 次郎")
		h.key = other
		h.say("はい", "満席になりました")
		if _, n := h.bookingsOf(first.ID); n != 1 {
			t.Fatal("the old booking was lost when the new slot was full")
		}
		h.tapSlot(third.ID, "第3回説明会", "お名前：北見　太郎")
		h.tap("はい、予約する", "日程を変更しました", "第3回説明会")
		if _, n := h.bookingsOf(first.ID); n != 0 {
			t.Fatal("the old booking is still active")
		}
		if bs, n := h.bookingsOf(third.ID); n != 1 || bs[0].Name != "北見　太郎" {
			t.Fatalf("new booking: %+v", bs)
		}
		// with two bookings, the student picks which
		h.bookSession(first.ID, "")
		h.say("別の日にしたい", "日程を変更するご予約を選んでください")
		h.say("2", "変更先の日程を選んでください") // the third (second in time order)
		h.say("キャンセル", "キャンセルするご予約を選んでください", "[戻る]")
		h.tap(bookingLabelOf(h, third), "キャンセルしますか？")
	})
}

func TestDoubleTapBooksOnce(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 6, 10)
		h.say("説明会の予約")
		slot := h.slotFor(ev.ID).Choice
		tapSlot := func() []bot.Reply {
			return h.send(bot.Incoming{Kind: bot.KindPostback, Postback: slot.Postback, Text: slot.Text})
		}
		tapSlot()
		h.tap("同意する")
		h.say("北見 太郎", "を予約しますか？")
		firstAsk := h.last
		tapSlot() // the second tap asks again
		h.expect(h.last, "second tap", "を予約しますか？")
		yes := func(rs []bot.Reply) bot.Choice {
			for _, c := range lastChoices(rs) {
				if c.Label == "はい、予約する" {
					return c
				}
			}
			t.Fatal("no はい")
			return bot.Choice{}
		}
		old, cur := yes(firstAsk), yes(h.last)
		h.send(bot.Incoming{Kind: bot.KindPostback, Postback: cur.Postback, Text: cur.Text})
		h.expect(h.last, "はい", "ご予約を承りました")
		h.send(bot.Incoming{Kind: bot.KindPostback, Postback: cur.Postback, Text: cur.Text})
		h.expect(h.last, "はい again", "以前のご案内")
		h.send(bot.Incoming{Kind: bot.KindPostback, Postback: old.Postback, Text: old.Text})
		tapSlot()
		h.expect(h.last, "slot again", "すでに予約済みです")
		if bs, n := h.bookingsOf(ev.ID); n != 1 || len(bs) != 1 {
			t.Fatalf("%d bookings, %d active", len(bs), n)
		}
	})
}

func TestInterviewBooking(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withCalendar(h) // notifies recruiters too
		ctx := context.Background()
		slot := h.newEvent(bot.EventInterview, "一次面談", 8, 0) // an interview's zero capacity is 1
		if slot.Capacity != 1 {
			t.Fatalf("capacity %d", slot.Capacity)
		}
		h.fillForm()
		h.tap("この内容で応募する", "受付番号は")
		app := h.applications()[0]
		h.drain()
		if _, _, err := h.eng.SetApplicationStatus(ctx, app.ID, bot.StatusInterview, "USTAFF"); err != nil {
			t.Fatal(err)
		}
		ds := h.drain()
		last := ds[len(ds)-1]
		if last.Kind != bot.DeliveryReply || last.Key != h.key || len(last.Replies) != 1 ||
			!strings.Contains(last.Replies[0].Text, "下の候補から") || len(last.Replies[0].Slots) != 1 ||
			last.Replies[0].Slots[0].EventID != slot.ID {
			t.Fatalf("the interview invitation: %+v", last)
		}
		h.last = last.Replies
		h.tapSlot(slot.ID, "『一次面談』を予約しますか？")
		h.tap("はい、予約する", "ご予約を承りました", "【面談】一次面談", "お名前：北見　太郎")
		bs, n := h.bookingsOf(slot.ID)
		if n != 1 || bs[0].ApplicationID != app.ID {
			t.Fatalf("booking: %+v", bs)
		}
		ds = h.drain()
		if len(ds) != 1 || ds[0].Kind != bot.DeliveryBookingNotice || ds[0].Ref != bs[0].ID || ds[0].Key != notifyTo.Key() {
			t.Fatalf("notice: %v", kinds(ds))
		}
		history, err := h.store.ApplicationEvents(ctx, app.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e := history[len(history)-1]; e.Action != "interview_booked" || e.To != bot.FormatEventTime(slot.StartsAt, slot.EndsAt) {
			t.Fatalf("history: %+v", history)
		}
		// a second interview slot: booking it again is refused, a change is offered
		h.newEvent(bot.EventInterview, "一次面談（予備）", 9, 1)
		h.say("面談の日程")
		h.tapSlot(h.slots()[len(h.slots())-1].EventID, "面談はすでに予約済みです", "[日程を変更]")
		h.say("予約をキャンセル", "の面談の予約をキャンセルしますか？")
		h.say("はい", "の面談の予約をキャンセルしました")
		if ds := h.drain(); len(ds) != 1 || ds[0].Kind != bot.DeliveryBookingNotice || ds[0].Ref != bs[0].ID {
			t.Fatalf("cancel notice: %v", kinds(ds))
		}
	})
}

func TestInterviewWithoutSlots(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withNotify(h)
		h.fillForm()
		h.tap("この内容で応募する", "受付番号は")
		app := h.applications()[0]
		h.drain()
		if _, _, err := h.eng.SetApplicationStatus(context.Background(), app.ID, bot.StatusInterview, "USTAFF"); err != nil {
			t.Fatal(err)
		}
		ds := h.drain()
		if r := ds[len(ds)-1].Replies[0]; !strings.Contains(r.Text, "担当者からメールまたはお電話でご連絡します") || len(r.Slots) != 0 {
			t.Fatalf("without slots: %+v", r)
		}
	})
}

func TestBookingButtonsFromAnywhere(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 2, 10)
		h.bookSession(ev.ID, "北見 太郎")
		bs, _ := h.bookingsOf(ev.ID)
		id := bs[0].ID
		h.postback(bot.BookingPostback(bot.BookingAttend, id), "ご連絡ありがとうございます", "お待ちしています")
		if b, _ := h.bookingsOf(ev.ID); !b[0].Confirmed {
			t.Fatal("not confirmed")
		}
		// in the middle of the form, the cancel button asks, then the form goes on
		h.say("応募したい")
		h.tap("同意する", qName)
		h.postback(bot.BookingPostback(bot.BookingCancel, id), "の説明会の予約をキャンセルしますか？")
		h.tap("はい、キャンセルする", "キャンセルしました", qName)
		h.say("北見　太郎", qKana)
		h.say("予約をキャンセル", "現在、ご予約はありません", qKana)
		if _, n := h.bookingsOf(ev.ID); n != 0 {
			t.Fatal("still booked")
		}
		h.postback(bot.BookingPostback(bot.BookingCancel, id), "すでにキャンセルされています", qKana)
		// someone else's booking is not found
		other := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0002"}
		h.key = other
		h.postback(bot.BookingPostback(bot.BookingCancel, id), "見つかりませんでした")
	})
}

func TestCancelEventTellsStudents(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 5, 10)
		other := h.newEvent(bot.EventSession, "別の説明会", 12, 10)
		h.bookSession(ev.ID, "北見 太郎")
		h.drain()
		changed, err := h.eng.SetEventState(ctx, ev.ID, bot.EventCancelled, "staff:1")
		if err != nil || !changed {
			t.Fatalf("cancel: %v %v", changed, err)
		}
		if _, n := h.bookingsOf(ev.ID); n != 0 {
			t.Fatal("bookings still active")
		}
		ds := h.drain()
		if len(ds) != 1 || ds[0].Kind != bot.DeliveryReply || ds[0].Key != h.key ||
			!strings.Contains(ds[0].Replies[0].Text, "中止になりました") || len(ds[0].Replies) != 2 ||
			ds[0].Replies[1].Slots[0].EventID != other.ID {
			t.Fatalf("deliveries: %+v", ds)
		}
		if changed, err := h.eng.SetEventState(ctx, ev.ID, bot.EventCancelled, "staff:1"); err != nil || changed {
			t.Fatalf("again: %v %v", changed, err)
		}
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("told twice: %v", kinds(ds))
		}
		// closing stops new bookings; existing ones stand
		h.bookSession(other.ID, "北見 太郎")
		if _, err := h.eng.SetEventState(ctx, other.ID, bot.EventClosed, "staff:1"); err != nil {
			t.Fatal(err)
		}
		h.say("説明会の予約", "現在、ご予約を受け付けている説明会はありません")
		if _, n := h.bookingsOf(other.ID); n != 1 {
			t.Fatal("closing cancelled a booking")
		}
	})
}

func TestSaveEventValidates(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		start := h.clock.Now().Add(72 * time.Hour)
		ev := bot.Event{Kind: bot.EventSession, Title: "  説明会\u202e ", StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: 5,
			URL: "https://meet.example.com/x"}
		if err := h.eng.SaveEvent(ctx, &ev, "staff:1"); err != nil {
			t.Fatal(err)
		}
		if ev.ID == 0 || ev.Title != "説明会" || !ev.Deadline.Equal(start) || ev.Version != 1 || ev.State != bot.EventOpen {
			t.Fatalf("saved: %+v", ev)
		}
		bad := ev
		bad.URL = "javascript:alert(1)"
		var ee *bot.EventError
		if err := h.eng.SaveEvent(ctx, &bad, "staff:1"); err == nil || !asEventError(err, &ee) || ee.Fields["url"] == "" {
			t.Fatalf("bad url: %v", err)
		}
	})
}

func asEventError(err error, target **bot.EventError) bool {
	e, ok := err.(*bot.EventError)
	*target = e
	return ok
}

// TestBookingFarFromToday runs a booking on a clock years away, where the
// JST date and weekday must still come out right.
func TestBookingFarFromToday(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.clock.Set(time.Date(2031, 2, 20, 3, 0, 0, 0, time.UTC))
		ev := h.newEvent(bot.EventSession, "2031年説明会", 1, 3) // 2031-02-21 14:00 JST, a Friday
		h.say("説明会に参加したい")
		if got := h.slotFor(ev.ID).When; got != "2月21日(金) 14:00〜15:00" {
			t.Fatalf("when: %q", got)
		}
		h.bookSession(ev.ID, "北見 太郎")
		h.clock.Set(ev.StartsAt.Add(2 * time.Hour)) // after the event, it is no longer upcoming
		h.say("予約の確認", "現在、ご予約はありません")
	})
}

// bookingLabelOf is the label of the button that picks the booking of ev.
func bookingLabelOf(h *harness, ev bot.Event) string {
	s := bot.FormatEventTime(ev.StartsAt, time.Time{})
	return strings.TrimSuffix(s, "〜") + " " + ev.Kind.Label()
}

func TestBookingButtonsDuringHandoff(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withNotify(h)
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 3, 10)
		h.bookSession(ev.ID, "北見 太郎")
		bs, _ := h.bookingsOf(ev.ID)
		h.say("担当者と話したい", "採用担当者におつなぎします")
		h.drain()
		h.postback(bot.BookingPostback(bot.BookingCancel, bs[0].ID), "の説明会の予約をキャンセルしますか？")
		h.tap("はい、キャンセルする", "キャンセルしました")
		if _, n := h.bookingsOf(ev.ID); n != 0 {
			t.Fatal("still booked")
		}
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("buttons relayed to staff: %v", kinds(ds))
		}
		h.say("ありがとうございます") // typed text still goes to staff
		if ds := h.drain(); len(ds) != 1 || ds[0].Kind != bot.DeliveryHandoffRelay {
			t.Fatalf("relay: %v", kinds(ds))
		}
	})
}

func TestBookingQuestionExpires(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 30, 10)
		h.send(bot.Incoming{Kind: bot.KindFollow})
		h.expect(h.last, "follow", "["+bot.MenuBooking+"]")
		h.tap(bot.MenuBooking, "ご予約いただける日程です")
		h.tapSlot(ev.ID, "お名前をお預かりします")
		h.clock.Advance(15 * 24 * time.Hour)
		h.say("同意する", "承知しました") // the question expired: no consent taken
		h.say("北見 太郎")
		if _, n := h.bookingsOf(ev.ID); n != 0 {
			t.Fatal("booked after expiry")
		}
		h.say("説明会に参加するか迷ってます", "[説明会の予約]")
		if len(h.slots()) != 0 {
			t.Fatal("a hedged request showed slots")
		}
	})
}
