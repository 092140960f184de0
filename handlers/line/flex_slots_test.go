package line

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
)

// goldenCarousel is the checked-in JSON of slotsReply rendered for LINE.
const goldenCarousel = "testdata/slots_carousel.json"

// slotsReply is the engine's offer of three slots, as the README pictures it.
func slotsReply() []bot.Reply {
	slot := func(id int64, kind, title, when, place string, seats int) bot.Slot {
		return bot.Slot{EventID: id, Kind: kind, Title: title, When: when, Place: place, SeatsLeft: seats,
			Choice: bot.Choice{Label: "予約する", Text: when + " " + title + "を予約する", Postback: bot.SlotPostback(id)}}
	}
	return []bot.Reply{{
		Text: "予約できる説明会の日程です。ご希望の日程の「予約する」を押してください。",
		Slots: []bot.Slot{
			slot(11, "説明会", "サケモデル説明会（北見工業大学）", "12月10日(木) 14:00〜15:00", "北見工業大学 第1講義室", 18),
			slot(12, "説明会", "サケモデル説明会（オンライン）", "12月12日(土) 10:00〜11:00", "", 3),
			slot(13, "説明会", "サケモデル説明会（北見工業大学）", "12月17日(木) 16:30〜17:30", "北見工業大学 第2講義室", 40),
		},
		Choices: []bot.Choice{{Label: "やめる", Text: "やめる", Postback: bot.MenuPostback("やめる")}},
	}}
}

