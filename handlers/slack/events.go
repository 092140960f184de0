package slack

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
)

// outerEvent is the envelope of the Events API.
type outerEvent struct {
	Type      string          `json:"type"`
	Challenge string          `json:"challenge"`
	EventID   string          `json:"event_id"`
	Event     json.RawMessage `json:"event"`
}

// innerEvent is the part of a message or app_mention event sakebot reads.
type innerEvent struct {
	Type        string `json:"type"`
	Subtype     string `json:"subtype"`
	User        string `json:"user"`
	BotID       string `json:"bot_id"`
	Text        string `json:"text"`
	Channel     string `json:"channel"`
	ChannelType string `json:"channel_type"`
	TS          string `json:"ts"`
	ThreadTS    string `json:"thread_ts"`
}

// events is POST /slack/events: the envelope decoded, then onEvent. An
// event that could not be stored gets 500, so Slack sends it again.
func (a *App) events(w http.ResponseWriter, r *http.Request, body []byte) {
	out, err := decodeEvent(body)
	if err != nil {
		http.Error(w, "malformed body", http.StatusBadRequest)
		return
	}
	retry, _ := strconv.Atoi(r.Header.Get("X-Slack-Retry-Num"))
	payload, err := a.onEvent(r.Context(), out, retry)
	if err != nil {
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	answer(w, payload)
}

// decodeEvent reads an Events API envelope: a request's body, or the
// payload of a Socket Mode request.
func decodeEvent(b []byte) (outerEvent, error) {
	var out outerEvent
	err := json.Unmarshal(b, &out)
	return out, err
}

// onEvent handles one envelope, over HTTP or Socket Mode, and returns the
// answer's payload (nil: an empty 200). The URL check gets its challenge
// back. The events sakebot acts on are written to the inbox (unique on
// event_id, so Slack's retries, retry > 0, are stored once and never
// lost) and the worker is woken: the engine decides what they mean in the
// user's turn. Events sakebot does not act on are answered too, so Slack
// does not send them again. An error means the event could not be stored:
// the request must not be acknowledged.
func (a *App) onEvent(ctx context.Context, out outerEvent, retry int) (any, error) {
	switch out.Type {
	case "url_verification":
		return map[string]string{"challenge": out.Challenge}, nil
	case "event_callback":
	default:
		return nil, nil
	}
	if a.homeOpened(out.Event) {
		return nil, nil
	}
	evs, err := a.toEvents(ctx, out)
	if err != nil {
		a.log.Error("slack: cannot find the thread's handoff", "err", err)
		return nil, err
	}
	if len(evs) == 0 {
		return nil, nil
	}
	n, err := a.store.AcceptEvents(ctx, evs)
	if err != nil {
		a.log.Error("slack: cannot store the event", "err", err)
		return nil, err
	}
	a.log.Debug("slack: event accepted", "kind", string(evs[0].Incoming.Kind), "new", n, "retry", retry)
	if n > 0 {
		a.wake()
	}
	return nil, nil
}

// toEvents converts an event sakebot acts on (see toEvent). A mention that
// asks to apply (or for a status, or a person) becomes two: the answer in
// the channel's thread, and the opening of the user's DM (conversations.open
// in the Sender), where the bot greets them with its menu (応募する …), or,
// when a form is under way there, asks its current question again. The
// request itself is not replayed in the DM: a form at its summary would
// take 「応募したい」 as the go-ahead. Nothing about the user is stored for
// the channel; in the DM the form asks for consent first, as always.
func (a *App) toEvents(ctx context.Context, out outerEvent) ([]worker.Event, error) {
	ev, ok, err := a.toEvent(ctx, out)
	if err != nil || !ok {
		return nil, err
	}
	evs := []worker.Event{ev}
	if in := ev.Incoming; in.Group && bot.WantsPrivate(in.Text) {
		var inner innerEvent
		_ = json.Unmarshal(out.Event, &inner)
		dm := bot.Incoming{Key: bot.UserKey{Channel: bot.ChannelSlack, UserID: inner.User}, Kind: bot.KindOpen, At: in.At}
		evs = append(evs, worker.Event{ID: ev.ID + ":dm", Incoming: dm, ReceivedAt: ev.ReceivedAt})
	}
	return evs, nil
}

// toEvent converts an event sakebot acts on: a reply in a handoff's
// thread, a student's DM, a mention of the bot in a channel. Messages of
// bots (this one included), edits, joins and the like are left out
// (false).
func (a *App) toEvent(ctx context.Context, out outerEvent) (worker.Event, bool, error) {
	var in innerEvent
	if out.EventID == "" || json.Unmarshal(out.Event, &in) != nil {
		return worker.Event{}, false, nil
	}
	if in.BotID != "" || in.User == "" || in.Subtype != "" && in.Subtype != "thread_broadcast" {
		return worker.Event{}, false, nil
	}
	ev := worker.Event{ID: "slack:" + out.EventID, ReceivedAt: a.cfg.clock()().UTC()}
	inc := bot.Incoming{Kind: bot.KindMessage, At: tsTime(in.TS)}
	switch {
	case in.Type == "message" && in.ThreadTS != "" && in.ThreadTS != in.TS:
		return a.threadReply(ctx, ev, inc, in)
	case in.Type == "message" && in.ChannelType == "im":
		inc.Key = bot.UserKey{Channel: bot.ChannelSlack, UserID: in.User}
		inc.Text, inc.ReplyTo = plainText(in.Text), in.Channel
	case in.Type == "app_mention" && in.Channel != a.cfg.NotifyChannel:
		inc.Key = bot.UserKey{Channel: bot.ChannelSlack, UserID: in.Channel}
		inc.Text, inc.Group, inc.ReplyTo = plainText(in.Text), true, in.Channel
		inc.Thread = in.ThreadTS
		if inc.Thread == "" {
			inc.Thread = in.TS
		}
	default:
		return worker.Event{}, false, nil
	}
	if strings.TrimSpace(inc.Text) == "" {
		return worker.Event{}, false, nil
	}
	ev.Incoming = inc
	return ev, true, nil
}

// threadReply converts a reply in the thread of a handoff into a turn of
// the handoff's candidate (keyed by them, so it is ordered with their own
// messages): the engine decides in that turn whether the handoff is still
// open and this is its thread, and only then passes the reply on. The
// handler only finds whose thread it is: a thread of no handoff (an
// application's notice, a discussion) has nobody to hand the reply to.
// Replies starting with // are notes among recruiters and stay in Slack.
func (a *App) threadReply(ctx context.Context, ev worker.Event, inc bot.Incoming, in innerEvent) (worker.Event, bool, error) {
	text := plainText(in.Text)
	if strings.HasPrefix(strings.TrimSpace(in.Text), "//") || text == "" {
		return worker.Event{}, false, nil
	}
	h, err := a.store.HandoffByThread(ctx, in.Channel, in.ThreadTS)
	if errors.Is(err, bot.ErrNotFound) {
		return worker.Event{}, false, nil
	}
	if err != nil {
		return worker.Event{}, false, err
	}
	a.log.Info("slack: recruiter replied in a handoff's thread", "handoff", h.ID, "staff", in.User)
	inc.Key, inc.Kind, inc.Text, inc.Thread, inc.Staff = h.Key, bot.KindStaffReply, text, in.ThreadTS, in.User
	ev.Incoming = inc
	return ev, true, nil
}
