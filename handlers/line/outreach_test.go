package line_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// pushesTo returns the texts of the pushes LINE accepted for user, one
// string per push.
func (e *env) pushesTo(user string) []string {
	var out []string
	for _, c := range e.api.Delivered() {
		if c.Path == "/v2/bot/message/push" && c.Body["to"] == user {
			out = append(out, messagesText(c))
		}
	}
	return out
}

// outreach is the env's Outreach, on its store and clock, as serve wires it.
func (e *env) outreach() *bot.Outreach {
	return bot.NewOutreach(bot.OutreachConfig{Store: e.store, Now: e.clock.Now, Logger: testLogger(e.t)})
}

// runOutreach queues what is due and lets the worker deliver it.
func (e *env) runOutreach(o *bot.Outreach, quota bot.Quota) bot.OutreachRun {
	e.t.Helper()
	run, err := o.Run(context.Background(), quota)
	if err != nil {
		e.t.Fatal(err)
	}
	e.run()
	return run
}

// fixedQuota is a LINE quota with left pushes left this month.
type fixedQuota int64

func (q fixedQuota) QuotaLeft(context.Context) (int64, bool, error) { return int64(q), true, nil }

// TestBroadcastOverLINE follows four students through signed webhooks:
// one stays, one says 配信停止 in their own words, one blocks the account,
// one stops and then asks for announcements again. A broadcast to every
// LINE student reaches the first and the last once each, with the stop
// line and the booking button, which works; a second run sends nothing
// more; the broadcast counts the student who answered it.
func TestBroadcastOverLINE(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		for _, u := range []string{"Ustay", "Ustop", "Ublock", "Uagain"} {
			e.send(e.event("follow", u, nil))
		}
		e.send(e.text("Ustop", "もうお知らせは送らないでください"))
		e.send(e.event("unfollow", "Ublock", nil))
		e.send(e.text("Uagain", "配信停止"))
		e.send(e.text("Uagain", "やっぱりお知らせを受け取りたいので配信再開してください"))

		o := e.outreach()
		ctx := context.Background()
		seg := bot.Segment{Name: "LINEの学生", Filter: bot.SegmentFilter{Channels: []bot.Channel{bot.ChannelLINE}}}
		if err := o.SaveSegment(ctx, &seg, "staff:1"); err != nil {
			t.Fatal(err)
		}
		n, err := o.CountSegment(ctx, seg.Filter)
		if err != nil {
			t.Fatal(err)
		}
		if n != (bot.SegmentCount{Total: 4, Reachable: 2, OnLINE: 2}) {
			t.Errorf("segment count %+v, want 4 in all, 2 reachable on LINE", n)
		}
		b := bot.Broadcast{Title: "12月説明会のお知らせ", SegmentID: seg.ID, Message: bot.Announcement{
			Text: "12月20日に北見で説明会を開きます。", Buttons: []bot.ButtonKind{bot.ButtonBooking}}}
		if err := o.SaveBroadcast(ctx, &b, "staff:1"); err != nil {
			t.Fatal(err)
		}
		// One push left this month: refused, unless a 管理者 allows it.
		req := bot.SendRequest{ID: b.ID, Version: b.Version, Actor: "staff:2"}
		var qe *bot.QuotaError
		if err := o.SendBroadcast(ctx, req, fixedQuota(1)); !errors.As(err, &qe) || qe.Needed != 2 || qe.Left != 1 {
			t.Fatalf("over the quota: %v, want a QuotaError (2 needed, 1 left)", err)
		}
		req.OverQuota = true
		if err := o.SendBroadcast(ctx, req, fixedQuota(1)); !errors.As(err, &qe) {
			t.Fatalf("an editor allowed it: %v", err)
		}
		req.Admin = true
		if err := o.SendBroadcast(ctx, req, fixedQuota(1)); err != nil {
			t.Fatal(err)
		}
		if run := e.runOutreach(o, fixedQuota(1)); run.Queued != 2 {
			t.Errorf("queued %d, want 2", run.Queued)
		}
		for user, want := range map[string]int{"Ustay": 1, "Uagain": 1, "Ustop": 0, "Ublock": 0} {
			got := e.pushesTo(user)
			if len(got) != want {
				t.Errorf("%s got %d pushes, want %d: %q", user, len(got), want, got)
				continue
			}
			if want == 1 && (!strings.Contains(got[0], "12月20日に北見で説明会") || !strings.Contains(got[0], "「配信停止」とお送りください")) {
				t.Errorf("%s got %q", user, got[0])
			}
		}
		if run := e.runOutreach(o, nil); run.Queued != 0 || len(e.pushesTo("Ustay")) != 1 {
			t.Errorf("a second run queued %d", run.Queued)
		}
		// The button starts the booking, as the rich menu does.
		var data string
		for _, c := range e.api.Delivered() {
			if c.Body["to"] == "Ustay" {
				raw := map[string]string{}
				linetest.CollectPostbacks(mustJSON(t, c.Body), raw)
				data = raw[bot.MenuBooking]
			}
		}
		if data == "" {
			t.Fatal("the broadcast has no booking button")
		}
		e.send(e.postback("Ustay", data))
		if got := e.lastTexts(); !strings.Contains(got, "説明会") {
			t.Errorf("the booking button answered %q", got)
		}
		stats, err := e.store.BroadcastStats(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Recipients != 2 || stats.Sent != 2 || stats.Replies != 1 {
			t.Errorf("stats %+v, want 2 recipients, 2 sent, 1 reply", stats)
		}
	})
}

