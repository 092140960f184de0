package line

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"
	"github.com/sakemodel/sakebot/bot"
)

// LINE's limits on a Flex carousel ("Carousel" in the Messaging API
// reference) and on a URI action.
const (
	maxBubbles    = 12     // bubbles in one carousel
	maxFlexBytes  = 50_000 // bytes of one Flex message's JSON (LINE allows 50 KB)
	maxURIBytes   = 1000   // characters of a URI action's uri
	maxAltRunes   = 400    // characters of a Flex message's altText
	maxSlotRunes  = 120    // characters of a title or place on a card (they wrap)
	maxLinkBubble = 4      // buttons on the links' bubble
)

// bookLabel is the slot card's button when the engine gave none.
const bookLabel = "予約する"

// slotsFlex renders slots as Flex carousels, one bubble a slot: at most
// maxBubbles a carousel, so 13 slots make two messages. A carousel whose
// JSON would pass maxFlexBytes is split too.
func slotsFlex(slots []bot.Slot) []*rawMessage {
	var out []*rawMessage
	for len(slots) > 0 {
		n := min(len(slots), maxBubbles)
		for n > 1 && flexSize(carousel(slots[:n])) > maxFlexBytes {
			n /= 2
		}
		out = append(out, carousel(slots[:n]))
		slots = slots[n:]
	}
	return out
}

// carousel is one carousel message of slots.
func carousel(slots []bot.Slot) *rawMessage {
	bubbles := make([]any, 0, len(slots))
	for _, s := range slots {
		bubbles = append(bubbles, slotBubble(s))
	}
	return &rawMessage{fields: obj{"type": "flex", "altText": slotsAltText(slots),
		"contents": obj{"type": "carousel", "contents": bubbles}}}
}

// slotBubble is one slot's card: the kind, the title, when and where, the
// seats left, and the 予約する button carrying the choice's postback.
func slotBubble(s bot.Slot) obj {
	c := s.Choice
	if c.Label == "" {
		c.Label = bookLabel
	}
	place := s.Place
	if place == "" {
		place = "オンライン"
	}
	return obj{
		"type": "bubble",
		"size": "kilo",
		"header": obj{"type": "box", "layout": "vertical", "paddingBottom": "none", "contents": []any{
			obj{"type": "text", "text": nonEmpty(s.Kind), "size": "xs", "weight": "bold", "color": "#0E7C66"},
		}},
		"body": obj{"type": "box", "layout": "vertical", "spacing": "sm", "contents": []any{
			obj{"type": "text", "text": nonEmpty(clip(s.Title, maxSlotRunes)), "weight": "bold", "size": "md", "color": "#111827", "wrap": true},
			slotRow("日時", s.When),
			slotRow("場所", clip(place, maxSlotRunes)),
			obj{"type": "text", "text": seatsText(s.SeatsLeft), "size": "sm", "weight": "bold", "color": seatsColor(s.SeatsLeft), "align": "end"},
		}},
		"footer": obj{"type": "box", "layout": "vertical", "contents": []any{
			obj{"type": "button", "style": "primary", "height": "sm", "color": buttonColor("primary"), "action": action(c)},
		}},
	}
}

// slotRow is a labelled line of a slot card.
func slotRow(label, value string) obj {
	return obj{"type": "box", "layout": "baseline", "spacing": "sm", "contents": []any{
		obj{"type": "text", "text": label, "size": "xs", "color": "#6B7280", "flex": 0},
		obj{"type": "text", "text": nonEmpty(value), "size": "sm", "color": "#111827", "wrap": true, "flex": 1},
	}}
}

// seatsText is what a card says of the seats left.
func seatsText(n int) string {
	if n <= 0 {
		return "満席"
	}
	return "残り " + strconv.Itoa(n) + " 席"
}

func seatsColor(n int) string {
	if n <= 3 {
		return "#B91C1C"
	}
	return "#374151"
}

// slotsAltText summarises a carousel for notifications and old clients:
// the number of slots and the first ones' dates.
func slotsAltText(slots []bot.Slot) string {
	parts := make([]string, 0, len(slots))
	for _, s := range slots {
		parts = append(parts, s.When+" "+s.Title)
	}
	return clip("予約できる日程（"+strconv.Itoa(len(slots))+"件）："+strings.Join(parts, "、"), maxAltRunes)
}

// linksFlex renders links as a small bubble of URI buttons; links that
// are not http(s) are left out (nil when none is left). LINE opens them
// in the phone's browser (openExternalBrowser=1): an .ics file is for the
// phone's calendar, which LINE's own browser does not hand it to.
func linksFlex(links []bot.Link) *rawMessage {
	buttons := make([]any, 0, len(links))
	labels := make([]string, 0, len(links))
	for _, l := range links {
		uri, ok := externalURI(l.URL)
		if !ok || len(buttons) == maxLinkBubble {
			continue
		}
		label := clip(nonEmpty(l.Label), maxLabelRunes)
		labels = append(labels, label)
		buttons = append(buttons, obj{"type": "button", "style": "secondary", "height": "sm", "color": buttonColor("secondary"),
			"action": obj{"type": "uri", "label": label, "uri": uri}})
	}
	if len(buttons) == 0 {
		return nil
	}
	bubble := obj{"type": "bubble", "size": "kilo",
		"body": obj{"type": "box", "layout": "vertical", "spacing": "sm", "contents": buttons}}
	return &rawMessage{fields: obj{"type": "flex", "altText": clip(strings.Join(labels, "、"), maxAltRunes), "contents": bubble}}
}

// externalURI checks that s is an http(s) address LINE accepts and asks
// LINE to open it in the phone's browser.
func externalURI(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", false
	}
	q := u.Query()
	q.Set("openExternalBrowser", "1")
	u.RawQuery = q.Encode()
	out := u.String()
	return out, len(out) <= maxURIBytes
}

// flexSize is the length of a message's JSON.
func flexSize(m *rawMessage) int {
	b, err := json.Marshal(m)
	if err != nil {
		return maxFlexBytes + 1
	}
	return len(b)
}

// richParts is a reply's slots and links as Flex messages, after its text.
func richParts(r bot.Reply) []messaging_api.MessageInterface {
	var out []messaging_api.MessageInterface
	for _, m := range slotsFlex(r.Slots) {
		out = append(out, m)
	}
	if m := linksFlex(r.Links); m != nil {
		out = append(out, m)
	}
	return out
}
