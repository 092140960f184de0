package line

import (
	"bytes"
	"encoding/json"

	"github.com/line/line-bot-sdk-go/v8/linebot/webhook"
)

// The fast path. The events sakebot acts on (text messages, postbacks,
// follows, unfollows) are read with one json.Unmarshal into fastEvent,
// where webhook.UnmarshalEvent decodes each event several times over (a
// generic map, then the event, its source and its message each again).
// It builds the SDK value toEvent reads, so the conversion to worker.Event
// stays in one place. It accepts, rejects and reads what the SDK does:
//
//   - The SDK reads the event's own keys from a map: case-sensitively, the
//     last of repeated keys winning, null giving the zero value. fastEvent's
//     scalars are pointers (the last occurrence wins, null resets them),
//     and each key has a Case field that catches the keys matching it only
//     case-insensitively, which encoding/json would otherwise take.
//   - The SDK reads the source, the text message, the postback and the
//     follow with plain struct decoding (the source's and message's "type"
//     from a map first, as above); fastEvent decodes them into the same
//     field types.
//   - A repeated source, message, postback or follow key would merge the
//     objects here, where the SDK keeps the last: see ambiguous.
//   - Everything else is left to the SDK (decodeEvent's false): a decoding
//     error (fastEvent checks every occurrence of a key, the SDK the last
//     one), an unknown or missing type, a missing or null source or
//     message, a message other than text, a key in another case.

// folded records that a key matched a field only case-insensitively
// ("Type" for "type"): encoding/json gives such keys to the first field
// of the same folded name, so these fields come first in their structs.
type folded bool

// UnmarshalJSON records the key, whatever its value.
func (f *folded) UnmarshalJSON([]byte) error {
	*f = true
	return nil
}

// fastEvent is one webhook event as the fast path reads it: the keys the
// SDK reads for message, postback, follow and unfollow events, with the
// types it decodes them into.
type fastEvent struct {
	CaseType       folded `json:"TYPE"`
	CaseMode       folded `json:"MODE"`
	CaseTimestamp  folded `json:"TIMESTAMP"`
	CaseEventID    folded `json:"WEBHOOKEVENTID"`
	CaseReplyToken folded `json:"REPLYTOKEN"`
	CaseSource     folded `json:"SOURCE"`
	CaseMessage    folded `json:"MESSAGE"`
	CasePostback   folded `json:"POSTBACK"`
	CaseFollow     folded `json:"FOLLOW"`
	CaseDelivery   folded `json:"DELIVERYCONTEXT"`

	Type            *string                  `json:"type"`
	Mode            *webhook.EventMode       `json:"mode"`
	Timestamp       *int64                   `json:"timestamp"`
	WebhookEventID  *string                  `json:"webhookEventId"`
	ReplyToken      *string                  `json:"replyToken"`
	Source          *fastSource              `json:"source"`
	Message         *fastMessage             `json:"message"`
	Postback        *webhook.PostbackContent `json:"postback"`
	Follow          *webhook.FollowDetail    `json:"follow"`
	DeliveryContext *webhook.DeliveryContext `json:"deliveryContext"` // only checked, as the SDK does
}

// fastSource is the event's source: the fields of the SDK's UserSource,
// GroupSource and RoomSource together.
type fastSource struct {
	CaseType folded `json:"TYPE"`

	Type    *string `json:"type"`
	UserID  string  `json:"userId"`
	GroupID string  `json:"groupId"`
	RoomID  string  `json:"roomId"`
}

// fastMessage is a message event's message: the fields of the SDK's
// TextMessageContent, those sakebot ignores decoded only to be checked.
type fastMessage struct {
	CaseType folded `json:"TYPE"`

	Type            *string          `json:"type"`
	ID              string           `json:"id"`
	Text            string           `json:"text"`
	Emojis          []webhook.Emoji  `json:"emojis"`
	Mention         *webhook.Mention `json:"mention"`
	QuoteToken      string           `json:"quoteToken"`
	QuotedMessageID string           `json:"quotedMessageId"`
}

