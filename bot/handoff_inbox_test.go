package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// withInbox makes h's engine open handoffs for the admin page's inbox,
// and notify recruiters in Slack too when slack is set.
func withInbox(h *harness, slack bool) *harness {
	n := bot.Notify{Inbox: true}
	if slack {
		n.Channel, n.To = notifyTo.Channel, notifyTo.To
	}
	h.eng = bot.NewEngine(bot.Config{Store: h.store, Now: h.clock.Now, FormExpiry: 14 * 24 * time.Hour, Notify: n})
	return h
}

// conversation returns the lines of a handoff's conversation, one string
// each: "from/staff: text".
func (h *harness) conversation(id int64) []string {
	h.t.Helper()
	ms, err := h.store.HandoffMessages(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		if m.HandoffID != id || m.At.IsZero() || m.ID == 0 {
			h.t.Fatalf("message %+v", m)
		}
		out = append(out, string(m.From)+"/"+m.Staff+": "+m.Text)
	}
	return out
}

// adminReply is a reply written on the admin page to handoff id.
func adminReply(id int64, staff, text string) bot.Incoming {
	return bot.Incoming{Kind: bot.KindStaffReply, Text: text, Staff: staff, Handoff: id}
}

// TestHandoffWithoutSlackIsAnsweredFromTheInbox: with Slack off but the
// admin page's inbox on, a request for a person opens a handoff; what the
// candidate says is kept for staff (nothing goes to Slack), a reply from
// the page reaches the candidate marked as from the recruiting team, and
// 対応終了 hands them back to the bot; a reply after that sends nothing.
func TestHandoffWithoutSlackIsAnsweredFromTheInbox(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withInbox(h, false)
		ctx := context.Background()
		h.send(bot.Incoming{Kind: bot.KindFollow, DisplayName: "北見 花子"})
		h.say("研修は何ヶ月ですか", "4ヶ月")
		h.say("担当者と話したい", "採用担当者におつなぎします", "[ボットに戻る]")
		hand := h.openHandoffOf()
		if hand.Status != bot.HandoffOpen || len(hand.Recent) != 0 { // recent questions are kept for Slack threads only
			t.Fatalf("handoff %+v", hand)
		}
		if r := h.say("来週の面談の時間を相談したいです <b>"); len(r) != 0 {
			t.Fatalf("answered during the handoff: %s", repliesText(r))
		}
		r := h.send(adminReply(hand.ID, "staff:7", "担当の佐藤です。木曜日はいかがですか。"))
		if got := repliesText(r); len(r) != 1 || r[0].Text != "【採用担当より】\n担当の佐藤です。木曜日はいかがですか。" {
			t.Fatalf("staff reply: %q", got)
		}
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("deliveries with Slack off: %v", kinds(ds))
		}
		closed, err := h.eng.CloseHandoff(ctx, hand.ID, "staff:7")
		if err != nil || !closed {
			t.Fatalf("close: %v %v", closed, err)
		}
		ds := h.drain()
		if len(ds) != 1 || ds[0].Kind != bot.DeliveryReply || !strings.Contains(ds[0].Replies[0].Text, "ボットがご案内します") {
			t.Fatalf("after close: %v %+v", kinds(ds), ds)
		}
		if r := h.send(adminReply(hand.ID, "staff:7", "遅れた返信")); len(r) != 0 {
			t.Fatalf("reply after close passed on: %s", repliesText(r))
		}
		want := []string{
			"candidate/: 来週の面談の時間を相談したいです <b>",
			"staff/staff:7: 担当の佐藤です。木曜日はいかがですか。",
			"bot/staff:7: 担当者が対応を終了しました。候補者には、ボットの案内に戻ったことを伝えました。",
		}
		if got := h.conversation(hand.ID); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("conversation:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		h.say("研修は何ヶ月ですか", "4ヶ月")
	})
}

// TestInboxReplyShowsInSlackAndSlackReplyIsKept: with Slack on, a reply
// from the admin page is also posted in the thread (saying who wrote it
// there), and a reply in the thread is kept for the admin page.
func TestInboxReplyShowsInSlackAndSlackReplyIsKept(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withInbox(h, true)
		ctx := context.Background()
		h.say("担当者と話したい", "採用担当者におつなぎします")
		hand := h.openHandoffOf()
		h.drain()
		if err := h.store.SetHandoffThread(ctx, hand.ID, "CRECRUIT", "1700000000.000100"); err != nil {
			t.Fatal(err)
		}
		h.send(adminReply(hand.ID, "admin", "管理画面からの返信です"))
		ds := h.drain()
		if len(ds) != 1 || ds[0].Kind != bot.DeliveryHandoffRelay || ds[0].Ref != hand.ID ||
			ds[0].Replies[0].Text != "管理画面からの返信です" || ds[0].Replies[0].Staff != "admin" {
			t.Fatalf("mirror: %+v", ds)
		}
		r := h.send(bot.Incoming{Kind: bot.KindStaffReply, Text: "スレッドからの返信です", Thread: "1700000000.000100", Staff: "USTAFF"})
		if !strings.Contains(repliesText(r), "【採用担当より】\nスレッドからの返信です") {
			t.Fatalf("thread reply: %s", repliesText(r))
		}
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("a thread reply was posted back to Slack: %v", kinds(ds))
		}
		want := "staff/admin: 管理画面からの返信です\nstaff/USTAFF: スレッドからの返信です"
		if got := strings.Join(h.conversation(hand.ID), "\n"); got != want {
			t.Fatalf("conversation:\n%s", got)
		}
	})
}

// TestInboxReplyToAnEarlierHandoffIsDropped: a reply written on the page
// of a handoff that closed, while the candidate opened another one since,
// reaches nobody.
func TestInboxReplyToAnEarlierHandoffIsDropped(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withInbox(h, false)
		h.say("担当者と話したい", "採用担当者におつなぎします")
		first := h.openHandoffOf()
		h.say("ボットに戻る", "ボットのご案内に戻ります")
		h.say("担当者と話したい", "採用担当者におつなぎします")
		second := h.openHandoffOf()
		if r := h.send(adminReply(first.ID, "admin", "古い会話への返信")); len(r) != 0 {
			t.Fatalf("passed on: %s", repliesText(r))
		}
		if got := h.conversation(second.ID); len(got) != 0 {
			t.Fatalf("kept in the new handoff: %q", got)
		}
		if got := h.conversation(first.ID); len(got) != 1 || got[0] != "bot/: 候補者がボットの案内に戻りました。" {
			t.Fatalf("first handoff: %q", got)
		}
	})
}

// TestInboxHandoffsTimeOut: with only the inbox, an idle handoff is
// closed by the sweep too, and its conversation says so.
func TestInboxHandoffsTimeOut(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withInbox(h, false)
		h.say("担当者と話したい", "採用担当者におつなぎします")
		hand := h.openHandoffOf()
		h.clock.Advance(25 * time.Hour)
		if n, err := h.eng.CloseIdleHandoffs(context.Background()); err != nil || n != 1 {
			t.Fatalf("closed %d, %v", n, err)
		}
		if got := h.conversation(hand.ID); len(got) != 1 || !strings.HasPrefix(got[0], "bot/: しばらくやり取りがなかった") {
			t.Fatalf("conversation: %q", got)
		}
	})
}
