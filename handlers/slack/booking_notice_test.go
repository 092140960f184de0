package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// openInterview stores an interview slot starting in days at 14:00 JST.
func (e *env) openInterview(title string, days int) bot.Event {
	e.t.Helper()
	jst := time.FixedZone("JST", 9*3600)
	y, m, d := e.clock.Now().In(jst).Date()
	start := time.Date(y, m, d+days, 14, 0, 0, 0, jst)
	ev := bot.Event{Kind: bot.EventInterview, Title: title, StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "本社 会議室A", Capacity: 1, Deadline: start.Add(-24 * time.Hour)}
	err := e.store.InTx(context.Background(), bot.UserKey{Channel: bot.ChannelSlack, UserID: staffUser}, func(tx bot.Tx) error {
		return tx.SaveEvent(context.Background(), &ev, staffUser)
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return ev
}

// TestInterviewBookingThreadReply: a recruiter sets 面談調整 on the
// notice; the candidate gets the interview slots as a Flex carousel on
// LINE, books one, and the booking is told in the notice's thread.
func TestInterviewBookingThreadReply(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 1)
		ctx := context.Background()
		app := e.apply("U400", "北見 花子")
		notice := e.notices(app.ID)
		if len(notice) != 1 {
			t.Fatalf("%d notices", len(notice))
		}
		ev := e.openInterview("一次面談 <!channel>", 3)

		if code, _ := e.interact(e.click(staffUser, "status:interview", fmt.Sprint(app.ID), notifyChannel, notice[0].TS)); code != 200 {
			t.Fatalf("click answered %d", code)
		}
		e.settle()
		calls := e.lineTo("U400")
		raw, _ := json.Marshal(calls[len(calls)-1].Messages())
		if !strings.Contains(string(raw), `"type":"carousel"`) || !strings.Contains(string(raw), "予約する") {
			t.Fatalf("the candidate was not offered the slots as a carousel: %s", raw)
		}

		e.lineTap("U400", "予約する")
		e.lineTap("U400", "はい、予約する")
		when := bot.FormatEventTime(ev.StartsAt, ev.EndsAt)
		want := "面談の予約：" + when + "（" + app.Ref + "）"
		var replies []string
		for _, m := range e.slack.Thread(notifyChannel, notice[0].TS) {
			if m.TS != notice[0].TS {
				replies = append(replies, m.Text)
			}
		}
		if len(replies) != 1 || replies[0] != want {
			t.Fatalf("the notice's thread holds %q; want one reply %q", replies, want)
		}
		var post bool
		for _, c := range e.slack.CallsTo("chat.postMessage") {
			if strings.HasPrefix(c.Form.Get("text"), "面談の予約") {
				post = true
				if c.Form.Get("channel") != notifyChannel || c.Form.Get("thread_ts") != notice[0].TS {
					t.Errorf("posted to %s thread %s; want %s thread %s", c.Form.Get("channel"), c.Form.Get("thread_ts"), notifyChannel, notice[0].TS)
				}
				if b := c.Form.Get("blocks"); strings.Contains(b, "<!channel>") {
					t.Errorf("the event's title pings the channel: %s", b)
				}
			}
		}
		if !post {
			t.Fatal("no chat.postMessage of the booking")
		}
		// Nothing more goes out when the worker runs again.
		e.settle()
		if n := len(e.slack.Thread(notifyChannel, notice[0].TS)); n != len(replies) {
			t.Errorf("the thread has %d messages after another run", n)
		}
		if got, err := e.store.UpcomingBookingsAll(ctx, e.clock.Now(), 10); err != nil || len(got) != 1 || got[0].ApplicationID != app.ID {
			t.Errorf("bookings %+v (%v)", got, err)
		}
	})
}

