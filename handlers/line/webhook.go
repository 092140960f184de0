package line

import (
	"context"
	"encoding/json"
	"errors"
	"github.com/sakemodel/sakebot/worker"
	"log/slog"
	"net/http"
	"time"

	"github.com/line/line-bot-sdk-go/v8/linebot/webhook"
	"github.com/sakemodel/sakebot/handlers"
)

// MaxBodyBytes caps a webhook body; larger requests get 413.
const MaxBodyBytes = 1 << 20

// EventAccepter is where the webhook writes events before answering: the
// worker's fast lane (worker.Worker.AcceptEvents, which may answer them in the
// same transaction) or the inbox itself.
type EventAccepter interface {
	AcceptEvents(ctx context.Context, events []worker.Event) (int, error)
}

// Webhook is the handler of POST /line/webhook: verify, store, answer.
type Webhook struct {
	secrets []string // current, then previous
	inbox   EventAccepter
	wake    func() // tells the worker events are waiting
	log     *slog.Logger
	now     func() time.Time
	// Duplicates, when set, is told how many events of a request were
	// dropped as already received (redeliveries).
	Duplicates func(n int)
}

// NewWebhook returns the webhook handler for cfg's secrets.
func NewWebhook(cfg Config, inbox EventAccepter, wake func(), log *slog.Logger) *Webhook {
	secrets := []string{cfg.Secret}
	if cfg.PreviousSecret != "" {
		secrets = append(secrets, cfg.PreviousSecret)
	}
	if wake == nil {
		wake = func() {}
	}
	return &Webhook{secrets: secrets, inbox: inbox, wake: wake, log: log, now: cfg.clock()}
}

// ServeHTTP verifies the signature on the raw body, hands the events to the
// accepter (duplicates are ignored there) and answers 200 once they are
// stored; a worker does the rest. Bodies are never logged: they carry what
// students wrote.
func (h *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, ok := handlers.ReadBody(w, r, MaxBodyBytes)
	if !ok {
		return
	}
	if !h.verified(r.Header.Get("X-Line-Signature"), body) {
		h.log.WarnContext(r.Context(), "line webhook: bad signature", "remote", r.RemoteAddr)
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	events, err := parse(body, h.now())
	if err != nil {
		h.log.WarnContext(r.Context(), "line webhook: malformed body", "err", err) // the error never quotes the body
		http.Error(w, "malformed body", http.StatusBadRequest)
		return
	}
	if len(events) > 0 {
		n, err := h.inbox.AcceptEvents(r.Context(), events)
		if err != nil {
			h.log.ErrorContext(r.Context(), "line webhook: cannot store events", "err", err)
			http.Error(w, "try again", http.StatusInternalServerError)
			return
		}
		h.log.DebugContext(r.Context(), "line webhook: accepted", "events", len(events), "new", n)
		if h.Duplicates != nil {
			h.Duplicates(len(events) - n)
		}
		if n > 0 {
			h.wake()
		}
	}
	w.WriteHeader(http.StatusOK)
}

// verified checks the signature against the current and previous secrets.
func (h *Webhook) verified(signature string, body []byte) bool {
	if signature == "" {
		return false
	}
	for _, s := range h.secrets {
		if webhook.ValidateSignature(s, signature, body) {
			return true
		}
	}
	return false
}

// parse decodes the body: the events array once, then each event with
// decodeEvent's single pass, or with the SDK's own decoder (what
// webhook.CallbackRequest does, without decoding the body twice) for the
// events the fast path leaves to it; both give the same events and
// reject the same bodies. Each event's raw JSON is kept for old payloads'
// keys. The SDK's errors may quote the body, so only a generic error is
// returned.
func parse(body []byte, received time.Time) ([]worker.Event, error) {
	return parseWith(body, received, decodeEvent)
}

// parseWith is parse with fast as the single-pass decoder; the SDK decodes
// the events fast leaves to it (all of them when fast always says false).
func parseWith(body []byte, received time.Time, fast func([]byte) (webhook.EventInterface, bool)) ([]worker.Event, error) {
	var req struct {
		Events []json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return nil, errors.New("not a LINE webhook body")
	}
	events := make([]webhook.EventInterface, 0, len(req.Events))
	for _, raw := range req.Events {
		e, ok := fast(raw)
		if !ok {
			var err error
			if e, err = webhook.UnmarshalEvent(raw); err != nil {
				return nil, errors.New("not a LINE webhook body")
			}
		}
		events = append(events, e)
	}
	return toEvents(events, req.Events, received), nil
}