// renderJSON is what render sends, as indented JSON.
func renderJSON(t *testing.T, replies []bot.Reply) []byte {
	t.Helper()
	b, err := json.MarshalIndent(render(replies), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// TestSlotsCarouselGolden compares the rendered carousel with the file in
// testdata (SAKEBOT_UPDATE_GOLDEN=1 rewrites it after a deliberate change).
func TestSlotsCarouselGolden(t *testing.T) {
	got := renderJSON(t, slotsReply())
	if os.Getenv("SAKEBOT_UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(goldenCarousel, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenCarousel)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the carousel differs from %s (SAKEBOT_UPDATE_GOLDEN=1 rewrites it):\n%s", goldenCarousel, got)
	}
	var msgs []map[string]any
	if err := json.Unmarshal(got, &msgs); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 || msgs[0]["type"] != "text" || msgs[1]["type"] != "flex" {
		t.Fatalf("want the text then one Flex message, got %s", got)
	}
	c := msgs[1]["contents"].(map[string]any)
	if c["type"] != "carousel" || len(c["contents"].([]any)) != 3 {
		t.Fatalf("want a carousel of 3 bubbles, got %v", c)
	}
	if alt, _ := msgs[1]["altText"].(string); !strings.Contains(alt, "3件") || !strings.Contains(alt, "12月10日(木) 14:00〜15:00") {
		t.Errorf("altText %q does not summarise the slots", alt)
	}
	if _, ok := msgs[1]["quickReply"]; !ok {
		t.Error("the reply's choices are not quick replies on the carousel, its last message")
	}
	s := string(got)
	for _, want := range []string{`"label": "予約する"`, `"data": "e=11\u0026t=%E4%BA%88%E7%B4%84%E3%81%99%E3%82%8B"`, `"displayText": "12月10日(木) 14:00〜15:00 サケモデル説明会（北見工業大学）を予約する"`,
		"残り 18 席", "残り 3 席", "オンライン", "北見工業大学 第1講義室"} {
		if !strings.Contains(s, want) {
			t.Errorf("the carousel lacks %s", want)
		}
	}
}

// TestSlotsCarouselTwelveBubbles: 13 slots make two carousels, 12 and 1,
// each within 50 KB even with long titles.
func TestSlotsCarouselTwelveBubbles(t *testing.T) {
	var slots []bot.Slot
	for i := range 13 {
		slots = append(slots, bot.Slot{EventID: int64(i + 1), Kind: "面談", Title: strings.Repeat("長い題名", 200),
			When: "12月10日(木) 14:00〜15:00", Place: strings.Repeat("北見", 300), SeatsLeft: 1,
			Choice: bot.Choice{Label: "予約する", Text: "予約する", Postback: bot.SlotPostback(int64(i + 1))}})
	}
	msgs := render([]bot.Reply{{Text: "面談の日程です。", Slots: slots}})
	if len(msgs) != 3 {
		t.Fatalf("got %d messages, want the text and two carousels", len(msgs))
	}
	var ids []string
	for i, m := range msgs[1:] {
		b, _ := json.Marshal(m)
		if len(b) > maxFlexBytes {
			t.Errorf("carousel %d is %d bytes", i, len(b))
		}
		var v struct {
			Contents struct {
				Type     string `json:"type"`
				Contents []any  `json:"contents"`
			} `json:"contents"`
		}
		if err := json.Unmarshal(b, &v); err != nil || v.Contents.Type != "carousel" {
			t.Fatalf("message %d is not a carousel: %s", i, b)
		}
		if want := []int{12, 1}[i]; len(v.Contents.Contents) != want {
			t.Errorf("carousel %d has %d bubbles, want %d", i, len(v.Contents.Contents), want)
		}
		for _, bub := range v.Contents.Contents {
			raw, _ := json.Marshal(bub)
			_, data, _ := strings.Cut(string(raw), `"data":"`)
			data, _, _ = strings.Cut(data, `"`)
			ids = append(ids, data)
		}
	}
	if len(ids) != 13 || !strings.HasPrefix(ids[0], `e=1\u0026`) || !strings.HasPrefix(ids[12], `e=13\u0026`) {
		t.Errorf("the buttons carry %q; want every slot's postback in order", ids)
	}
	// 60 slots cannot pass LINE's five messages a reply.
	var many []bot.Slot
	for range 5 {
		many = append(many, slots...)
	}
	if n := len(render([]bot.Reply{{Text: "日程です。", Slots: many}})); n > maxMessages {
		t.Errorf("%d messages in one reply", n)
	}
}

// TestLinksBubble: a link is a URI button opened in the phone's browser;
// only http(s) addresses are offered.
func TestLinksBubble(t *testing.T) {
	msgs := render([]bot.Reply{{Text: "予約しました。", Links: []bot.Link{
		{Label: "カレンダーに追加", URL: "https://bot.example.jp/calendar/booking/7.abc.ics"},
		{Label: "危険", URL: "javascript:alert(1)"},
	}}})
	if len(msgs) != 2 {
		t.Fatalf("got %d messages, want the text and the links' bubble", len(msgs))
	}
	b, _ := json.Marshal(msgs[1])
	s := string(b)
	if !strings.Contains(s, `"type":"uri"`) || !strings.Contains(s, `"uri":"https://bot.example.jp/calendar/booking/7.abc.ics?openExternalBrowser=1"`) ||
		!strings.Contains(s, `"label":"カレンダーに追加"`) {
		t.Errorf("the links' bubble is %s", s)
	}
	if strings.Contains(s, "javascript") {
		t.Errorf("a javascript: link was offered: %s", s)
	}
	if msgs := render([]bot.Reply{{Text: "x", Links: []bot.Link{{Label: "x", URL: "tel:0157"}}}}); len(msgs) != 1 {
		t.Errorf("a reply with no http(s) link renders %d messages", len(msgs))
	}
}

// TestSlotsCarouselPicture draws the golden carousel in headless Chromium
// into docs/line-slots-carousel.png for the README, when
// SAKEBOT_WRITE_SCREENSHOTS=1.
func TestSlotsCarouselPicture(t *testing.T) {
	if os.Getenv("SAKEBOT_WRITE_SCREENSHOTS") != "1" {
		t.Skip("set SAKEBOT_WRITE_SCREENSHOTS=1 to draw docs/line-slots-carousel.png")
	}
	raw, err := os.ReadFile(goldenCarousel)
	if err != nil {
		t.Fatal(err)
	}
	png := screenshotFlex(t, raw)
	out := filepath.Join("..", "..", "docs", "line-slots-carousel.png")
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log("wrote", out)
}
