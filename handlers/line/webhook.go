package line

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/line/line-bot-sdk-go/v8/linebot/webhook"
	"github.com/sakemodel/sakebot/handlers"
	"github.com/sakemodel/sakebot/worker"
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
	// Rejected, when set, is told how many events of a request were left
	// out as unreadable (no type, a field of the wrong type); the others
	// are stored and the request is answered 200.
	Rejected func(n int)
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
// stored; a worker does the rest. A bad signature is 401 and a body that
// is not a webhook's JSON 400; an event that cannot be read is left out
// and counted, and the others are stored (answering 400 would make LINE
// redeliver the whole body, for ever). Bodies are never logged: they carry
// what students wrote.
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
	events, rejected, err := decodeBody(body, h.now(), decodeEvent)
	if err != nil {
		h.log.WarnContext(r.Context(), "line webhook: malformed body", "err", err) // the error never quotes the body
		http.Error(w, "malformed body", http.StatusBadRequest)
		return
	}
	if rejected > 0 {
		// Counts only: an event's content may be personal data.
		h.log.WarnContext(r.Context(), "line webhook: unreadable events left out", "rejected", rejected, "kept", len(events))
		if h.Rejected != nil {
			h.Rejected(rejected)
		}
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
// reject the same ones. Only a body that is not JSON of the webhook's
// shape is an error; an event the SDK cannot read is left out (see
// decodeBody). The SDK's errors may quote the body, so only a generic
// error is returned.
func parse(body []byte, received time.Time) ([]worker.Event, error) {
	return parseWith(body, received, decodeEvent)
}

// parseWith is parse with fast as the single-pass decoder; the SDK decodes
// the events fast leaves to it (all of them when fast always says false).
func parseWith(body []byte, received time.Time, fast func([]byte) (webhook.EventInterface, bool)) ([]worker.Event, error) {
	events, _, err := decodeBody(body, received, fast)
	return events, err
}

// decodeBody is parseWith that also counts the rejected events: those
// neither fast nor the SDK can read (no type, a field of the wrong JSON
// type). One bad event does not cost the others: the rest are kept, each
// with its own raw JSON for old payloads' keys.
func decodeBody(body []byte, received time.Time, fast func([]byte) (webhook.EventInterface, bool)) (events []worker.Event, rejected int, err error) {
	var req struct {
		Events []json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return nil, 0, errors.New("not a LINE webhook body")
	}
	decoded := make([]webhook.EventInterface, 0, len(req.Events))
	raws := req.Events[:0] // the kept events, in place
	for _, raw := range req.Events {
		e, ok := fast(raw)
		if !ok {
			var err error
			if e, err = webhook.UnmarshalEvent(raw); err != nil {
				rejected++
				continue
			}
		}
		decoded = append(decoded, e)
		raws = append(raws, raw)
	}
	return toEvents(decoded, raws, received), rejected, nil
}
