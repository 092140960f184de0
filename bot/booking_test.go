package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// newEvent saves an event through the engine, starting after days at 14:00
// JST for an hour, and returns it.
func (h *harness) newEvent(kind bot.EventKind, title string, days, capacity int) bot.Event {
	h.t.Helper()
	jst := time.FixedZone("JST", 9*3600)
	d := h.clock.Now().In(jst).AddDate(0, 0, days)
	start := time.Date(d.Year(), d.Month(), d.Day(), 14, 0, 0, 0, jst)
	ev := bot.Event{Kind: kind, Title: title, StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: capacity,
		Place: "北見工業大学 講義室A", Note: "筆記用具をお持ちください。"}
	if err := h.eng.SaveEvent(context.Background(), &ev, "admin"); err != nil {
		h.t.Fatalf("save event: %v", err)
	}
	return ev
}

// slots returns the slots offered in the last replies.
func (h *harness) slots() []bot.Slot {
	var out []bot.Slot
	for _, r := range h.last {
		out = append(out, r.Slots...)
	}
	return out
}

// slotFor returns the slot of event id offered in the last replies.
func (h *harness) slotFor(id int64) bot.Slot {
	h.t.Helper()
	for _, s := range h.slots() {
		if s.EventID == id {
			return s
		}
	}
	h.t.Fatalf("no slot of event %d in the last replies:\n%s", id, repliesText(h.last))
	return bot.Slot{}
}

// tapSlot taps the 予約する button of event id in the last replies.
func (h *harness) tapSlot(id int64, want ...string) []bot.Reply {
	h.t.Helper()
	c := h.slotFor(id).Choice
	return h.expect(h.send(bot.Incoming{Kind: bot.KindPostback, Postback: c.Postback, Text: c.Text}), c.Text, want...)
}

// postback sends postback data and checks the replies.
func (h *harness) postback(data string, want ...string) []bot.Reply {
	h.t.Helper()
	return h.expect(h.send(bot.Incoming{Kind: bot.KindPostback, Postback: data}), data, want...)
}

func (h *harness) expect(r []bot.Reply, what string, want ...string) []bot.Reply {
	h.t.Helper()
	all := repliesText(r)
	for _, w := range want {
		if !strings.Contains(all, w) {
			h.t.Fatalf("after %q: want %q in replies:\n%s", what, w, all)
		}
	}
	return r
}

// bookingsOf returns the bookings of an event, with the active ones counted.
func (h *harness) bookingsOf(id int64) (all []bot.Booking, active int) {
	h.t.Helper()
	bs, err := h.store.BookingsOf(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, b := range bs {
		if b.State.Active() {
			active++
		}
	}
	return bs, active
}

func withCalendar(h *harness) *harness {
	h.eng = bot.NewEngine(bot.Config{Store: h.store, Now: h.clock.Now, FormExpiry: 14 * 24 * time.Hour, Notify: notifyTo,
		Events: bot.EventConfig{CalendarLink: func(id int64) string { return fmt.Sprintf("https://bot.example.com/ics/%d", id) }}})
	return h
}

func TestBookSessionAsNewFriend(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withCalendar(h)
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 17, 30)
		when := bot.FormatEventTime(ev.StartsAt, ev.EndsAt)
		h.send(bot.Incoming{Kind: bot.KindFollow})
		h.say("説明会に参加したい", "ご予約いただける日程です")
		s := h.slotFor(ev.ID)
		if s.When != when || s.Kind != "説明会" || s.SeatsLeft != 30 || s.Place != "北見工業大学 講義室A" || s.Choice.Label != "予約する" {
			t.Fatalf("slot: %+v", s)
		}
		h.tapSlot(ev.ID, "お名前をお預かりします", "参加者名簿", "個人情報を削除", "[同意する][同意しない]")
		h.tap("同意する", "お名前（氏名）を入力")
		h.say("https://example.com", "URLやメールアドレスを含めないで") // the form's name rules
		h.say("同意する", "お名前（氏名）を入力")                       // consent again is not a name
		h.say("北見 花子", when+" の『サケモデル説明会』を予約しますか？", "お名前：北見　花子", "[はい、予約する][いいえ]")
		r := h.tap("はい、予約する", "ご予約を承りました", "日時："+when, "場所：北見工業大学 講義室A",
			"お名前：北見　花子", "備考：筆記用具をお持ちください。", "「キャンセル」")
		bs, active := h.bookingsOf(ev.ID)
		if active != 1 || bs[0].Name != "北見　花子" || bs[0].Key != h.key || bs[0].CandidateID == 0 {
			t.Fatalf("bookings: %+v", bs)
		}
		if len(r[0].Links) != 1 || r[0].Links[0].URL != fmt.Sprintf("https://bot.example.com/ics/%d", bs[0].ID) ||
			r[0].Links[0].Label != "カレンダーに追加" {
			t.Fatalf("links: %+v", r[0].Links)
		}
		// the name is known now: a second session asks no more
		ev2 := h.newEvent(bot.EventSession, "オンライン説明会", 20, 10)
		h.say("説明会の予約")
		h.tapSlot(ev2.ID, "を予約しますか？", "お名前：北見　花子")
		h.say("はい", "ご予約を承りました")
		h.say("予約の確認", "ご予約中の日程です", "サケモデル説明会", "オンライン説明会")
	})
}

