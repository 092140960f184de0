package line

import (
	"github.com/sakemodel/sakebot/bot"
)

// summaryFlex renders the form's confirmation summary as a Flex bubble:
// a title, one row per field, and the choices as buttons.
func summaryFlex(s *bot.Summary) *rawMessage {
	rows := make([]any, 0, len(s.Fields))
	for _, f := range s.Fields {
		rows = append(rows, obj{"type": "box", "layout": "horizontal", "spacing": "md", "contents": []any{
			obj{"type": "text", "text": nonEmpty(f.Label), "size": "sm", "color": "#6B7280", "flex": 2, "wrap": true},
			obj{"type": "text", "text": nonEmpty(f.Value), "size": "sm", "color": "#111827", "flex": 3, "wrap": true},
		}})
	}
	buttons := make([]any, 0, len(s.Choices))
	for i, c := range s.Choices {
		style := "secondary"
		if i == 0 {
			style = "primary"
		}
		buttons = append(buttons, obj{"type": "button", "style": style, "height": "sm", "color": buttonColor(style), "action": action(c)})
	}
	bubble := obj{
		"type": "bubble",
		"header": obj{"type": "box", "layout": "vertical", "paddingBottom": "sm", "contents": []any{
			obj{"type": "text", "text": nonEmpty(s.Title), "weight": "bold", "size": "lg", "color": "#111827"},
			obj{"type": "text", "text": "内容をご確認ください", "size": "xs", "color": "#6B7280", "flex": 0},
		}},
		"body":   obj{"type": "box", "layout": "vertical", "spacing": "sm", "contents": rows},
		"footer": obj{"type": "box", "layout": "vertical", "spacing": "sm", "contents": buttons},
	}
	return &rawMessage{fields: obj{"type": "flex", "altText": altText(s), "contents": bubble}}
}

// obj is a JSON object of a Flex template.
type obj = map[string]any

func buttonColor(style string) string {
	if style == "primary" {
		return "#0E7C66"
	}
	return "#E5E7EB"
}

// nonEmpty keeps Flex happy: a text component must not be empty.
func nonEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// altText is what notifications and old clients show instead of the card.
func altText(s *bot.Summary) string {
	return clip(s.Title+"：この内容で応募しますか？", 400)
}
