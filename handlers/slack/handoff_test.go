package slack_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// handoffThread returns the first message of the only handoff thread.
func (e *env) handoffThread() slacktest.Message {
	e.t.Helper()
	var found []slacktest.Message
	for _, m := range e.slack.Messages(notifyChannel) {
		if m.Metadata["event_type"] == "sakebot_handoff" {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		e.t.Fatalf("%d handoff threads, want 1", len(found))
	}
	return found[0]
}

func TestHandoffRoundTrip(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 3)
		ctx := context.Background()
		e.lineFollow("U400")
		e.lineText("U400", "社員旅行はありますか？")
		e.lineText("U400", "副業はできますか？")
		if !strings.Contains(e.lineLast("U400"), "おつなぎしましょうか") {
			t.Fatalf("no offer after two misses: %s", e.lineLast("U400"))
		}
		e.lineText("U400", "はい")
		if !strings.Contains(e.lineLast("U400"), "採用担当者におつなぎします") {
			t.Fatalf("candidate told: %s", e.lineLast("U400"))
		}

		// The thread: who, what they asked, the last questions, how to answer.
		parent := e.handoffThread()
		text := blockTexts(parent.Blocks)
		for _, want := range []string{"テスト 花子", "LINE", "（応募なし）", "2回続けて答えられず", "副業はできますか？",
			"社員旅行はありますか？", "対応終了", "【採用担当より】"} {
			if !strings.Contains(text, want) {
				t.Errorf("thread lacks %q:\n%s", want, text)
			}
		}

		// The candidate's messages go into the thread; the bot stays quiet.
		lineCalls := len(e.line.Delivered())
		e.lineText("U400", "来週の面談の時間を相談したいです <@U999>")
		e.lineText("U400", "研修は何ヶ月ですか")
		if n := len(e.line.Delivered()); n != lineCalls {
			t.Fatalf("the bot answered during the handoff (%d messages)", n-lineCalls)
		}
		replies := e.slack.Thread(notifyChannel, parent.TS)
		if len(replies) != 2 || !strings.Contains(blockTexts(replies[0].Blocks), "来週の面談の時間を相談したいです &lt;@U999&gt;") ||
			!strings.Contains(blockTexts(replies[1].Blocks), "研修は何ヶ月ですか") {
			t.Fatalf("thread replies: %+v", replies)
		}

		// A recruiter's reply reaches the candidate, marked; notes (//),
		// bots and replies in other threads do not.
		if code := e.event("Ev1", threadReply(staffUser, "担当の佐藤です。<https://example.jp/faq|よくある質問> もご覧ください &amp; 木曜日はいかがですか。", parent.TS), 0); code != 200 {
			t.Fatalf("event answered %d", code)
		}
		e.event("Ev2", threadReply(staffUser, "// 佐藤さん対応お願いします", parent.TS), 0)
		fromBot := threadReply("", "bot echo", parent.TS)
		fromBot["bot_id"], fromBot["subtype"] = "B1", "bot_message"
		e.event("Ev3", fromBot, 0)
		e.event("Ev4", threadReply(staffUser, "別の話題", "1600000000.000001"), 0)
		e.settle()
		pushes := e.linePushes("U400")
		if len(pushes) != 1 || pushes[0] != "【採用担当より】\n担当の佐藤です。よくある質問（https://example.jp/faq） もご覧ください & 木曜日はいかがですか。\n" {
			t.Fatalf("pushes: %q", pushes)
		}

		// 対応終了: refused to anyone but staff; by staff, the thread shows
		// it and the candidate is told the bot is back.
		h, err := e.store.HandoffByThread(ctx, notifyChannel, parent.TS)
		if err != nil {
			t.Fatal(err)
		}
		e.interact(e.click(otherUser, "handoff_close", fmt.Sprint(h.ID), notifyChannel, parent.TS))
		e.settle()
		if r := e.responses(); len(r) != 1 || !strings.Contains(r[0], "権限がありません") {
			t.Fatalf("non-staff close: %q", r)
		}
		e.interact(e.click(staffUser, "handoff_close", fmt.Sprint(h.ID), notifyChannel, parent.TS))
		e.settle()
		if got, _ := e.store.Handoff(ctx, h.ID); got.Status != bot.HandoffClosed || got.ClosedBy != staffUser {
			t.Fatalf("handoff: %+v", got)
		}
		updates := e.slack.CallsTo("chat.update")
		if len(updates) != 1 || updates[0].Form.Get("ts") != parent.TS ||
			!strings.Contains(blockTexts(updates[0].Form.Get("blocks")), "が対応を終了しました") ||
			strings.Contains(updates[0].Form.Get("blocks"), "handoff_close") {
			t.Fatalf("parent after close: %+v", updates)
		}
		pushes = e.linePushes("U400")
		if len(pushes) != 2 || !strings.Contains(pushes[1], "ボットがご案内します") {
			t.Fatalf("pushes: %q", pushes)
		}
		// The bot answers again; late replies in the thread stay in Slack.
		e.lineText("U400", "研修は何ヶ月ですか")
		if !strings.Contains(e.lineLast("U400"), "4ヶ月") {
			t.Fatalf("after the handoff: %s", e.lineLast("U400"))
		}
		e.event("Ev5", threadReply(staffUser, "遅れてすみません", parent.TS), 0)
		e.settle()
		if n := len(e.linePushes("U400")); n != 2 {
			t.Fatalf("a reply after the close was pushed")
		}
	})
}

func TestCandidateLeavesHandoff(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 4)
		e.lineFollow("U401")
		e.lineText("U401", "担当者と話したい")
		e.lineTap("U401", "ボットに戻る")
		if !strings.Contains(e.lineLast("U401"), "ボットのご案内に戻ります") {
			t.Fatalf("candidate told: %s", e.lineLast("U401"))
		}
		parent := e.handoffThread()
		replies := e.slack.Thread(notifyChannel, parent.TS)
		if len(replies) != 1 || !strings.Contains(blockTexts(replies[0].Blocks), "候補者がボットの案内に戻りました") {
			t.Fatalf("thread: %+v", replies)
		}
	})
}
