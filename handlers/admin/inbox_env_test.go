package admin_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/worker"
)

// lineSecret is the channel secret of newWorker's LINE client.
const lineSecret = "line-secret"

// inboxOnly is how serve tells staff with Slack off: handoffs open, and
// staff answer them on the admin page.
var inboxOnly = bot.Notify{Inbox: true}

// lineStudents posts students' LINE messages to the real webhook, which
// hands them to e's worker as serve wires it.
type lineStudents struct {
	e    *env
	hook *httptest.Server
	seq  atomic.Int64
}

// students serves LINE's webhook over e's worker.
func (e *env) students() *lineStudents {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	wh := line.NewWebhook(line.Config{Secret: lineSecret, Token: "line-token", APIBase: e.line.URL,
		DataAPIBase: e.line.URL, Now: e.clock.Now}, e.worker, nil, log)
	ls := &lineStudents{e: e, hook: httptest.NewServer(wh)}
	e.t.Cleanup(ls.hook.Close)
	return ls
}

// say posts a signed text message of user and lets the worker answer it.
func (ls *lineStudents) say(user, text string) {
	ls.e.t.Helper()
	n := ls.seq.Add(1)
	ev := map[string]any{
		"type": "message", "mode": "active", "timestamp": ls.e.clock.Now().UnixMilli(),
		"source":          map[string]any{"type": "user", "userId": user},
		"webhookEventId":  fmt.Sprintf("01HINBOX%019d", n),
		"deliveryContext": map[string]any{"isRedelivery": false},
		"replyToken":      fmt.Sprintf("token-%d", n),
		"message":         map[string]any{"type": "text", "id": fmt.Sprint("m", n), "text": text},
	}
	body, _ := json.Marshal(map[string]any{"destination": "Udest", "events": []any{ev}})
	req, _ := http.NewRequest(http.MethodPost, ls.hook.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Line-Signature", linetest.Sign(lineSecret, body))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		ls.e.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		ls.e.t.Fatalf("LINE webhook answered %d", res.StatusCode)
	}
	ls.e.work()
}

// work lets the worker process every event (the students', the replies
// staff posted) and deliver everything.
func (e *env) work() {
	e.t.Helper()
	if _, err := e.worker.ProcessEvents(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	e.settle()
}

// lastTo is the text of the last LINE message (reply or push) to user.
func (e *env) lastTo(user string) string {
	e.t.Helper()
	var last string
	for _, c := range e.line.Delivered() {
		if c.Path == "/v2/bot/message/reply" || c.Body["to"] == user {
			last = messageText(c)
		}
	}
	return last
}

// openHandoff returns the user's open handoff.
func (e *env) openHandoff(user string) bot.Handoff {
	e.t.Helper()
	ctx := context.Background()
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: user}
	var h bot.Handoff
	err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
		var err error
		h, err = tx.OpenHandoff(ctx, key)
		return err
	})
	if err != nil {
		e.t.Fatalf("open handoff of %s: %v", user, err)
	}
	return h
}

// recordingInbox is the worker, taking one post at a time, with the texts
// it accepted in the order it accepted them.
type recordingInbox struct {
	mu    sync.Mutex
	inbox admin.Inbox
	texts []string
}

// AcceptEvents implements admin.Inbox.
func (r *recordingInbox) AcceptEvents(ctx context.Context, evs []worker.Event) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	n, err := r.inbox.AcceptEvents(ctx, evs)
	if err == nil {
		for _, ev := range evs {
			r.texts = append(r.texts, ev.Incoming.Text)
		}
	}
	return n, err
}

// accepted returns the texts accepted so far, in order.
func (r *recordingInbox) accepted() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.texts...)
}

// withInbox returns a second copy of e's page, over the same store,
// engine and worker, whose replies go to inbox; with its own browser.
func (e *env) withInbox(inbox admin.Inbox) *env {
	e.t.Helper()
	h, err := admin.New(admin.Config{Password: password, Store: e.store, Desk: e.engine, Answerer: e.engine.Answerer(),
		Inbox: inbox, Now: e.clock.Now})
	if err != nil {
		e.t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", h)
	copied := *e
	copied.srv, copied.client = httptest.NewServer(mux), newClient(e.t)
	e.t.Cleanup(copied.srv.Close)
	return &copied
}

// replyIDPattern finds the reply form's idempotency key in a page.
var replyIDPattern = regexp.MustCompile(`name="reply_id" value="([^"]+)"`)

// replyForm reads the reply form of a handoff's page as a browser would:
// its CSRF token and idempotency key.
func (e *env) replyForm(id int64) (csrf, replyID string) {
	e.t.Helper()
	r := e.get("/admin/inbox/" + itoa(id))
	wantStatus(e.t, r, http.StatusOK)
	c, k := csrfPattern.FindStringSubmatch(r.Body), replyIDPattern.FindStringSubmatch(r.Body)
	if c == nil || k == nil {
		e.t.Fatalf("no reply form on the page:\n%s", clip(r.Body))
	}
	return c[1], k[1]
}
