package line_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/export"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/store/storetest"
)

// Hostile input over the signed webhook (issue 20, items 1, 4 and 7).

// TestNULMessageIsAnswered: messages with a NUL byte are answered on both
// engines (PostgreSQL refuses NUL in text: a question the FAQ cannot
// answer, kept for staff, failed there with character_not_in_repertoire,
// was retried and given up), and the same student's next message is
// answered at once, not after the retries.
func TestNULMessageIsAnswered(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		for i, c := range []struct{ text, want string }{
			{"研修\u0000は何ヶ月ですか", "4ヶ月"},
			{"好きな\u0000食べ物は\u202E何ですか？\u0085", bot.FallbackText}, // kept as a miss
			{"北見の冬は寒いですか", "寒"},
		} {
			ev := e.text("UN1", c.text)
			e.send(ev) // same clock, one run: no time for retries
			d := e.api.Delivered()
			if len(d) != i+1 || d[i].Body["replyToken"] != ev["replyToken"] || !strings.Contains(messagesText(d[i]), c.want) {
				t.Fatalf("%q: want a reply with %q, got %d deliveries", c.text, c.want, len(d))
			}
		}
		if p, _ := e.run(); p != 0 {
			t.Fatalf("%d events still pending", p)
		}
		misses, err := e.store.ListMisses(context.Background(), 10)
		if err != nil || len(misses) != 1 || misses[0].Question != "好きな食べ物は何ですか？" {
			t.Fatalf("misses kept for staff: %+v %v", misses, err)
		}
	})
}

// TestHostileApplicationOverLINE fills the form with the formula and
// control-character attacks of issue 20: the name and e-mail parsers
// refuse theirs politely, free-text fields are stored cleaned of control
// and bidirectional characters, and the CSV recruiters open in Excel (the
// one the admin page and the CLI write) shows every formula as text.
func TestHostileApplicationOverLINE(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		const user = "UH1"
		e.send(e.text(user, "応募したい"))
		e.tap(user, "同意する")
		for _, name := range []string{"=cmd", "-Smith", `=HYPERLINK("http://evil.example/x","click")`} {
			e.send(e.text(user, name))
			if got := e.lastTexts(); !strings.Contains(got, "例：北見 太郎") {
				t.Fatalf("name %q: no polite refusal: %s", name, got)
			}
		}
		e.send(e.text(user, "北見\u0000 花子"))
		e.send(e.text(user, "きたみ はなこ"))
		e.send(e.text(user, `=HYPERLINK("http://evil.example/x","click")`)) // school
		e.send(e.text(user, "\u202E@SUM(1+1)*cmd|' /C calc'!A0\u202C"))     // department
		e.send(e.text(user, "2027年3月"))
		for _, email := range []string{"=cmd|'/Ccalc'!A0@example.com", "+hanako@example.com"} {
			e.send(e.text(user, email))
			if got := e.lastTexts(); !strings.Contains(got, "先頭") || !strings.Contains(got, "例：taro@example.com") {
				t.Fatalf("e-mail %q: no polite refusal: %s", email, got)
			}
		}
		e.send(e.text(user, "hanako@example.jp"))
		e.send(e.text(user, "080-1111-2222"))
		e.tap(user, "相談したい")
		e.tap(user, "授業で少し")
		e.send(e.text(user, "+1+1\t\u0000\u2066よろしく\u2069お願いします\r\n-Smith")) // motivation
		e.tap(user, "この内容で応募する")

		apps, err := e.store.ListApplications(context.Background(), bot.ApplicationFilter{})
		if err != nil || len(apps) != 1 {
			t.Fatalf("applications: %v %v", apps, err)
		}
		a := apps[0]
		if a.Name != "北見　花子" || a.Email != "hanako@example.jp" || a.Department != "@SUM(1+1)*cmd|' /C calc'!A0" ||
			a.Motivation != "+1+1 よろしくお願いします -Smith" {
			t.Fatalf("stored: %+v", a)
		}

		var buf bytes.Buffer
		if err := export.CSV(&buf, apps); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("csv: %d rows, %v", len(rows), err)
		}
		want := map[string]string{
			"学校名":     `'=HYPERLINK("http://evil.example/x","click")`,
			"学部・学科":   `'@SUM(1+1)*cmd|' /C calc'!A0`,
			"志望動機・質問": "'+1+1 よろしくお願いします -Smith",
			"氏名":      "北見　花子",
		}
		for i, h := range rows[0] {
			if w, ok := want[h]; ok && rows[1][i] != w {
				t.Errorf("%s: %q, want %q", h, rows[1][i], w)
			}
			if c := rows[1][i]; c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("%s: %q would be read as a formula", h, c)
			}
		}
	})
}

