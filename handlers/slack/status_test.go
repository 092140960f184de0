package slack_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

func TestStatusButtons(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url, 7)
		ctx := context.Background()
		app := e.apply("U300", "北見 花子")
		notice := e.notices(app.ID)[0]
		pushesBefore := len(e.linePushes("U300"))

		// Someone who is not staff: nothing changes, and they are told why.
		code, _ := e.interact(e.click(otherUser, "status:offer", fmt.Sprint(app.ID), notifyChannel, notice.TS))
		e.settle()
		if code != 200 {
			t.Fatalf("click answered %d", code)
		}
		if r := e.responses(); len(r) != 1 || !strings.Contains(r[0], "権限がありません") {
			t.Fatalf("ephemeral answers: %q", r)
		}
		if got, _ := e.store.Application(ctx, app.ID); got.Status != bot.StatusSubmitted {
			t.Fatalf("status changed by a non-staff click: %s", got.Status)
		}
		if n := len(e.slack.CallsTo("chat.update")); n != 0 {
			t.Fatalf("notice updated by a non-staff click (%d)", n)
		}

		// Staff: the status changes, the notice shows it with who and when,
		// and the candidate hears of the interview.
		code, _ = e.interact(e.click(staffUser, "status:interview", fmt.Sprint(app.ID), notifyChannel, notice.TS))
		e.settle()
		if code != 200 {
			t.Fatalf("click answered %d", code)
		}
		got, _ := e.store.Application(ctx, app.ID)
		if got.Status != bot.StatusInterview {
			t.Fatalf("status %s", got.Status)
		}
		updates := e.slack.CallsTo("chat.update")
		if len(updates) != 1 || updates[0].Form.Get("ts") != notice.TS || updates[0].Form.Get("channel") != notifyChannel {
			t.Fatalf("updates: %+v", updates)
		}
		text := blockTexts(updates[0].Form.Get("blocks"))
		if !strings.Contains(text, "面談調整中") || !strings.Contains(text, "<@"+staffUser+">") || !strings.Contains(text, "に変更") {
			t.Fatalf("updated notice:\n%s", text)
		}
		events, _ := e.store.ApplicationEvents(ctx, app.ID)
		if last := events[len(events)-1]; last.Actor != staffUser || last.To != string(bot.StatusInterview) {
			t.Fatalf("audit: %+v", last)
		}
		pushes := e.linePushes("U300")
		if len(pushes) != pushesBefore+1 || !strings.Contains(pushes[len(pushes)-1], "面談の日程") {
			t.Fatalf("pushes to the candidate: %q", pushes)
		}
		e.lineText("U300", "応募状況")
		if !strings.Contains(e.lineLast("U300"), "面談調整中") {
			t.Fatalf("candidate sees: %s", e.lineLast("U300"))
		}

		// The same click again changes nothing and sends nothing.
		e.interact(e.click(staffUser, "status:interview", fmt.Sprint(app.ID), notifyChannel, notice.TS))
		e.settle()
		if n := len(e.slack.CallsTo("chat.update")); n != 1 {
			t.Fatalf("%d updates after a repeated click", n)
		}
		if n := len(e.linePushes("U300")); n != len(pushes) {
			t.Fatalf("pushed again")
		}
		// Declining: no message to the candidate, the notice shows it.
		e.interact(e.click(staffUser, "status:declined", fmt.Sprint(app.ID), notifyChannel, notice.TS))
		e.settle()
		if n := len(e.linePushes("U300")); n != len(pushes) {
			t.Fatalf("pushed on a decline")
		}
		updates = e.slack.CallsTo("chat.update")
		if !strings.Contains(blockTexts(updates[len(updates)-1].Form.Get("blocks")), "状況：*見送り*") {
			t.Fatalf("declined notice: %s", blockTexts(updates[len(updates)-1].Form.Get("blocks")))
		}
	})
}
