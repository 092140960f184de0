package webchat

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/jpinput"
	"github.com/sakemodel/sakebot/worker"
)

// Limits of what a visitor may send.
const (
	maxBody     = 16 << 10 // bytes of a request
	maxText     = 2000     // characters of a message
	maxPostback = 300      // characters of a choice's data
	maxLabel    = 100      // characters of a choice's label
)

// outgoing is the JSON a page posts: a typed message, a tapped choice, or
// "open" when a new visitor's page has nothing to show yet.
type outgoing struct {
	ID       string `json:"id"`   // the page's id of the message, the same on every retry
	Kind     string `json:"kind"` // "message", "postback" or "open"
	Text     string `json:"text"`
	Postback string `json:"postback"`
	Label    string `json:"label"`
	Src      string `json:"src"` // "open": the source code of the page's ?src= (or the widget's data-src), if any
}

var clientIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{8,64}$`)

// send takes what a visitor sent: it checks the origin, the cookie, the
// body and the rates, records the visitor's line, and hands the event to
// the inbox; 202 means the bot will answer (a retry with the same id is
// answered once).
func (h *Handler) send(w http.ResponseWriter, r *http.Request) {
	visitor, ok := h.caller(w, r)
	if !ok {
		return
	}
	out, status, msg := readOutgoing(w, r)
	if status != 0 {
		writeError(w, status, msg)
		return
	}
	now := h.cfg.Now()
	if !h.limits.allow(visitor, h.cfg.Proxies.Addr(r), now) {
		w.Header().Set("Retry-After", "10")
		writeError(w, http.StatusTooManyRequests, msgTooMany)
		return
	}
	if err := h.accept(r, visitor, out); err != nil {
		h.log.ErrorContext(r.Context(), "web chat: accept message", "err", err)
		writeError(w, http.StatusServiceUnavailable, msgBusy)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusAccepted)
	w.Write([]byte(`{"ok":true}` + "\n"))
}

// readOutgoing reads and checks the posted JSON; a non-zero status says
// why it was refused.
func readOutgoing(w http.ResponseWriter, r *http.Request) (outgoing, int, string) {
	var out outgoing
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		return out, http.StatusUnsupportedMediaType, msgBadRequest
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return out, http.StatusRequestEntityTooLarge, msgTooLarge
	case err != nil:
		return out, http.StatusBadRequest, msgBadRequest
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&out); err != nil || !clientIDPattern.MatchString(out.ID) {
		return out, http.StatusBadRequest, msgBadRequest
	}
	out.Text = strings.TrimSpace(jpinput.CleanText(out.Text))
	out.Postback = jpinput.CleanText(out.Postback)
	out.Label = strings.TrimSpace(jpinput.CleanText(out.Label))
	if out.Src = bot.NormalizeSourceCode(jpinput.CleanText(out.Src)); !bot.ValidSourceCode(out.Src) {
		out.Src = "" // not a code: the page opens as usual
	}
	switch {
	case utf8.RuneCountInString(out.Text) > maxText:
		return out, http.StatusBadRequest, msgTooLarge
	case utf8.RuneCountInString(out.Postback) > maxPostback, utf8.RuneCountInString(out.Label) > maxLabel:
		return out, http.StatusBadRequest, msgBadRequest
	case out.Kind == "message" && out.Text == "", out.Kind == "postback" && out.Postback == "":
		return out, http.StatusBadRequest, msgEmpty
	case out.Kind != "message" && out.Kind != "postback" && out.Kind != "open":
		return out, http.StatusBadRequest, msgBadRequest
	}
	return out, 0, ""
}

// accept records the visitor's line and stores the event in the inbox.
// The line goes first: a failure after it is retried by the page with the
// same id, which records nothing twice and stores the event once.
func (h *Handler) accept(r *http.Request, visitor string, out outgoing) error {
	ctx, now := r.Context(), h.cfg.Now()
	in := bot.Incoming{Key: key(visitor), At: now}
	switch out.Kind {
	case "open":
		if out.Src != "" { // arrived with a source's code: tagged and welcomed once per visitor and code
			in.Kind, in.Source, out.ID = bot.KindOpen, out.Src, "src-"+out.Src
			break
		}
		lines, err := h.cfg.Log.WebLastMessages(ctx, visitor, 1)
		if err != nil || len(lines) > 0 {
			return err // the conversation has begun: nothing to open
		}
		in.Kind, out.ID = bot.KindOpen, "open" // once per visitor, however many tabs open it
	case "postback":
		in.Kind, in.Postback, in.Text = bot.KindPostback, out.Postback, out.Text
	default:
		in.Kind, in.Text = bot.KindMessage, out.Text
	}
	if in.Kind != bot.KindOpen {
		shown := out.Text
		if out.Label != "" {
			shown = out.Label
		}
		if _, _, err := h.cfg.Log.AddWebVisitorLine(ctx, visitor, out.ID, shown); err != nil {
			return err
		}
		h.cfg.Hub.Notify(visitor) // the visitor's other tabs
	}
	ev := worker.Event{ID: "web:" + visitor + ":" + out.ID, Incoming: in, ReceivedAt: now}
	_, err := h.cfg.Inbox.AcceptEvents(ctx, []worker.Event{ev})
	return err
}
