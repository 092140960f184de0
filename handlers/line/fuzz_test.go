package line_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
	"github.com/sakemodel/sakebot/worker"
)

// inboxRecorder keeps what the webhook accepted, for the fuzzer.
type inboxRecorder struct{ events []worker.Event }

func (r *inboxRecorder) AcceptEvents(_ context.Context, evs []worker.Event) (int, error) {
	r.events = append(r.events, evs...)
	return len(evs), nil
}

// FuzzWebhook throws arbitrary bodies at the webhook, correctly signed and
// not: it must never panic, must refuse a bad signature with 401 storing
// nothing, and must answer a signed body with 200 or 400 only, accepting
// only events that name a user.
func FuzzWebhook(f *testing.F) {
	seeds := []string{
		`{"destination":"U0","events":[]}`,
		`{"events":[{"type":"message","mode":"active","timestamp":1,"source":{"type":"user","userId":"U1"},"webhookEventId":"E1","replyToken":"r","message":{"type":"text","id":"1","text":"研修は何ヶ月ですか"}}]}`,
		`{"events":[{"type":"postback","source":{"type":"group","groupId":"G","userId":"U"},"postback":{"data":"t=%E5%BF%9C%E5%8B%9F"}}]}`,
		`{"events":[{"type":"follow","source":{"type":"user","userId":"U2"},"follow":{"isUnblocked":true}}]}`,
		`{"events":[{"type":"message","source":{"type":"room","roomId":"R"},"message":{"type":"sticker","id":"1"}}]}`,
		`{"events":[{"type":"unknown"},{"type":"message","message":{"type":"hologram"}}]}`,
		`{"events":[{"type":1}]}`, `[]`, `null`, `{`, ``,
	}
	for _, s := range seeds {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, body []byte, signed bool) {
		inbox := &inboxRecorder{}
		h := line.NewWebhook(line.Config{Secret: "fuzz-secret"}, inbox, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
		req := httptest.NewRequest("POST", "/line/webhook", bytes.NewReader(body))
		sig := linetest.Sign("another-secret", body)
		if signed {
			sig = linetest.Sign("fuzz-secret", body)
		}
		req.Header.Set("X-Line-Signature", sig)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch {
		case !signed && (rec.Code != http.StatusUnauthorized || len(inbox.events) != 0):
			t.Fatalf("unsigned body: %d, %d events stored", rec.Code, len(inbox.events))
		case signed && rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest && rec.Code != http.StatusRequestEntityTooLarge:
			t.Fatalf("signed body answered %d", rec.Code)
		}
		for _, ev := range inbox.events {
			if ev.Incoming.Key.UserID == "" || ev.ID == "" || ev.Incoming.Key.Channel != bot.ChannelLINE {
				t.Fatalf("accepted an event without a key: %+v", ev)
			}
		}
	})
}