// TestStaffMessageToChannel: a staff message (the evening list, a quota
// warning) is posted to the notify channel, escaped.
func TestStaffMessageToChannel(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 1)
	ctx := context.Background()
	key := bot.UserKey{Channel: bot.ChannelSlack, UserID: notifyChannel}
	err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
		return tx.Enqueue(ctx, &bot.Delivery{Kind: bot.DeliveryStaffMessage, Key: key, To: notifyChannel, EventAt: e.clock.Now(),
			Replies: []bot.Reply{{Text: "明日の予約（2件）\n・14:00 面談 <!channel> 北見 花子"}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	e.settle()
	m := e.lastPost(notifyChannel)
	if m.ThreadTS != "" || !strings.Contains(blockTexts(m.Blocks), "明日の予約（2件）") {
		t.Fatalf("posted %+v", m)
	}
	if strings.Contains(m.Blocks, "<!channel>") || strings.Contains(m.Text, "<!channel>") {
		t.Errorf("the message pings the channel: %s", m.Blocks)
	}
}

// accessoryOn finds the accessory button labelled label in a message's blocks.
func accessoryOn(blocksJSON, label string) (actionID, value string, n int) {
	var blocks []map[string]any
	_ = json.Unmarshal([]byte(blocksJSON), &blocks)
	for _, b := range blocks {
		m, _ := b["accessory"].(map[string]any)
		if txt, _ := m["text"].(map[string]any); m["type"] == "button" && txt["text"] == label {
			if n == 0 {
				actionID, _ = m["action_id"].(string)
				value, _ = m["value"].(string)
			}
			n++
		}
	}
	return actionID, value, n
}

// TestSlackDMSlots: in a DM, 「説明会に参加したい」 shows the open info
// sessions as sections with a 予約する button; a click takes the slot to
// the engine as its postback, and booking confirms with the calendar link.
func TestSlackDMSlots(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 1)
	ctx := context.Background()
	jst := time.FixedZone("JST", 9*3600)
	y, m, d := e.clock.Now().In(jst).Date()
	var evs []bot.Event
	for i := range 2 {
		start := time.Date(y, m, d+2+i, 14, 0, 0, 0, jst)
		ev := bot.Event{Kind: bot.EventSession, Title: fmt.Sprintf("サケモデル説明会 第%d回", i+1), StartsAt: start, EndsAt: start.Add(time.Hour),
			Place: "北見工業大学", Capacity: 30, Deadline: start.Add(-time.Hour)}
		if err := e.store.InTx(ctx, bot.UserKey{Channel: bot.ChannelSlack, UserID: staffUser}, func(tx bot.Tx) error {
			return tx.SaveEvent(ctx, &ev, staffUser)
		}); err != nil {
			t.Fatal(err)
		}
		evs = append(evs, ev)
	}
	e.dm("U500", "説明会に参加したい")
	msg := e.lastPost("DU500")
	id, value, n := accessoryOn(msg.Blocks, "予約する")
	if n != 2 || !strings.HasPrefix(value, fmt.Sprintf("e=%d&", evs[0].ID)) {
		t.Fatalf("%d 予約する buttons, the first carrying %q; want 2, the first naming event %d:\n%s", n, value, evs[0].ID, msg.Blocks)
	}
	text := blockTexts(msg.Blocks)
	for _, want := range []string{"サケモデル説明会 第1回", bot.FormatEventTime(evs[0].StartsAt, evs[0].EndsAt), "北見工業大学", "残り 30 席"} {
		if !strings.Contains(text, want) {
			t.Errorf("the slots lack %q:\n%s", want, text)
		}
	}
	before := len(e.slack.Messages("DU500"))
	if code, _ := e.interact(e.click("U500", id, value, "DU500", msg.TS)); code != 200 {
		t.Fatalf("click answered %d", code)
	}
	e.settle()
	if len(e.slack.Messages("DU500")) == before {
		t.Fatal("the click was not answered")
	}
	if got := e.dmLast("U500"); !strings.Contains(got, "第1回") && !strings.Contains(got, "お名前") && !strings.Contains(got, "同意") {
		t.Errorf("after 予約する the bot says %q", got)
	}
}

// TestAppHomeBookingEntry: App Home offers 「説明会・面談の予約」, which
// shows the open slots in the DM.
func TestAppHomeBookingEntry(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 1)
	ctx := context.Background()
	start := e.clock.Now().Add(72 * time.Hour).Truncate(time.Hour)
	ev := bot.Event{Kind: bot.EventSession, Title: "サケモデル説明会", StartsAt: start, EndsAt: start.Add(time.Hour),
		Place: "北見工業大学", Capacity: 10, Deadline: start.Add(-time.Hour)}
	if err := e.store.InTx(ctx, bot.UserKey{Channel: bot.ChannelSlack, UserID: staffUser}, func(tx bot.Tx) error {
		return tx.SaveEvent(ctx, &ev, staffUser)
	}); err != nil {
		t.Fatal(err)
	}
	home := e.openHome("U600")
	id, value, ok := buttonOn(home, bot.MenuBooking)
	if !ok {
		t.Fatalf("App Home has no %s button:\n%s", bot.MenuBooking, blockTexts(home))
	}
	click := e.click("U600", id, value, "", "")
	delete(click, "channel")
	click["container"] = map[string]any{"type": "view", "view_id": "VHOME"}
	if code, _ := e.interact(click); code != 200 {
		t.Fatalf("click: %d", code)
	}
	e.settle()
	if _, _, n := accessoryOn(e.lastPost("DU600").Blocks, "予約する"); n != 1 {
		t.Fatalf("the DM after %s: %s", bot.MenuBooking, e.dmLast("U600"))
	}
}