func TestBookingDeclinedAndQuestions(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 5, 30)
		h.say("説明会っていつありますか？", "ご予約いただける日程です")
		h.tapSlot(ev.ID, "お名前をお預かりします")
		h.say("研修は何ヶ月ですか？", "4ヶ月", "お名前をお預かりします") // answered, then asked again
		h.tap("同意しない", "お名前はお預かりしていません")
		if _, n := h.bookingsOf(ev.ID); n != 0 {
			t.Fatalf("%d bookings after declining", n)
		}
		h.say("説明会には行かないです")
		if len(h.slots()) != 0 {
			t.Fatal("a negated request showed slots")
		}
	})
}

func TestNoSessions(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("説明会に参加したい", "現在、ご予約を受け付けている説明会はありません")
		h.say("面談の日程", "応募いただいた方が対象です", "[応募する]")
		h.say("予約の確認", "現在、ご予約はありません")
		h.say("キャンセル", "承知しました") // nothing to cancel: as before
	})
}

func TestFullSlotOffersNext(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		one := h.newEvent(bot.EventSession, "少人数説明会", 3, 1)
		next := h.newEvent(bot.EventSession, "次の説明会", 10, 5)
		other := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0002"}
		for _, k := range []bot.UserKey{h.key, other} {
			h.key = k
			h.say("説明会に参加したい")
			h.tapSlot(one.ID, "お名前をお預かりします")
			h.tap("同意する")
			h.say("北見 太郎", "を予約しますか？")
		}
		h.tap("はい、予約する", "ご予約を承りました") // the other student takes the last seat
		h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0001"}
		h.send(bot.Incoming{Text: "はい"})
		h.expect(h.last, "はい", "申し訳ありません。その回は満席になりました。", "ほかにご予約いただける日程です")
		h.slotFor(next.ID)
		for _, s := range h.slots() {
			if s.EventID == one.ID {
				t.Fatal("the full event offered again")
			}
		}
		if _, n := h.bookingsOf(one.ID); n != 1 {
			t.Fatalf("%d active bookings of a one-seat event", n)
		}
		h.say("説明会の予約")
		if len(h.slots()) != 1 || h.slots()[0].EventID != next.ID {
			t.Fatalf("slots: %+v", h.slots())
		}
	})
}

func TestCancelAndRebook(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		ev := h.newEvent(bot.EventSession, "サケモデル説明会", 9, 1)
		h.bookSession(ev.ID, "北見 太郎")
		day := fmt.Sprintf("%d月%d日", int(ev.StartsAt.In(time.FixedZone("JST", 9*3600)).Month()), ev.StartsAt.In(time.FixedZone("JST", 9*3600)).Day())
		h.say("キャンセル", day+"の説明会の予約をキャンセルしますか？")
		h.tap("いいえ", "ご予約はそのままです")
		h.say("予約をキャンセルしたいです", day+"の説明会の予約をキャンセルしますか？")
		h.tap("いいえ", "ご予約はそのままです")
		h.say("説明会行けなくなったのでキャンセルで", day+"の説明会の予約をキャンセルしますか？")
		h.tap("はい、キャンセルする", day+"の説明会の予約をキャンセルしました")
		if _, n := h.bookingsOf(ev.ID); n != 0 {
			t.Fatalf("%d active after cancelling", n)
		}
		// the seat is free at once: another student takes it, then it is full again
		h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0002"}
		h.bookSession(ev.ID, "北見 次郎")
		h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0001"}
		h.say("説明会の予約", "現在、ご予約を受け付けている説明会はありません")
		h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0002"}
		h.say("キャンセル", "キャンセルしますか？")
		h.say("はい", "キャンセルしました")
		h.key = bot.UserKey{Channel: bot.ChannelLINE, UserID: "U0001"}
		h.bookSession(ev.ID, "北見 太郎") // rebooked (the name of a cancelled booking is asked again)
		if bs, n := h.bookingsOf(ev.ID); n != 1 || len(bs) != 3 {
			t.Fatalf("bookings: %d active of %d", n, len(bs))
		}
	})
}

// bookSession books event id as h.key, giving name when asked.
func (h *harness) bookSession(id int64, name string) {
	h.t.Helper()
	h.say("説明会の予約")
	h.tapSlot(id)
	if strings.Contains(repliesText(h.last), "お名前をお預かりします") {
		h.tap("同意する", "お名前（氏名）")
		h.say(name)
	}
	h.expect(h.last, "slot", "を予約しますか？")
	h.tap("はい、予約する", "ご予約を承りました")
}
