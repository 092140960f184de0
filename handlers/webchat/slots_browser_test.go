package webchat_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// slotCard is what a slot card of the page shows.
type slotCard struct {
	Kind   string `json:"kind"`
	Title  string `json:"title"`
	Rows   string `json:"rows"`
	Seats  string `json:"seats"`
	Button string `json:"button"`
	Aria   string `json:"aria"`
}

// pageLink is a link of the page's log.
type pageLink struct {
	Href   string `json:"href"`
	Text   string `json:"text"`
	Target string `json:"target"`
	Rel    string `json:"rel"`
}

// TestBrowserSlotsAndLinks: 「説明会に参加したい」 shows the open sessions
// as cards with a 予約する button, which sends the slot's postback as a
// choice does; links show as links, http(s) only, their labels as text.
func TestBrowserSlotsAndLinks(t *testing.T) {
	chromium(t)
	site := newChatSite(t, storetest.SQLiteURL(t))
	bg := context.Background()
	jst := time.FixedZone("JST", 9*3600)
	y, m, d := site.clock.Now().In(jst).Date()
	var evs []bot.Event
	for i, place := range []string{"北見工業大学 <b>第1講義室</b>", ""} {
		start := time.Date(y, m, d+2+i, 14, 0, 0, 0, jst)
		ev := bot.Event{Kind: bot.EventSession, Title: fmt.Sprintf("サケモデル説明会 第%d回", i+1), StartsAt: start,
			EndsAt: start.Add(time.Hour), Place: place, URL: "https://meet.example.jp/x", Capacity: 20 - 18*i, Deadline: start.Add(-time.Hour)}
		if err := site.store.InTx(bg, bot.UserKey{Channel: bot.ChannelWeb, UserID: "staff"}, func(tx bot.Tx) error {
			return tx.SaveEvent(bg, &ev, "staff:test")
		}); err != nil {
			t.Fatal(err)
		}
		evs = append(evs, ev)
	}
	ctx, dialogs := newBrowser(t, 360, 740)
	c := &chat{t: t, ctx: ctx, site: site}
	openChat(t, ctx, site.URL+"/")
	visitor := visitorID(t, ctx, site.URL)

	c.say("説明会に参加したい", "サケモデル説明会 第1回", "サケモデル説明会 第2回")
	cards := eval[[]slotCard](t, ctx, `Array.from(document.querySelectorAll('#log .line.bot:last-of-type .slot')).map((s) => ({
		kind: (s.querySelector('.slot-kind') || {}).textContent || '',
		title: s.querySelector('.slot-title').textContent,
		rows: Array.from(s.querySelectorAll('.field')).map((f) => f.textContent).join('|'),
		seats: s.querySelector('.slot-seats').textContent,
		button: (s.querySelector('button.slot-book') || {}).textContent || '',
		aria: (s.querySelector('button.slot-book') || {getAttribute: () => ''}).getAttribute('aria-label') || '',
	}))`)
	if len(cards) != 2 {
		t.Fatalf("the page shows %d slot cards, want 2:\n%s", len(cards), describeLog(ctx, nil))
	}
	when := bot.FormatEventTime(evs[0].StartsAt, evs[0].EndsAt)
	want := slotCard{Kind: "説明会", Title: "サケモデル説明会 第1回", Rows: "日時" + when + "|場所北見工業大学 <b>第1講義室</b>",
		Seats: "残り 20 席", Button: "予約する", Aria: "予約する：" + when + " サケモデル説明会 第1回"}
	if cards[0] != want {
		t.Errorf("the first card shows %+v;\nwant %+v", cards[0], want)
	}
	if !strings.Contains(cards[1].Rows, "場所オンライン") || cards[1].Seats != "残り 2 席" {
		t.Errorf("the second card shows %+v", cards[1])
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#log .slot b, #log img, #log script').length`); n != 0 {
		t.Errorf("the cards hold %d elements made of the place's markup", n)
	}
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("with the slot cards the page is %d pixels wide on a 360-pixel phone", w)
	}

	// 予約する sends the slot's postback: the engine goes on with that event.
	n := botLines(t, ctx)
	c.think()
	do(t, ctx, "tap 予約する", chromedp.Click(chromedp.CSS("#log button.slot-book")))
	waitBot(t, ctx, n)
	ls := lines(t, ctx)
	var shown string
	for _, l := range ls {
		if l.visitor() {
			shown = l.Text
		}
	}
	if !strings.Contains(shown, when) {
		t.Errorf("the visitor's line reads %q; want the slot's date %q", shown, when)
	}
	stored := site.storedLines(visitor)
	if last := stored[len(stored)-1]; !last.FromBot {
		t.Errorf("the bot did not answer the tap: %+v", last)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#log button.slot-book').length`); n != 0 {
		t.Errorf("%d 予約する buttons remain after the bot answered", n)
	}

	// Links: a calendar file and a link with markup as its label; a
	// javascript: address is not shown.
	_, err := site.store.AddWebBotLine(bg, visitor, 990001, []bot.Reply{{Text: "予約しました。", Links: []bot.Link{
		{Label: "カレンダーに追加", URL: "https://bot.example.jp/calendar/booking/1.sig.ics"},
		{Label: "悪い", URL: "javascript:alert(1)"},
		{Label: "<img src=x onerror=alert(1)>", URL: "http://example.jp/a?b=<c>"},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the links show", `() => document.querySelectorAll('#log .links a').length > 0`, nil)
	links := eval[[]pageLink](t, ctx, `Array.from(document.querySelectorAll('#log .links a')).map((a) => ({href: a.getAttribute('href'), text: a.textContent, target: a.target, rel: a.rel}))`)
	wantLinks := []pageLink{
		{Href: "https://bot.example.jp/calendar/booking/1.sig.ics", Text: "カレンダーに追加", Target: "_blank", Rel: "noopener noreferrer"},
		{Href: "http://example.jp/a?b=%3Cc%3E", Text: "<img src=x onerror=alert(1)>", Target: "_blank", Rel: "noopener noreferrer"},
	}
	if fmt.Sprint(links) != fmt.Sprint(wantLinks) {
		t.Errorf("the links are %+v;\nwant %+v", links, wantLinks)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#log img, #log a[href^="javascript"]').length`); n != 0 {
		t.Errorf("the log holds %d elements made of the links", n)
	}
	if d := dialogs.seen(); len(d) != 0 {
		t.Errorf("the page opened JavaScript dialogs: %q", d)
	}
}
