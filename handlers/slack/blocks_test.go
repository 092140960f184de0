package slack

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/worker"
	"github.com/slack-go/slack"
)

// checkLimits fails the test when blocks break a Block Kit limit.
func checkLimits(t *testing.T, blocks []slack.Block) {
	t.Helper()
	if len(blocks) > maxBlocks {
		t.Fatalf("%d blocks", len(blocks))
	}
	raw, _ := json.Marshal(blocks)
	var v []map[string]any
	_ = json.Unmarshal(raw, &v)
	runes := func(m any) int {
		s, _ := m.(map[string]any)["text"].(string)
		return utf8.RuneCountInString(s)
	}
	for _, b := range v {
		switch b["type"] {
		case "section":
			if b["text"] != nil && runes(b["text"]) > maxSectionText {
				t.Errorf("section text of %d characters", runes(b["text"]))
			}
			fields, _ := b["fields"].([]any)
			if len(fields) > maxFields {
				t.Errorf("%d fields", len(fields))
			}
			for _, f := range fields {
				if runes(f) > maxFieldText {
					t.Errorf("field of %d characters", runes(f))
				}
			}
		case "header":
			if runes(b["text"]) > maxHeaderText {
				t.Errorf("header of %d characters", runes(b["text"]))
			}
		case "actions":
			els, _ := b["elements"].([]any)
			if len(els) > maxButtons {
				t.Errorf("%d buttons", len(els))
			}
			for _, el := range els {
				m := el.(map[string]any)
				if runes(m["text"]) > maxButtonText || utf8.RuneCountInString(fmt.Sprint(m["value"])) > maxActionValue {
					t.Errorf("button %v", m)
				}
			}
		}
	}
}

func TestNoticeWithinLimits(t *testing.T) {
	long := strings.Repeat("北見で働きたい<&>", 700) // far over every limit, and grows when escaped
	a := bot.Application{ID: 7, Ref: "SK-2026-0007", Name: strings.Repeat("長", 300), Kana: "ナガイ", School: long,
		Department: long, Graduation: "2027-03", Email: "a@example.jp", Phone: "09012345678", KitamiWish: "はい",
		ITExperience: "なし", Motivation: long, Status: bot.StatusScreening, CreatedAt: time.Now()}
	blocks := noticeBlocks(a, &bot.ApplicationEvent{Actor: "U123ABC", At: time.Now()})
	checkLimits(t, blocks)
	raw := texts(blocks)
	if strings.Contains(raw, "<&>") || !strings.Contains(raw, "&lt;&amp;&gt;") || !strings.Contains(raw, "090-1234-5678") || !strings.Contains(raw, "<@U123ABC>") {
		t.Fatalf("notice: %s", raw)
	}
}

func TestHandoffAndReplyWithinLimits(t *testing.T) {
	long := strings.Repeat("質問です", 1000)
	v := bot.HandoffView{Handoff: bot.Handoff{ID: 3, Key: bot.UserKey{Channel: bot.ChannelLINE, UserID: "U1"}, Reason: bot.HandoffAsked,
		Question: long, Recent: []string{long, long, long}, Status: bot.HandoffOpen}, DisplayName: long}
	checkLimits(t, handoffBlocks(v))
	checkLimits(t, relayBlocks(long))
	var choices []bot.Choice
	for i := range 40 {
		choices = append(choices, bot.Choice{Label: strings.Repeat("選", 100), Text: fmt.Sprint(i), Postback: strings.Repeat("p", 3000)})
	}
	var replies []bot.Reply
	for range 60 {
		replies = append(replies, bot.Reply{Text: long, Choices: choices})
	}
	blocks, _ := replyBlocks(replies, choiceUser)
	checkLimits(t, capBlocks(blocks))
}

