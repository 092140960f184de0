package bot_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// notifyTo is the recruiters' channel of the handoff and notice tests.
var notifyTo = bot.Notify{Channel: bot.ChannelSlack, To: "CRECRUIT"}

// withNotify makes h's engine notify recruiters.
func withNotify(h *harness) *harness {
	h.eng = bot.NewEngine(bot.Config{Store: h.store, Now: h.clock.Now, FormExpiry: 14 * 24 * time.Hour, Notify: notifyTo})
	return h
}

// drain returns every pending delivery, oldest first, marking each sent.
func (h *harness) drain() []bot.Delivery {
	h.t.Helper()
	ctx := context.Background()
	var out []bot.Delivery
	for {
		batch, err := h.store.ClaimDeliveries(ctx, h.clock.Now().Add(time.Hour), 100, time.Minute)
		if err != nil {
			h.t.Fatal(err)
		}
		if len(batch) == 0 {
			break
		}
		for _, d := range batch {
			if err := h.store.DeliverySent(ctx, d.ID); err != nil {
				h.t.Fatal(err)
			}
		}
		out = append(out, batch...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// kinds lists the kinds of ds, for messages.
func kinds(ds []bot.Delivery) []string {
	var out []string
	for _, d := range ds {
		out = append(out, string(d.Kind))
	}
	return out
}

// openHandoffOf returns the candidate's open handoff.
func (h *harness) openHandoffOf() bot.Handoff {
	h.t.Helper()
	ctx := context.Background()
	var got bot.Handoff
	err := h.store.InTx(ctx, h.key, func(tx bot.Tx) error {
		var err error
		got, err = tx.OpenHandoff(ctx, h.key)
		return err
	})
	if err != nil {
		h.t.Fatalf("open handoff: %v", err)
	}
	return got
}

func TestHandoffRoundTrip(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withNotify(h)
		ctx := context.Background()
		h.send(bot.Incoming{Kind: bot.KindFollow, DisplayName: "北見 花子"})
		h.say("社員旅行はありますか？", "お答えできる情報がありません")
		h.say("副業はできますか？", "おつなぎしましょうか")
		h.say("はい", "採用担当者におつなぎします", "[ボットに戻る]")
		hand := h.openHandoffOf()
		if hand.Reason != bot.HandoffUnanswered || hand.Question != "副業はできますか？" ||
			len(hand.Recent) != 2 || hand.Recent[0] != "社員旅行はありますか？" {
			t.Fatalf("handoff: %+v", hand)
		}
		ds := h.drain()
		last := ds[len(ds)-1]
		if last.Kind != bot.DeliveryHandoffOpen || last.Key != notifyTo.Key() || last.To != "CRECRUIT" || last.Ref != hand.ID {
			t.Fatalf("deliveries %v; last %+v", kinds(ds), last)
		}

		// While open, what the candidate says goes to the thread, unanswered.
		if r := h.say("来週の面談の時間を相談したいです"); len(r) != 0 {
			t.Fatalf("answered during the handoff: %s", repliesText(r))
		}
		if r := h.say("研修は何ヶ月ですか"); len(r) != 0 {
			t.Fatalf("FAQ answered during the handoff: %s", repliesText(r))
		}
		ds = h.drain()
		if len(ds) != 2 || ds[0].Kind != bot.DeliveryHandoffRelay || ds[0].Replies[0].Text != "来週の面談の時間を相談したいです" || ds[0].Ref != hand.ID {
			t.Fatalf("relays: %+v", ds)
		}
		h.say("担当者と話したい", "ただいま採用担当者におつなぎしています")

		// A recruiter's reply in the thread reaches the candidate, marked.
		if err := h.store.SetHandoffThread(ctx, hand.ID, "CRECRUIT", "1700000000.000100"); err != nil {
			t.Fatal(err)
		}
		r := h.send(bot.Incoming{Kind: bot.KindStaffReply, Text: "担当の佐藤です。木曜日はいかがですか。", Thread: "1700000000.000100"})
		if got := repliesText(r); !strings.Contains(got, "【採用担当より】\n担当の佐藤です。") {
			t.Fatalf("staff reply: %q", got)
		}
		if r := h.send(bot.Incoming{Kind: bot.KindStaffReply, Text: "別のスレッド", Thread: "1600000000.000001"}); len(r) != 0 {
			t.Fatalf("reply in another thread passed on: %s", repliesText(r))
		}

		// A recruiter closes it: the candidate hears the bot is back.
		closed, err := h.eng.CloseHandoff(ctx, hand.ID, "USTAFF")
		if err != nil || !closed {
			t.Fatalf("close: %v %v", closed, err)
		}
		if again, err := h.eng.CloseHandoff(ctx, hand.ID, "USTAFF"); err != nil || again {
			t.Fatalf("closed twice: %v %v", again, err)
		}
		ds = h.drain()
		if len(ds) != 2 || ds[0].Kind != bot.DeliveryHandoffClose || ds[1].Kind != bot.DeliveryReply ||
			ds[1].Key != h.key || !strings.Contains(ds[1].Replies[0].Text, "ボットがご案内します") {
			t.Fatalf("after close: %v %+v", kinds(ds), ds)
		}
		got, err := h.store.Handoff(ctx, hand.ID)
		if err != nil || got.Status != bot.HandoffClosed || got.ClosedBy != "USTAFF" || len(got.Recent) != 0 {
			t.Fatalf("closed handoff: %+v %v", got, err)
		}
		h.say("研修は何ヶ月ですか", "4ヶ月")
		if r := h.send(bot.Incoming{Kind: bot.KindStaffReply, Text: "遅れた返信", Thread: "1700000000.000100"}); len(r) != 0 {
			t.Fatalf("reply after close passed on: %s", repliesText(r))
		}
	})
}

func TestHandoffTimesOut(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withNotify(h)
		ctx := context.Background()
		h.say("担当者と話したい", "採用担当者におつなぎします")
		h.clock.Advance(25 * time.Hour)
		h.say("研修は何ヶ月ですか", "しばらくやり取りがなかったため", "4ヶ月")

		h.say("担当者と話す", "採用担当者におつなぎします")
		hand := h.openHandoffOf()
		h.clock.Advance(23 * time.Hour)
		if n, err := h.eng.CloseIdleHandoffs(ctx); err != nil || n != 0 {
			t.Fatalf("closed a live handoff: %d %v", n, err)
		}
		h.clock.Advance(2 * time.Hour)
		h.drain()
		if n, err := h.eng.CloseIdleHandoffs(ctx); err != nil || n != 1 {
			t.Fatalf("idle handoffs closed: %d %v", n, err)
		}
		ds := h.drain()
		if len(ds) != 2 || ds[0].Ref != hand.ID || ds[1].Kind != bot.DeliveryReply {
			t.Fatalf("after the sweep: %v", kinds(ds))
		}
		if got, _ := h.store.Handoff(ctx, hand.ID); got.ClosedBy != bot.ClosedByTimeout {
			t.Fatalf("closed by %q", got.ClosedBy)
		}
	})
}