// decodeEvent reads one event with one Unmarshal. It returns what
// webhook.UnmarshalEvent would, as far as toEvent reads it, or false when
// the SDK must decide (including every event the SDK rejects).
func decodeEvent(raw []byte) (webhook.EventInterface, bool) {
	if len(raw) == 0 || raw[0] != '{' || ambiguous(raw) {
		return nil, false
	}
	var e fastEvent
	if json.Unmarshal(raw, &e) != nil || e.caseFolded() || e.Type == nil {
		return nil, false
	}
	src, ok := e.Source.sdk()
	if !ok {
		return nil, false
	}
	switch *e.Type {
	case "message":
		return e.messageEvent(src)
	case "postback":
		return webhook.PostbackEvent{Source: src, Timestamp: e.timestamp(), Mode: e.mode(),
			WebhookEventId: deref(e.WebhookEventID), ReplyToken: deref(e.ReplyToken), Postback: e.Postback}, true
	case "follow":
		return webhook.FollowEvent{Source: src, Timestamp: e.timestamp(), Mode: e.mode(),
			WebhookEventId: deref(e.WebhookEventID), ReplyToken: deref(e.ReplyToken), Follow: e.Follow}, true
	case "unfollow": // the SDK does not read an unfollow event's replyToken
		return webhook.UnfollowEvent{Source: src, Timestamp: e.timestamp(), Mode: e.mode(),
			WebhookEventId: deref(e.WebhookEventID)}, true
	}
	return nil, false
}

// messageEvent is a message event with a text message; false for any
// other message, whose content the SDK checks by its own type.
func (e *fastEvent) messageEvent(src webhook.SourceInterface) (webhook.EventInterface, bool) {
	m := e.Message
	if m == nil || m.CaseType || m.Type == nil || *m.Type != "text" {
		return nil, false
	}
	return webhook.MessageEvent{Source: src, Timestamp: e.timestamp(), Mode: e.mode(),
		WebhookEventId: deref(e.WebhookEventID), ReplyToken: deref(e.ReplyToken),
		Message: webhook.TextMessageContent{Id: m.ID, Text: m.Text}}, true
}

// caseFolded reports a key of the event that matched only case-insensitively.
func (e *fastEvent) caseFolded() bool {
	return bool(e.CaseType || e.CaseMode || e.CaseTimestamp || e.CaseEventID || e.CaseReplyToken ||
		e.CaseSource || e.CaseMessage || e.CasePostback || e.CaseFollow || e.CaseDelivery)
}

// timestamp is the event's time, zero when absent or null.
func (e *fastEvent) timestamp() int64 {
	if e.Timestamp == nil {
		return 0
	}
	return *e.Timestamp
}

// mode is the event's mode, empty when absent or null.
func (e *fastEvent) mode() webhook.EventMode {
	if e.Mode == nil {
		return ""
	}
	return *e.Mode
}

// sdk is the SDK's source for s; false when absent, null, or of a type
// other than user, group or room.
func (s *fastSource) sdk() (webhook.SourceInterface, bool) {
	if s == nil || s.CaseType || s.Type == nil {
		return nil, false
	}
	switch *s.Type {
	case "user":
		return webhook.UserSource{UserId: s.UserID}, true
	case "group":
		return webhook.GroupSource{GroupId: s.GroupID, UserId: s.UserID}, true
	case "room":
		return webhook.RoomSource{RoomId: s.RoomID, UserId: s.UserID}, true
	}
	return nil, false
}

// deref is *p, or "" for nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// objectKeys are the event's keys whose values fastEvent decodes as
// objects. Decoding a repeated key again merges into the first value,
// where the SDK keeps only the last one.
var objectKeys = [][]byte{[]byte(`"source"`), []byte(`"message"`), []byte(`"postback"`), []byte(`"follow"`)}

// ambiguous reports an event where one of objectKeys may be repeated: its
// quoted name followed by a colon appears twice anywhere in the event (in
// a nested object too, which only sends the event to the SDK), or a key
// may be spelled with escaped letters (\u0073ource), which that search
// misses.
func ambiguous(raw []byte) bool {
	for _, k := range objectKeys {
		if keyCount(raw, k) > 1 {
			return true
		}
	}
	return escapedLetter(raw)
}

// keyCount counts the places where the quoted name k is followed by a
// colon: every key k written without escapes, and keys that merely end
// with it (`"a\"message":`), which only send the event to the SDK.
func keyCount(raw, k []byte) int {
	n := 0
	for {
		i := bytes.Index(raw, k)
		if i < 0 {
			return n
		}
		raw = raw[i+len(k):]
		if rest := bytes.TrimLeft(raw, " \t\r\n"); len(rest) > 0 && rest[0] == ':' {
			n++
		}
	}
}

// escapedLetter reports a \u escape of a character from U+0040 to U+007F,
// which holds the ASCII letters. Escapes of other characters (\u003c from
// Go's encoder, \u3042 from ASCII-only encoders) never spell a key.
func escapedLetter(raw []byte) bool {
	for {
		i := bytes.Index(raw, []byte(`\u00`))
		if i < 0 || i+4 >= len(raw) {
			return false
		}
		if c := raw[i+4]; c >= '4' && c <= '7' {
			return true
		}
		raw = raw[i+4:]
	}
}