func TestMrkdwnText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<!channel> a&b", "&lt;!channel&gt; a&amp;b"},
		{"abc&def", "abc…"}, // never cut inside &amp;
	}
	for _, c := range cases {
		n := 100
		if c.want == "abc…" {
			n = 6
		}
		if got := mrkdwnText(c.in, n); got != c.want {
			t.Errorf("mrkdwnText(%q, %d) = %q, want %q", c.in, n, got, c.want)
		}
	}
	if got := capBlocks(make([]slack.Block, 70)); len(got) != maxBlocks {
		t.Errorf("capBlocks kept %d", len(got))
	}
}

func TestPlainText(t *testing.T) {
	cases := map[string]string{
		"<@U123> こんにちは":                      "こんにちは",
		"<!here> 確認 &amp; 連絡 &lt;重要&gt;":     "確認 & 連絡 <重要>",
		"<https://example.jp|案内> をご覧ください":    "案内（https://example.jp） をご覧ください",
		"<https://example.jp>":               "https://example.jp",
		"<mailto:a@example.jp|a@example.jp>": "a@example.jp",
		"<#C123|recruit> で":                  "#recruit で",
	}
	for in, want := range cases {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
	if !tsTime("99999999999999999.000001").IsZero() || tsTime("1700000000.000100").Unix() != 1700000000 {
		t.Error("tsTime")
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		err        error
		permanent  bool
		retryAfter time.Duration
	}{
		{&slack.RateLimitedError{RetryAfter: 7 * time.Second}, false, 7 * time.Second},
		{slack.StatusCodeError{Code: 429, Status: "429 Too Many Requests"}, false, 0},
		{slack.StatusCodeError{Code: 503, Status: "503 Service Unavailable"}, false, 0},
		{slack.StatusCodeError{Code: 400, Status: "400 Bad Request"}, true, 0},
		{slack.SlackErrorResponse{Err: "invalid_blocks"}, true, 0},
		{slack.SlackErrorResponse{Err: "channel_not_found"}, true, 0},
		{slack.SlackErrorResponse{Err: "ratelimited"}, false, time.Second},
		{slack.SlackErrorResponse{Err: "internal_error"}, false, 0},
		{errors.New("connection reset"), false, 0},
	}
	for _, c := range cases {
		err := classify(c.err)
		var se *worker.SendError
		permanent, after := errors.As(err, &se) && se.Permanent, time.Duration(0)
		if se != nil {
			after = se.RetryAfter
		}
		if permanent != c.permanent || after != c.retryAfter {
			t.Errorf("classify(%v): permanent %v, retry after %v", c.err, permanent, after)
		}
	}
}

// texts returns every text of blocks, decoded.
func texts(blocks []slack.Block) string {
	raw, _ := json.Marshal(blocks)
	var v any
	_ = json.Unmarshal(raw, &v)
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["text"].(string); ok {
				b.WriteString(s + "\n")
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(v)
	return b.String()
}

// TestNoticeOfEmojiFits: a motivation of many emoji is measured in UTF-16
// units, as Slack may count them, so the section stays within 3,000 and
// its cut says where to read the rest.
func TestNoticeOfEmojiFits(t *testing.T) {
	a := bot.Application{ID: 8, Ref: "SK-2026-0008", Name: "北見 太郎", Kana: "キタミ タロウ", School: "北見工業大学",
		Department: "工学部", Graduation: "2027-03", Email: "a@example.jp", Phone: "09012345678", KitamiWish: "はい",
		ITExperience: "なし", Motivation: strings.Repeat("北見で働きたい😀", 600), Status: bot.StatusSubmitted, CreatedAt: time.Now()}
	raw := texts(noticeBlocks(a, nil))
	if !strings.Contains(raw, "続きは管理画面で") {
		t.Errorf("the cut motivation does not say where the rest is")
	}
	for _, b := range noticeBlocks(a, nil) {
		if s, ok := b.(*slack.SectionBlock); ok && s.Text != nil {
			if n := len(utf16.Encode([]rune(s.Text.Text))); n > maxSectionText {
				t.Errorf("a section of %d UTF-16 units (limit %d)", n, maxSectionText)
			}
		}
	}
}