// TestRuleQuietHoursOverLINE: a rule "the day after following, to those
// who have not applied" sends nothing in the quiet hours (21:00-8:00 JST),
// sends at 8:00 the next morning, and never twice; a student whose moment
// came before the rule was switched on gets nothing. The clock is set to
// 2031, far from today.
func TestRuleQuietHoursOverLINE(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		jst := time.FixedZone("JST", 9*3600)
		at := func(day, hour, min int) time.Time { return time.Date(2031, 3, day, hour, min, 0, 0, jst) }
		ctx := context.Background()
		e.clock.Set(at(8, 12, 0))
		e.send(e.event("follow", "Uearly", nil)) // due on the 9th, before the rule exists
		e.clock.Set(at(10, 10, 0))
		o := e.outreach()
		r := bot.Rule{Name: "友だち追加の翌日", Trigger: bot.TriggerFollow, Days: 1, Enabled: true, Quiet: bot.DefaultQuietHours,
			Message: bot.Announcement{Text: "北見で働く「サケモデル」に興味をお持ちいただきありがとうございます。", Buttons: []bot.ButtonKind{bot.ButtonApply}}}
		if err := o.SaveRule(ctx, &r, "staff:1"); err != nil {
			t.Fatal(err)
		}
		e.clock.Set(at(10, 20, 30))
		e.send(e.event("follow", "Unew", nil)) // due on the 11th at 20:30

		for _, step := range []struct {
			at   time.Time
			want int
		}{
			{at(11, 20, 29), 0}, // not a day yet
			{at(11, 21, 0), 0},  // due, but the quiet hours began
			{at(12, 3, 0), 0},
			{at(12, 7, 59), 0},
			{at(12, 8, 0), 1}, // the quiet hours are over
			{at(12, 9, 0), 1}, // once
			{at(20, 12, 0), 1},
		} {
			e.clock.Set(step.at)
			e.runOutreach(o, nil)
			if got := len(e.pushesTo("Unew")); got != step.want {
				t.Fatalf("at %s: %d pushes, want %d", step.at.Format("01-02 15:04"), got, step.want)
			}
		}
		if got := e.pushesTo("Unew")[0]; !strings.Contains(got, "サケモデル") {
			t.Errorf("the rule sent %q", got)
		}
		if got := e.pushesTo("Uearly"); len(got) != 0 {
			t.Errorf("a student due before the rule was on got %q", got)
		}
	})
}

// mustJSON encodes v.
func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStopDropsQueuedAnnouncement: a student who says 配信停止 while a
// broadcast to them is queued but not yet sent does not get it.
func TestStopDropsQueuedAnnouncement(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		e.send(e.event("follow", "Uquick", nil))
		e.send(e.event("follow", "Uother", nil))
		o := e.outreach()
		ctx := context.Background()
		seg := bot.Segment{Name: "全員"}
		if err := o.SaveSegment(ctx, &seg, "staff:1"); err != nil {
			t.Fatal(err)
		}
		b := bot.Broadcast{Title: "お知らせ", SegmentID: seg.ID, Message: bot.Announcement{Text: "説明会のお知らせです。"}}
		if err := o.SaveBroadcast(ctx, &b, "staff:1"); err != nil {
			t.Fatal(err)
		}
		if err := o.SendBroadcast(ctx, bot.SendRequest{ID: b.ID, Version: b.Version, Actor: "staff:1"}, nil); err != nil {
			t.Fatal(err)
		}
		if run, err := o.Run(ctx, nil); err != nil || run.Queued != 2 {
			t.Fatalf("queued %d: %v", run.Queued, err)
		}
		e.send(e.text("Uquick", "配信停止でお願いします"))
		if got := e.pushesTo("Uquick"); len(got) != 0 {
			t.Errorf("the student who stopped got %q", got)
		}
		if got := e.pushesTo("Uother"); len(got) != 1 {
			t.Errorf("the other student got %d pushes, want 1", len(got))
		}
	})
}
