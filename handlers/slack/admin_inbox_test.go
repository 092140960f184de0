package slack_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/handlers/slack/slacktest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// adminPassword signs in to the admin page of adminPage.
const adminPassword = "sake-model-admin"

// staffPage is a staff member signed in to the admin page, served over
// the env's store, engine and worker as serve wires it.
type staffPage struct {
	t      *testing.T
	srv    *httptest.Server
	client *http.Client
}

// adminPage serves the admin page beside the env and signs in to it.
func (e *env) adminPage() *staffPage {
	e.t.Helper()
	h, err := admin.New(admin.Config{Password: adminPassword, Store: e.store, Desk: e.engine,
		Answerer: e.engine.Answerer(), Inbox: e.worker, Now: e.clock.Now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		e.t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", h)
	jar, _ := cookiejar.New(nil)
	p := &staffPage{t: e.t, srv: httptest.NewServer(mux), client: &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	e.t.Cleanup(p.srv.Close)
	if code, _ := p.post("/admin/login", url.Values{"password": {adminPassword}}); code != http.StatusSeeOther {
		e.t.Fatalf("admin login answered %d", code)
	}
	return p
}

// get fetches a page as a browser would and returns its status and body.
func (p *staffPage) get(path string) (int, string) {
	p.t.Helper()
	return p.do(http.MethodGet, path, nil)
}

// post submits a form as a browser would.
func (p *staffPage) post(path string, form url.Values) (int, string) {
	p.t.Helper()
	return p.do(http.MethodPost, path, form)
}

func (p *staffPage) do(method, path string, form url.Values) (int, string) {
	p.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, p.srv.URL+path, body)
	req.Header.Set("Accept", "text/html")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := p.client.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// csrfOf finds the CSRF token in a page.
var csrfOf = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the session's CSRF token from the page at path.
func (p *staffPage) csrf(path string) string {
	p.t.Helper()
	_, body := p.get(path)
	m := csrfOf.FindStringSubmatch(body)
	if m == nil {
		p.t.Fatalf("no CSRF token on %s", path)
	}
	return m[1]
}

// TestSlackThreadAndAdminInboxAreOneConversation: a reply in the Slack
// thread shows in the admin page's conversation, a reply from the admin
// page shows in the Slack thread and reaches the student, and 対応終了 on
// the page closes the thread as in Slack.
func TestSlackThreadAndAdminInboxAreOneConversation(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, dbURL string) {
		e := newEnv(t, dbURL, 7)
		e.lineFollow("U500")
		e.lineText("U500", "担当者と話したい")
		e.lineText("U500", "来週の面談について相談させてください")
		parent := e.handoffThread()
		h, err := e.store.HandoffByThread(t.Context(), notifyChannel, parent.TS)
		if err != nil {
			t.Fatal(err)
		}
		page := e.adminPage()
		conv := "/admin/inbox/" + strconv.FormatInt(h.ID, 10)

		// Slack → the admin page.
		e.event("EvIn1", threadReply(staffUser, "スレッドからの返信です。木曜日はいかがですか", parent.TS), 0)
		e.settle()
		if pushes := e.linePushes("U500"); len(pushes) != 1 || !strings.Contains(pushes[0], "【採用担当より】\nスレッドからの返信です") {
			t.Fatalf("pushes: %q", pushes)
		}
		code, body := page.get(conv + "/live")
		if code != http.StatusOK || !strings.Contains(body, "来週の面談について相談させてください") ||
			!strings.Contains(body, "スレッドからの返信です。木曜日はいかがですか") || !strings.Contains(body, staffUser) {
			t.Fatalf("the admin conversation (%d) lacks the thread reply:\n%s", code, body)
		}
		ms, err := e.store.HandoffMessages(t.Context(), h.ID)
		if err != nil || len(ms) != 2 || ms[1].Staff != staffUser {
			t.Fatalf("kept: %+v %v", ms, err)
		}

		// The admin page → Slack and the student.
		code, _ = page.post(conv+"/reply", url.Values{"csrf": {page.csrf(conv)}, "text": {"管理画面からの返信です。<!channel>"}})
		if code != http.StatusSeeOther {
			t.Fatalf("reply answered %d", code)
		}
		e.settle()
		pushes := e.linePushes("U500")
		if len(pushes) != 2 || pushes[1] != "【採用担当より】\n管理画面からの返信です。<!channel>\n" {
			t.Fatalf("pushes: %q", pushes)
		}
		replies := e.slack.Thread(notifyChannel, parent.TS)
		last := replies[len(replies)-1]
		if text := blockTexts(last.Blocks); !strings.Contains(text, "管理画面から返信しました") || !strings.Contains(text, "admin") ||
			!strings.Contains(text, "管理画面からの返信です。&lt;!channel&gt;") {
			t.Fatalf("the thread's last reply: %s", text)
		}
		if n := strings.Count(strings.Join(threadTexts(replies), "\n"), "管理画面からの返信です"); n != 1 {
			t.Fatalf("the admin reply is in the thread %d times", n)
		}

		// 対応終了 on the page: the thread shows it closed, the student is told.
		code, _ = page.post(conv+"/close", url.Values{"csrf": {page.csrf(conv)}})
		if code != http.StatusSeeOther {
			t.Fatalf("close answered %d", code)
		}
		e.settle()
		updates := e.slack.CallsTo("chat.update")
		if len(updates) == 0 || !strings.Contains(blockTexts(updates[len(updates)-1].Form.Get("blocks")), "管理画面の admin が対応を終了しました") {
			t.Fatalf("thread after 対応終了: %+v", updates)
		}
		if pushes := e.linePushes("U500"); len(pushes) != 3 || !strings.Contains(pushes[2], "ボットがご案内します") {
			t.Fatalf("pushes: %q", pushes)
		}
	})
}

// threadTexts are the block texts of a thread's messages.
func threadTexts(ms []slacktest.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, blockTexts(m.Blocks))
	}
	return out
}