func TestHandoffPausesTheForm(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withNotify(h)
		toEmail(h)
		h.say("担当者と話したい", "採用担当者におつなぎします", "続きから再開できます")
		if r := h.say("hanako@example.jp"); len(r) != 0 {
			t.Fatalf("form answered during the handoff: %s", repliesText(r))
		}
		h.say("ボットに戻る", "ボットのご案内に戻ります", qEmail)
		h.say("hanako@example.jp", qPhone)
		if ds := h.drain(); kinds(ds)[len(ds)-1] != string(bot.DeliveryHandoffClose) {
			t.Fatalf("deliveries: %v", kinds(ds))
		}
	})
}

func TestHandoffWithoutNotifyIsOnlyRecorded(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		h.say("担当者と話したい", "採用担当者におつなぎします")
		h.say("研修は何ヶ月ですか", "4ヶ月")
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("deliveries without notify: %v", kinds(ds))
		}
	})
}

func TestNoticeAndStatus(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withNotify(h)
		ctx := context.Background()
		h.fillForm()
		h.tap("この内容で応募する", "受付番号は")
		app := h.applications()[0]
		ds := h.drain()
		if n := len(ds); n == 0 || ds[n-1].Kind != bot.DeliveryNotice || ds[n-1].Ref != app.ID || ds[n-1].Key != notifyTo.Key() {
			t.Fatalf("notice: %v", kinds(ds))
		}

		got, changed, err := h.eng.SetApplicationStatus(ctx, app.ID, bot.StatusInterview, "USTAFF")
		if err != nil || !changed || got.Status != bot.StatusInterview {
			t.Fatalf("set status: %+v %v %v", got, changed, err)
		}
		ds = h.drain()
		if len(ds) != 2 || ds[0].Kind != bot.DeliveryNoticeUpdate || ds[1].Kind != bot.DeliveryReply ||
			ds[1].Key != h.key || !strings.Contains(ds[1].Replies[0].Text, "面談の日程") {
			t.Fatalf("after the change: %v", kinds(ds))
		}
		if _, changed, err := h.eng.SetApplicationStatus(ctx, app.ID, bot.StatusInterview, "USTAFF"); err != nil || changed {
			t.Fatalf("set again: %v %v", changed, err)
		}
		if ds := h.drain(); len(ds) != 0 {
			t.Fatalf("deliveries after a no-op: %v", kinds(ds))
		}
		h.say("応募状況", "面談調整中")
		events, err := h.store.ApplicationEvents(ctx, app.ID)
		if err != nil || events[len(events)-1].Actor != "USTAFF" || events[len(events)-1].To != "interview" {
			t.Fatalf("audit: %+v %v", events, err)
		}
	})
}

func TestForgetDuringHandoff(t *testing.T) {
	forEngine(t, func(t *testing.T, h *harness) {
		withNotify(h)
		ctx := context.Background()
		h.send(bot.Incoming{Kind: bot.KindFollow, DisplayName: "北見 花子"})
		h.say("担当者と話したい", "採用担当者におつなぎします")
		hand := h.openHandoffOf()
		h.drain()
		h.say("個人情報を削除", "削除")
		h.say("はい")
		if _, err := h.store.Handoff(ctx, hand.ID); err == nil {
			t.Fatal("the handoff outlived the candidate's data")
		}
		for _, d := range h.drain() {
			if d.Kind == bot.DeliveryHandoffRelay {
				t.Fatalf("the deletion was relayed: %+v", d)
			}
		}
	})
}
