package admin_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
)

// TestStatusChangeReachesSlackAndCandidate moves an application to 面談調整
// on the page: the engine updates the recruiters' Slack notice and tells
// the candidate on LINE, as a click in Slack does.
func TestStatusChangeReachesSlackAndCandidate(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		a := addApplication(t, e.store, "U-i", "北見 太郎", "")
		notice := e.postNotice(a)

		path := "/admin/applications/" + itoa(a.ID)
		r := e.post(path+"/status", url.Values{"csrf": {e.csrf()}, "status": {string(bot.StatusInterview)}})
		wantRedirect(t, r, path+"?msg=status")
		st, err := e.store.OutboxStats(ctx)
		if err != nil || st.Pending != 2 {
			t.Fatalf("outbox after the change: %+v %v; want the notice update and the message", st, err)
		}
		e.settle()

		updates := e.slack.CallsTo("chat.update")
		if len(updates) != 1 || updates[0].Form.Get("channel") != notifyChannel || updates[0].Form.Get("ts") != notice {
			t.Fatalf("notice updates: %+v", updates)
		}
		if text := updates[0].Form.Get("blocks"); !strings.Contains(text, "面談調整中") || !strings.Contains(text, "admin") {
			t.Errorf("updated notice: %s", text)
		}
		pushes := e.pushesTo("U-i")
		if len(pushes) != 1 || !strings.Contains(pushes[0], "面談の日程") || !strings.Contains(pushes[0], a.Ref) {
			t.Fatalf("LINE pushes to the candidate: %q", pushes)
		}

		// The same status again changes nothing and sends nothing.
		r = e.post(path+"/status", url.Values{"csrf": {e.csrf()}, "status": {string(bot.StatusInterview)}})
		wantRedirect(t, r, path+"?msg=status")
		e.settle()
		if n, m := len(e.slack.CallsTo("chat.update")), len(e.pushesTo("U-i")); n != 1 || m != 1 {
			t.Fatalf("after a repeated change: %d updates, %d pushes", n, m)
		}
	})
}

// TestForgetRetractsTheNotice deletes a candidate on the page: the engine
// also removes their notice from Slack.
func TestForgetRetractsTheNotice(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		a := addApplication(t, e.store, "U-r", "北見 太郎", "")
		notice := e.postNotice(a)
		r := e.post("/admin/applications/"+itoa(a.ID)+"/forget", url.Values{"csrf": {e.csrf()}, "confirm": {"yes"}})
		wantRedirect(t, r, "/admin/applications?msg=forgotten")
		e.settle()
		deletes := e.slack.CallsTo("chat.delete")
		if len(deletes) != 1 || deletes[0].Form.Get("ts") != notice {
			t.Fatalf("deletions in Slack: %+v", deletes)
		}
		if m := e.slack.Messages(notifyChannel); len(m) != 0 {
			t.Fatalf("still in the channel: %+v", m)
		}
	})
}

// postNotice queues the recruiters' notice of a, as the engine does when a
// form is submitted, delivers it, and returns its ts.
func (e *env) postNotice(a bot.Application) string {
	e.t.Helper()
	ctx := context.Background()
	n := e.engine.Notify()
	err := e.store.InTx(ctx, a.Key, func(tx bot.Tx) error {
		return tx.Enqueue(ctx, &bot.Delivery{Kind: bot.DeliveryNotice, Key: n.Key(), To: n.To, Ref: a.ID,
			EventAt: e.clock.Now()})
	})
	if err != nil {
		e.t.Fatal(err)
	}
	e.settle()
	got, err := e.store.Application(ctx, a.ID)
	if err != nil || got.SlackChannel != notifyChannel || got.SlackTS == "" {
		e.t.Fatalf("notice of %s not posted: %+v %v", a.Ref, got, err)
	}
	return got.SlackTS
}

// pushesTo returns the texts of the LINE pushes delivered to user.
func (e *env) pushesTo(user string) []string {
	var out []string
	for _, c := range e.line.Delivered() {
		if c.Path == "/v2/bot/message/push" && c.Body["to"] == user {
			out = append(out, messageText(c))
		}
	}
	return out
}

// messageText joins the texts of a LINE call's messages.
func messageText(c linetest.Call) string {
	var b strings.Builder
	for _, m := range c.Messages() {
		if s, ok := m["text"].(string); ok {
			b.WriteString(s + "\n")
		}
	}
	return b.String()
}
