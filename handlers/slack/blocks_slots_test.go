package slack

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// TestSlotBlocks: each slot is a section with its facts (escaped) and a
// primary 予約する button carrying its postback; links are URL buttons,
// http(s) only; a long list stays within Block Kit's limits.
func TestSlotBlocks(t *testing.T) {
	slot := func(id int64, title, place string, seats int) bot.Slot {
		return bot.Slot{EventID: id, Kind: "説明会", Title: title, When: "12月10日(木) 14:00〜15:00", Place: place,
			SeatsLeft: seats, Choice: bot.Choice{Label: "予約する", Text: "予約する", Postback: bot.SlotPostback(id)}}
	}
	replies := []bot.Reply{{Text: "日程です。", Slots: []bot.Slot{
		slot(7, "サケモデル説明会 <!channel> & 交流会", "北見工業大学 第1講義室", 12),
		slot(8, "オンライン説明会", "", 0),
	}, Links: []bot.Link{{Label: "カレンダーに追加", URL: "https://bot.example.jp/calendar/booking/1.x.ics"},
		{Label: "悪い", URL: "javascript:alert(1)"}}}}
	blocks, text := replyBlocks(replies, choiceUser)
	checkLimits(t, blocks)
	raw, _ := json.Marshal(blocks)
	var v []map[string]any
	_ = json.Unmarshal(raw, &v)
	if len(v) != 4 || v[1]["type"] != "section" || v[2]["type"] != "section" || v[3]["type"] != "actions" {
		t.Fatalf("want text, two slot sections and the links; got %s", raw)
	}
	first, _ := v[1]["text"].(map[string]any)["text"].(string)
	for _, want := range []string{"*説明会*", "&lt;!channel&gt; &amp; 交流会", "日時：12月10日(木) 14:00〜15:00", "場所：北見工業大学 第1講義室", "残り 12 席"} {
		if !strings.Contains(first, want) {
			t.Errorf("the slot reads %q; want %q in it", first, want)
		}
	}
	if second, _ := v[2]["text"].(map[string]any)["text"].(string); !strings.Contains(second, "場所：オンライン") || !strings.Contains(second, "満席") {
		t.Errorf("the second slot reads %q", second)
	}
	acc, _ := v[1]["accessory"].(map[string]any)
	if acc["type"] != "button" || acc["style"] != "primary" || acc["value"] != bot.SlotPostback(7) ||
		!strings.HasPrefix(acc["action_id"].(string), actionChoicePrefix+choiceUser+":") {
		t.Errorf("the 予約する button is %v", acc)
	}
	if acc["action_id"] == v[2]["accessory"].(map[string]any)["action_id"] {
		t.Error("two buttons share an action id")
	}
	els, _ := v[3]["elements"].([]any)
	if len(els) != 1 || els[0].(map[string]any)["url"] != "https://bot.example.jp/calendar/booking/1.x.ics" ||
		!strings.HasPrefix(els[0].(map[string]any)["action_id"].(string), actionLinkPrefix) {
		t.Errorf("the links are %v", els)
	}
	if text != "日程です。" {
		t.Errorf("notification text %q", text)
	}

	var many []bot.Slot
	for i := range 60 {
		many = append(many, slot(int64(i+1), strings.Repeat("長", 3000), strings.Repeat("所", 3000), 3))
	}
	blocks, text = replyBlocks([]bot.Reply{{Slots: many, Choices: []bot.Choice{{Label: "やめる", Text: "やめる"}}}}, choiceGroup)
	checkLimits(t, blocks)
	if text == "" {
		t.Error("a reply of slots alone has no notification text")
	}
}

// TestBookingNoticeText is the thread reply's wording, escaped.
func TestBookingNoticeText(t *testing.T) {
	ev := bot.Event{Kind: bot.EventInterview, Title: "一次面談 <!here>", StartsAt: mustTime("2031-02-20T05:00:00Z"),
		EndsAt: mustTime("2031-02-20T06:00:00Z"), URL: "https://meet.example.jp/x"}
	a := bot.Application{Ref: "SK-2031-0001", Name: "北見 <花子>"}
	text, blocks := bookingNotice(bot.Booking{ID: 3, State: bot.BookingBooked, Event: ev}, a, false)
	if text != "面談の予約：2月20日(木) 14:00〜15:00（SK-2031-0001）" {
		t.Errorf("text %q", text)
	}
	checkLimits(t, blocks)
	raw := plainJSON(blocks)
	if strings.Contains(string(raw), "<!here>") || !strings.Contains(string(raw), "&lt;!here&gt;") {
		t.Errorf("the title is not escaped: %s", raw)
	}
	text, blocks = bookingNotice(bot.Booking{ID: 3, State: bot.BookingCancelled, Event: ev}, a, true)
	if text != "北見 <花子>さん 面談の予約キャンセル：2月20日(木) 14:00〜15:00（SK-2031-0001）" {
		t.Errorf("text %q", text)
	}
	raw = plainJSON(blocks)
	if strings.Contains(string(raw), "<花子>") {
		t.Errorf("the name is not escaped: %s", raw)
	}
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// plainJSON is v as JSON without HTML escapes (& < > as they are).
func plainJSON(v any) string {
	raw, _ := json.Marshal(v)
	_ = json.Unmarshal(raw, &v)
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return b.String()
}