// TestBadEventDoesNotDropTheBody: a body with valid events and events the
// SDK cannot read (no type, a type that is not a string, a timestamp that
// is not a number) is answered 200; the valid events are answered once,
// also when LINE redelivers the body.
func TestBadEventDoesNotDropTheBody(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		good1, good2 := e.text("UB1", "研修は何ヶ月ですか"), e.text("UB2", "北見の冬は寒いですか")
		noType := e.text("UB3", "サケモデルとは何ですか")
		delete(noType, "type")
		badType := e.text("UB4", "サケモデルとは何ですか")
		badType["type"] = 12
		badTime := e.text("UB5", "サケモデルとは何ですか")
		badTime["timestamp"] = "yesterday"
		body := callback(good1, noType, badType, badTime, good2)
		for round := 0; round < 2; round++ { // the second time as a redelivery
			if code := e.post(body); code != http.StatusOK {
				t.Fatalf("round %d: webhook answered %d", round, code)
			}
			e.run()
		}
		d := e.api.Delivered()
		if len(d) != 2 {
			t.Fatalf("want the two valid events answered once each, got %d deliveries", len(d))
		}
		to := map[any]string{}
		for _, c := range d {
			to[c.Body["replyToken"]] = messagesText(c)
		}
		if !strings.Contains(to[good1["replyToken"]], "4ヶ月") || !strings.Contains(to[good2["replyToken"]], "寒") {
			t.Fatalf("answers: %v", to)
		}
		// A body that is not the webhook's JSON is still refused, and a
		// bad signature too.
		for _, c := range []struct {
			body []byte
			sig  string
			want int
		}{
			{[]byte(`{"events": [{"type": "message"}]`), "", 400},
			{[]byte(`{"events": "x"}`), "", 400},
			{body, linetest.Sign("wrong-secret", body), 401},
		} {
			sig := c.sig
			if sig == "" {
				sig = linetest.Sign(secret, c.body)
			}
			if got := e.postSigned(c.body, sig); got != c.want {
				t.Errorf("%q: %d, want %d", c.body, got, c.want)
			}
		}
	})
}

// TestBadEventIsCountedAndLoggedWithoutContent checks what the webhook
// tells about the events it leaves out: their number, in the log and to
// Rejected, and nothing they hold.
func TestBadEventIsCountedAndLoggedWithoutContent(t *testing.T) {
	var logs bytes.Buffer
	inbox := &inboxRecorder{}
	h := line.NewWebhook(line.Config{Secret: secret}, inbox, nil, slog.New(slog.NewJSONHandler(&logs, nil)))
	rejected := 0
	h.Rejected = func(n int) { rejected += n }
	secretText := "北見花子の電話番号は090-1234-5678です"
	events := []map[string]any{
		{"source": map[string]any{"type": "user", "userId": "Uprivate1"}, "message": map[string]any{"type": "text", "text": secretText}},
		{"type": "message", "webhookEventId": "E1", "source": map[string]any{"type": "user", "userId": "U1"},
			"message": map[string]any{"type": "text", "id": "1", "text": "研修は何ヶ月ですか"}},
		{"type": []string{secretText}},
	}
	body, _ := json.Marshal(map[string]any{"events": events})
	req := httptest.NewRequest("POST", "/line/webhook", bytes.NewReader(body))
	req.Header.Set("X-Line-Signature", linetest.Sign(secret, body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("answered %d", rec.Code)
	}
	if len(inbox.events) != 1 || inbox.events[0].Incoming.Text != "研修は何ヶ月ですか" || rejected != 2 {
		t.Fatalf("stored %d events, rejected %d", len(inbox.events), rejected)
	}
	var entry struct {
		Msg      string
		Rejected int
		Kept     int
	}
	logged := logs.String()
	if err := json.NewDecoder(strings.NewReader(logged)).Decode(&entry); err != nil || entry.Rejected != 2 || entry.Kept != 1 {
		t.Fatalf("log %q: %+v %v", logged, entry, err)
	}
	for _, private := range []string{"Uprivate1", "北見花子", "090", "研修"} {
		if strings.Contains(logged, private) {
			t.Errorf("the log holds %q: %s", private, logged)
		}
	}
}
