package line

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/line/line-bot-sdk-go/v8/linebot/webhook"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/jpinput"
	"github.com/sakemodel/sakebot/worker"
)

// toEvents converts the webhook's events to the inbox's. raw holds the
// same events as JSON, for the key of old payloads without webhookEventId.
// Events sakebot does not act on (unknown types, standby mode, bot-level
// events such as join or leave) are left out.
func toEvents(events []webhook.EventInterface, raw []json.RawMessage, received time.Time) []worker.Event {
	var out []worker.Event
	for i, e := range events {
		ev, ok := toEvent(e)
		if !ok {
			continue
		}
		if ev.ID == "" && i < len(raw) {
			ev.ID = legacyID(raw[i])
		}
		ev.ID = "line:" + ev.ID
		ev.ReceivedAt = received
		out = append(out, ev)
	}
	return out
}

// legacyID derives an event key from the event itself, for payloads older
// than webhookEventId: a redelivery of the same event has the same bytes.
func legacyID(raw json.RawMessage) string {
	sum := sha256.Sum256(raw)
	return "legacy-" + hex.EncodeToString(sum[:16])
}

// common is what every event carries.
type common struct {
	id, token string
	source    webhook.SourceInterface
	ts        int64
	mode      webhook.EventMode
}

// toEvent converts one event; false for events sakebot ignores. Events
// are matched by value type, as the SDK returns them. Texts and postback
// data are cleaned of control and bidirectional formatting characters
// (jpinput.CleanText) here, before anything stores them.
func toEvent(e webhook.EventInterface) (worker.Event, bool) {
	var c common
	in := bot.Incoming{}
	switch e := e.(type) {
	case webhook.MessageEvent:
		c = common{e.WebhookEventId, e.ReplyToken, e.Source, e.Timestamp, e.Mode}
		if t, ok := e.Message.(webhook.TextMessageContent); ok {
			in.Kind, in.Text = bot.KindMessage, jpinput.CleanText(t.Text)
		} else {
			in.Kind = bot.KindUnsupported
		}
	case webhook.PostbackEvent:
		c = common{e.WebhookEventId, e.ReplyToken, e.Source, e.Timestamp, e.Mode}
		in.Kind = bot.KindPostback
		if e.Postback != nil {
			in.Postback = jpinput.CleanText(e.Postback.Data)
		}
	case webhook.FollowEvent:
		c = common{e.WebhookEventId, e.ReplyToken, e.Source, e.Timestamp, e.Mode}
		in.Kind, in.Unblocked = bot.KindFollow, e.Follow != nil && e.Follow.IsUnblocked
	case webhook.UnfollowEvent:
		c = common{e.WebhookEventId, "", e.Source, e.Timestamp, e.Mode}
		in.Kind = bot.KindUnfollow
	default:
		return worker.Event{}, false
	}
	if c.mode == webhook.EventMode_STANDBY {
		return worker.Event{}, false
	}
	if !fillSource(&in, c.source) {
		return worker.Event{}, false
	}
	if c.ts > 0 {
		in.At = time.UnixMilli(c.ts).UTC()
	}
	return worker.Event{ID: c.id, Incoming: in, ReplyToken: c.token}, true
}

// fillSource sets who said it and where replies go. Group and room events
// are keyed by the group, not the member: no personal data is kept from a
// group, and the bot answers there only briefly.
func fillSource(in *bot.Incoming, s webhook.SourceInterface) bool {
	switch s := s.(type) {
	case webhook.UserSource:
		in.Key = bot.UserKey{Channel: bot.ChannelLINE, UserID: s.UserId}
	case webhook.GroupSource:
		in.Key, in.Group, in.ReplyTo = bot.UserKey{Channel: bot.ChannelLINE, UserID: s.GroupId}, true, s.GroupId
	case webhook.RoomSource:
		in.Key, in.Group, in.ReplyTo = bot.UserKey{Channel: bot.ChannelLINE, UserID: s.RoomId}, true, s.RoomId
	default:
		return false
	}
	if in.Key.UserID == "" {
		return false
	}
	return !in.Group || in.Kind == bot.KindMessage || in.Kind == bot.KindPostback
}
