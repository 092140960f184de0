package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// answerText is everything a command's answer shows (text and blocks), as
// JSON (so & < > read \u0026 \u003c \u003e).
func answerText(out map[string]any) string {
	b, _ := json.Marshal(out)
	return string(b)
}

// TestEventsCommand drives /sakebot events through signed Slack requests:
// create in one line, list, close, reopen and cancel, as a staff member;
// refused to others.
func TestEventsCommand(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 1)
	ctx := context.Background()
	if code, out := e.command(otherUser, "events"); code != 200 || !strings.Contains(answerText(out), "権限がありません") {
		t.Fatalf("not staff: %d %v", code, out)
	}
	code, out := e.command(staffUser, "events new 説明会 2031-02-20 14:00-15:00 定員30 北見工業大学 会社説明会 <!channel>")
	if code != 200 || !strings.Contains(answerText(out), "イベントを作成しました") {
		t.Fatalf("new: %d %v", code, out)
	}
	evs, err := e.store.ListEvents(ctx, bot.EventFilter{})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events %+v %v", evs, err)
	}
	ev := evs[0]
	jst := time.FixedZone("JST", 9*3600)
	if ev.Kind != bot.EventSession || ev.Title != "会社説明会 <!channel>" || ev.Place != "北見工業大学" || ev.Capacity != 30 ||
		!ev.StartsAt.Equal(time.Date(2031, 2, 20, 14, 0, 0, 0, jst)) || !ev.EndsAt.Equal(time.Date(2031, 2, 20, 15, 0, 0, 0, jst)) ||
		ev.CreatedBy != staffUser || ev.State != bot.EventOpen {
		t.Fatalf("event %+v", ev)
	}
	code, out = e.command(staffUser, "events new 説明会 2031-02-21 15:00-14:00 定員30 オンライン https://meet.example.jp/x 説明会")
	if code != 200 || !strings.Contains(answerText(out), "終了日時は開始日時より後にしてください") {
		t.Fatalf("invalid: %d %v", code, out)
	}
	if code, out = e.command(staffUser, "events new 説明会 2031-02-30 14:00-15:00 定員30 北見 説明会"); !strings.Contains(answerText(out), "存在しない日付") {
		t.Fatalf("no such day: %d %v", code, out)
	}
	code, out = e.command(staffUser, "events new 面談 2031-02-22 10:00〜10:30 オンライン https://meet.example.jp/i 一次面談")
	if code != 200 || !strings.Contains(answerText(out), "イベントを作成しました") {
		t.Fatalf("interview: %d %v", code, out)
	}
	if evs, _ = e.store.ListEvents(ctx, bot.EventFilter{Kind: bot.EventInterview}); len(evs) != 1 || evs[0].Capacity != 1 ||
		evs[0].Place != "" || evs[0].URL != "https://meet.example.jp/i" || evs[0].Title != "一次面談" {
		t.Fatalf("interview %+v", evs)
	}
	code, out = e.command(staffUser, "events")
	list := answerText(out)
	if code != 200 || !strings.Contains(list, fmt.Sprintf("*#%d*", ev.ID)) || !strings.Contains(list, "予約 0／定員 30（残り 30）") ||
		!strings.Contains(list, "2月20日(木) 14:00〜15:00") {
		t.Fatalf("list: %d %s", code, list)
	}
	if strings.Contains(list, "<!channel>") || !strings.Contains(list, "\\u0026lt;!channel\\u0026gt;") {
		t.Fatalf("title not escaped: %s", list)
	}
	id := fmt.Sprint(ev.ID)
	for _, step := range []struct{ cmd, want string }{
		{"events close " + id, "「受付終了」にしました"},
		{"events close " + id, "すでに「受付終了」です"},
		{"events reopen #" + id, "「受付中」にしました"},
		{"events cancel " + id, "中止すると予約 0名の予約を取り消し"},
		{"events cancel " + id + " 確定", "「中止」にしました"},
		{"events cancel " + id, "すでに「中止」です"},
		{"events cancel 999999", "見つかりません"},
		{"events cancel 999999 確定", "見つかりません"},
		{"events close abc", "数字で指定してください"},
	} {
		if code, out := e.command(staffUser, step.cmd); code != 200 || !strings.Contains(answerText(out), step.want) {
			t.Fatalf("%s: %d %v", step.cmd, code, out)
		}
	}
	got, err := e.store.EventByID(ctx, ev.ID)
	if err != nil || got.State != bot.EventCancelled {
		t.Fatalf("after cancel %+v %v", got, err)
	}
}

// TestRemindersAndDigestDelivered: an event made with /sakebot events,
// a LINE student's booking; on the evening before, the student's
// reminder is pushed on LINE with its retry key and its 「参加します」/
// 「キャンセル」 postbacks, and the recruiters' list is posted in the
// notify channel, the student's name escaped.
func TestRemindersAndDigestDelivered(t *testing.T) {
	e := newEnv(t, storetest.SQLiteURL(t), 1)
	ctx := context.Background()
	jst := time.FixedZone("JST", 9*3600)
	e.clock.Set(time.Date(2031, 2, 10, 9, 0, 0, 0, jst))
	if _, out := e.command(staffUser, "events new 説明会 2031-02-21 14:00-15:00 定員30 北見工業大学 会社説明会"); !strings.Contains(answerText(out), "作成しました") {
		t.Fatalf("new: %v", out)
	}
	evs, err := e.store.ListEvents(ctx, bot.EventFilter{})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events %+v %v", evs, err)
	}
	b := bot.Booking{EventID: evs[0].ID, Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: "Ustudent"}, Name: "<!channel> 花子"}
	if err := e.store.InTx(ctx, b.Key, func(tx bot.Tx) error { _, err := tx.Book(ctx, &b, e.clock.Now()); return err }); err != nil {
		t.Fatal(err)
	}
	e.clock.Set(time.Date(2031, 2, 20, 18, 30, 0, 0, jst))
	if run, err := e.engine.SendReminders(ctx, nil); err != nil || run.Sent != 1 {
		t.Fatalf("reminders %+v %v", run, err)
	}
	if ok, err := e.engine.SendDigest(ctx); err != nil || !ok {
		t.Fatalf("digest %v %v", ok, err)
	}
	e.settle()
	var push *map[string]any
	for _, c := range e.line.Delivered() {
		if c.Path == "/v2/bot/message/push" && c.RetryKey == bot.ReminderDay.RetryKey(b) {
			push = &c.Body
		}
	}
	if push == nil {
		t.Fatalf("no reminder pushed with its retry key: %+v", e.line.Delivered())
	}
	raw, _ := json.Marshal(*push)
	postbacks := map[string]string{}
	linetest.CollectPostbacks(raw, postbacks)
	if postbacks["参加します"] != bot.BookingPostback(bot.BookingAttend, b.ID) ||
		postbacks["キャンセル"] != bot.BookingPostback(bot.BookingCancel, b.ID) {
		t.Fatalf("reminder buttons %v in %s", postbacks, raw)
	}
	var digest string
	for _, m := range e.slack.Messages(notifyChannel) {
		if strings.Contains(m.Text, "明日 2月21日(金) の予定") {
			digest = m.Text
		}
	}
	if !strings.Contains(digest, "&lt;!channel&gt; 花子（LINE）") || strings.Contains(digest, "<!channel>") {
		t.Fatalf("digest %q", digest)
	}
}
