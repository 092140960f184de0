package webchat_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// The browser tests drive the chat's page in a real headless Chromium
// against the chat served as `sakebot serve` serves it, over a real store
// with the worker answering. Run them with
//
//	SAKEBOT_REQUIRE_BROWSER=1 go test -run Browser ./handlers/webchat

// formStep is one question of the application form as the page shows it:
// the words that identify the question, and how the visitor answers it.
type formStep struct {
	ask    string // part of the bot's question
	typed  string // typed and sent with Enter…
	tapped string // …or the label of the choice button tapped
}

// graduation is a valid graduation answer for the tests' clock: March of
// next year.
func graduation(site *chatSite) (typed, stored, shown string) {
	y := site.clock.Now().Year() + 1
	return fmt.Sprintf("%d年3月", y), fmt.Sprintf("%04d-03", y), fmt.Sprintf("%d年3月", y)
}

// answerForm answers the form's questions in order: each question must be
// the one the bot asks (its last line), then the visitor answers it.
func answerForm(c *chat, steps []formStep, next string) pageLine {
	t := c.t
	t.Helper()
	var last pageLine
	for i, s := range steps {
		want := next
		if i+1 < len(steps) {
			want = steps[i+1].ask
		}
		cur := lastBot(t, c.ctx)
		if !strings.Contains(cur.Text, s.ask) {
			t.Fatalf("the bot asks %q; want the question %q", cur.Text, s.ask)
		}
		if s.tapped != "" {
			if !slices.Contains(cur.Choices, s.tapped) {
				t.Fatalf("the question %q offers %q; want a button %q", s.ask, cur.Choices, s.tapped)
			}
			last = c.tap(s.tapped, want)
		} else {
			last = c.say(s.typed, want)
		}
	}
	return last
}

// summaryCard is what a summary card of the page shows.
type summaryCard struct {
	Title   string      `json:"title"`
	Fields  [][2]string `json:"fields"` // dt, dd
	Choices []string    `json:"choices"`
	Images  int         `json:"images"` // img, script, iframe, svg or object elements inside it
}

// readSummary reads the last summary card of the page.
func readSummary(t *testing.T, ctx context.Context) summaryCard {
	t.Helper()
	return eval[summaryCard](t, ctx, `(() => {
		const cards = document.querySelectorAll('#log section.summary');
		const c = cards[cards.length - 1];
		if (!c) return {title: '', fields: [], choices: [], images: 0};
		const h = c.querySelector(':scope > h3.summary-title');
		return {
			title: h ? h.textContent : '',
			fields: Array.from(c.querySelectorAll(':scope > dl > div.field')).map((f) => {
				const dt = f.querySelector(':scope > dt'), dd = f.querySelector(':scope > dt + dd');
				return [dt ? dt.textContent : '', dd ? dd.textContent : ''];
			}),
			choices: Array.from(c.querySelectorAll(':scope > .choices > button.choice')).map((b) => b.textContent),
			images: c.querySelectorAll('img, script, iframe, svg, object').length,
		};
	})()`)
}

// TestBrowserAskAndApply: a visitor opens the page, is greeted, asks a
// question with the keyboard and reads the FAQ's answer, then applies
// through the page: the consent and choice buttons are tapped, the other
// answers typed (an invalid phone number is refused kindly and asked
// again), the summary card is confirmed, and the application is stored.
func TestBrowserAskAndApply(t *testing.T) {
	chromium(t)
	site := newChatSite(t, storetest.SQLiteURL(t))
	ctx, _ := newBrowser(t, 1024, 900)
	c := &chat{t: t, ctx: ctx, site: site}
	openChat(t, ctx, site.URL+"/")

	greeting := lastBot(t, ctx)
	if !strings.Contains(greeting.Text, "こんにちは") || !slices.Contains(greeting.Choices, "応募する") {
		t.Fatalf("greeting = %+v; want the bot's hello with its menu", greeting)
	}
	answer := c.say("研修は何ヶ月ですか", answerOf(t, "training-period"))
	if !strings.Contains(answer.Text, answerOf(t, "training-period")) {
		t.Errorf("the answer's bubble shows %q; want the training-period entry", answer.Text)
	}
	if v := eval[string](t, ctx, `document.getElementById('input').value`); v != "" {
		t.Errorf("after sending, the input holds %q; want it empty", v)
	}

	consent := c.say("応募したい", "個人情報の取り扱い")
	if !slices.Contains(consent.Choices, "同意する") {
		t.Fatalf("the consent question offers %q; want 同意する", consent.Choices)
	}
	gradTyped, gradStored, gradShown := graduation(site)
	c.tap("同意する", "お名前（氏名）")
	answerForm(c, []formStep{
		{ask: "（1/10）お名前（氏名）", typed: "北見 太郎"},
		{ask: "（2/10）お名前のフリガナ", typed: "きたみ たろう"},
		{ask: "（3/10）学校名", tapped: "北見工業大学"},
		{ask: "（4/10）学部・学科", typed: "工学部 地域未来デザイン工学科"},
		{ask: "（5/10）卒業（予定）年月", typed: gradTyped},
		{ask: "（6/10）連絡先のメールアドレス", typed: "taro@example.com"},
	}, "（7/10）電話番号")

	// An invalid phone number: the bot says why, with an example, and asks
	// the same question again.
	bad := c.say("12345", "電話番号の形式が正しくないようです")
	errAt := strings.Index(bad.Text, "電話番号の形式が正しくないようです。例：090-1234-5678")
	askAt := strings.Index(bad.Text, "（7/10）電話番号を入力してください。")
	if errAt < 0 || askAt < errAt {
		t.Errorf("after 12345 the bot says %q; want the error with its example, then the phone question again", bad.Text)
	}
	if !slices.Contains(bad.Choices, "戻る") || !slices.Contains(bad.Choices, "やめる") {
		t.Errorf("the phone question again offers %q; want 戻る and やめる", bad.Choices)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#log .line.visitor.failed, #log .line.visitor.pending').length`); n != 0 {
		t.Errorf("%d of the visitor's lines are pending or failed; want none", n)
	}

	answerForm(c, []formStep{
		{ask: "（7/10）電話番号", typed: "090-1234-5678"},
		{ask: "（8/10）北見での勤務", tapped: "はい"},
		{ask: "（9/10）プログラミングなど、ITの経験", tapped: "授業で少し"},
		{ask: "（10/10）最後に、志望動機", typed: "北見で働きながらITのスキルを身につけたいです。"},
	}, "ご入力内容の確認")

	card := readSummary(t, ctx)
	want := [][2]string{
		{"氏名", "北見\u3000太郎"}, {"フリガナ", "キタミ\u3000タロウ"}, {"学校名", "北見工業大学"},
		{"学部・学科", "工学部 地域未来デザイン工学科"}, {"卒業（予定）年月", gradShown},
		{"メールアドレス", "taro@example.com"}, {"電話番号", "090-1234-5678"}, {"北見での勤務希望", "はい"},
		{"IT経験", "授業で少し"}, {"志望動機・質問", "北見で働きながらITのスキルを身につけたいです。"},
	}
	if card.Title != "ご入力内容の確認" || !slices.Equal(card.Fields, want) {
		t.Fatalf("the summary card shows %q %q;\nwant %q", card.Title, card.Fields, want)
	}
	if !slices.Equal(card.Choices, []string{"この内容で応募する", "修正する", "やめる"}) {
		t.Errorf("the summary card offers %q", card.Choices)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#log .choices').length`); n != 1 {
		t.Errorf("the page offers %d groups of choices; want only the summary card's", n)
	}

	done := c.tap("この内容で応募する", "ご応募ありがとうございます")
	apps, err := site.store.ListApplications(context.Background(), bot.ApplicationFilter{Channel: bot.ChannelWeb})
	if err != nil {
		t.Fatal(err)
	}
	if len(apps) != 1 {
		t.Fatalf("stored %d applications on the web channel; want 1", len(apps))
	}
	a := apps[0]
	wantApp := bot.Application{Key: bot.UserKey{Channel: bot.ChannelWeb, UserID: visitorID(t, ctx, site.URL)},
		Name: "北見\u3000太郎", Kana: "キタミ\u3000タロウ", School: "北見工業大学", Department: "工学部 地域未来デザイン工学科",
		Graduation: gradStored, Email: "taro@example.com", Phone: "09012345678", KitamiWish: "はい",
		ITExperience: "授業で少し", Motivation: "北見で働きながらITのスキルを身につけたいです。", Status: bot.StatusSubmitted}
	gotApp := bot.Application{Key: a.Key, Name: a.Name, Kana: a.Kana, School: a.School, Department: a.Department,
		Graduation: a.Graduation, Email: a.Email, Phone: a.Phone, KitamiWish: a.KitamiWish,
		ITExperience: a.ITExperience, Motivation: a.Motivation, Status: a.Status}
	if gotApp != wantApp {
		t.Errorf("stored application:\n got %+v\nwant %+v", gotApp, wantApp)
	}
	if a.Ref == "" || !strings.Contains(done.Text, "受付番号は "+a.Ref+" です") {
		t.Errorf("the page confirms %q; want the reference %q", done.Text, a.Ref)
	}
}

// TestBrowserReloadResumesForm: reloading the page in the middle of the
// form shows the whole conversation again, each line once, and the next
// answer continues the same form.
func TestBrowserReloadResumesForm(t *testing.T) {
	chromium(t)
	site := newChatSite(t, storetest.SQLiteURL(t))
	ctx, _ := newBrowser(t, 1024, 900)
	c := &chat{t: t, ctx: ctx, site: site}
	openChat(t, ctx, site.URL+"/")
	c.say("応募したい", "個人情報の取り扱い")
	c.tap("同意する", "（1/10）お名前")
	c.say("北見 太郎", "（2/10）お名前のフリガナ")

	before := lines(t, ctx)
	posts := len(site.requests("/webchat/messages"))
	do(t, ctx, "reload", chromedp.Reload())
	waitReady(t, ctx)
	// Give any late or duplicated line the time to arrive.
	waitJS(t, ctx, "the replay is shown", `(n) => document.querySelectorAll('#log .line').length >= n`, nil, len(before))
	time.Sleep(300 * time.Millisecond)
	after := lines(t, ctx)

	checkUnique(t, after)
	stored := site.storedLines(visitorID(t, ctx, site.URL))
	if len(after) != len(before) || len(after) != len(stored) {
		t.Fatalf("after the reload the page shows %d lines; before it %d, stored %d", len(after), len(before), len(stored))
	}
	for i := range after {
		if after[i].ID != before[i].ID || after[i].Text != before[i].Text || after[i].Class != before[i].Class ||
			after[i].ID != fmt.Sprint(stored[i].ID) {
			t.Errorf("line %d after the reload = %+v; before it %+v (stored id %d)", i, after[i], before[i], stored[i].ID)
		}
	}
	if n := len(site.requests("/webchat/messages")); n != posts {
		t.Errorf("the reloaded page sent %d messages (a second greeting?); want none", n-posts)
	}
	last := after[len(after)-1]
	if !last.bot() || !strings.Contains(last.Text, "（2/10）") || !slices.Contains(last.Choices, "戻る") {
		t.Errorf("after the reload the last line is %+v; want the kana question with its buttons", last)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#log .choices').length`); n != 1 {
		t.Errorf("after the reload %d groups of choices are shown; want only the last question's", n)
	}

	// The form goes on where it was.
	c.say("キタミ タロウ", "（3/10）学校名")
	checkUnique(t, lines(t, ctx))
}

// checkUnique fails the test unless every line has a server id, and no id
// is shown twice.
func checkUnique(t *testing.T, ls []pageLine) {
	t.Helper()
	seen := map[string]bool{}
	for _, l := range ls {
		if l.ID == "" {
			t.Errorf("line %+v has no server id", l)
		}
		if seen[l.ID] {
			t.Errorf("line %s is shown twice", l.ID)
		}
		seen[l.ID] = true
	}
}

// TestBrowserReconnectAfterRestart: the server stops (a deploy) while the
// page is open; the visitor sends a question while it is down; the server
// starts again on the same address and database, a new process. The page
// retries the message and its stream reconnects by itself: the question is
// shown once, answered once, and no line is lost or shown twice. Down, the
// server refuses connections; behind a proxy, the proxy answers 502, which
// ends the page's stream for good: the page opens a new one, which replays
// the whole conversation.
func TestBrowserReconnectAfterRestart(t *testing.T) {
	chromium(t)
	storetest.ForEachEngine(t, func(t *testing.T, url string) { reconnectAfterRestart(t, url, false) })
	t.Run("behind a proxy", func(t *testing.T) { reconnectAfterRestart(t, storetest.SQLiteURL(t), true) })
}

func reconnectAfterRestart(t *testing.T, url string, proxy bool) {
	site := newChatSite(t, url)
	ctx, _ := newBrowser(t, 1024, 900)
	c := &chat{t: t, ctx: ctx, site: site}
	openChat(t, ctx, site.URL+"/")
	c.say("研修は何ヶ月ですか", answerOf(t, "training-period"))
	lastSeen := eval[string](t, ctx, `Array.from(document.querySelectorAll('#log .line[data-id]')).pop().dataset.id`)

	if proxy {
		site.badGateway()
	} else {
		site.stop()
	}
	waitJS(t, ctx, "the page says it reconnects", `() => {
		const s = document.getElementById('status');
		return !s.hidden && s.textContent.includes('再接続');
	}`, nil)
	const question = "北見の冬は寒いですか"
	n := botLines(t, ctx)
	c.send(question)
	waitJS(t, ctx, "the question waits to be sent", `(q) => Array.from(document.querySelectorAll('#log .line.visitor.pending'))
		.some((l) => l.textContent.includes(q) && l.textContent.includes('送信中'))`, nil, question)
	if proxy {
		site.waitRequest("/webchat/events", http.StatusBadGateway) // the page's stream is closed for good
		site.waitRequest("/webchat/messages", http.StatusBadGateway)
	} else {
		time.Sleep(1500 * time.Millisecond) // the page retries, in vain
	}
	streams := len(site.requests("/webchat/events"))
	site.start()

	answer := answerOf(t, "kitami-winter")
	waitBot(t, ctx, n, answer)
	waitJS(t, ctx, "the page is connected", `() => document.getElementById('status').hidden`, nil)
	time.Sleep(400 * time.Millisecond) // a duplicate would come now

	got := lines(t, ctx)
	checkUnique(t, got)
	var asked, answered int
	for _, l := range got {
		if l.visitor() && l.Text == question {
			asked++
		}
		if l.bot() && strings.Contains(l.Text, answer) {
			answered++
		}
		if strings.Contains(l.Class, "pending") || strings.Contains(l.Class, "failed") {
			t.Errorf("line %+v is still pending or failed", l)
		}
	}
	if asked != 1 || answered != 1 {
		t.Errorf("the page shows the question %d times and its answer %d times; want each once", asked, answered)
	}
	stored := site.storedLines(visitorID(t, ctx, site.URL))
	if len(stored) != len(got) {
		t.Errorf("the page shows %d lines; stored %d", len(got), len(stored))
	}
	var storedQ int
	for i, l := range stored {
		if !l.FromBot && l.Text == question {
			storedQ++
		}
		if i < len(got) && got[i].ID != fmt.Sprint(l.ID) {
			t.Errorf("line %d: the page shows id %s; stored %d", i, got[i].ID, l.ID)
		}
	}
	if storedQ != 1 {
		t.Errorf("the question is stored %d times; want once", storedQ)
	}
	if msg := eval[string](t, ctx, `document.getElementById('error').textContent`); msg != "" {
		t.Errorf("the page shows the error %q", msg)
	}

	// The page's stream came back by itself: the browser's own reconnection
	// resumes after the last line shown; after a 502 the page opens a new
	// stream, which replays everything (and the page shows each line once).
	want := lastSeen
	if proxy {
		want = ""
	}
	var resumed bool
	for _, r := range site.requests("/webchat/events")[streams:] {
		resumed = resumed || r.LastEventID == want && r.Status == http.StatusOK
	}
	if !resumed {
		t.Errorf("no stream came back with Last-Event-ID %q: %+v", want, site.requests("/webchat/events")[streams:])
	}
}

// TestBrowserIMEEnterDoesNotSend: Enter that confirms an IME conversion
// (a keydown while composing) does not send; Enter afterwards does;
// Shift+Enter starts a new line.
func TestBrowserIMEEnterDoesNotSend(t *testing.T) {
	chromium(t)
	site := newChatSite(t, storetest.SQLiteURL(t))
	ctx, _ := newBrowser(t, 1024, 900)
	c := &chat{t: t, ctx: ctx, site: site}
	openChat(t, ctx, site.URL+"/")
	visitor := visitorID(t, ctx, site.URL)
	const question = "研修は何ヶ月ですか"

	// A composition of a Japanese IME as the page sees it, dispatched by a
	// script: compositionstart, the text, the Enter that confirms the
	// conversion (isComposing, key code 229), compositionend.
	prevented := eval[bool](t, ctx, `(() => {
		const input = document.getElementById('input');
		input.focus();
		input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
		input.value = '`+question+`';
		const ok = input.dispatchEvent(new KeyboardEvent('keydown',
			{key: 'Enter', code: 'Enter', isComposing: true, keyCode: 229, bubbles: true, cancelable: true}));
		input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '`+question+`'}));
		return !ok;
	})()`)
	if prevented {
		t.Error("the page cancelled the Enter of a composition")
	}
	// Safari: compositionend comes before the keydown of that Enter.
	prevented = eval[bool](t, ctx, `(() => {
		const input = document.getElementById('input');
		input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
		input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '`+question+`'}));
		return !input.dispatchEvent(new KeyboardEvent('keydown',
			{key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true}));
	})()`)
	if prevented {
		t.Error("the page cancelled an Enter right after compositionend (Safari's order)")
	}
	// Each sign of a composition alone: isComposing (with the Enter's own
	// key code), or the key code 229 of a key the IME took.
	time.Sleep(50 * time.Millisecond) // past the page's compositionend grace
	for _, init := range []string{`{key: 'Enter', code: 'Enter', isComposing: true, keyCode: 13, bubbles: true, cancelable: true}`,
		`{key: 'Enter', code: 'Enter', isComposing: false, keyCode: 229, bubbles: true, cancelable: true}`} {
		if eval[bool](t, ctx, `!document.getElementById('input').dispatchEvent(new KeyboardEvent('keydown', `+init+`))`) {
			t.Errorf("the page cancelled the keydown %s of a composition", init)
		}
	}
	time.Sleep(50 * time.Millisecond) // past the page's compositionend grace
	// A real composition of Chromium's (Input.imeSetComposition): its
	// Enter is a keydown with isComposing set.
	eval[chromedp.Void](t, ctx, `document.getElementById('input').value = ''`)
	do(t, ctx, "compose with the IME", chromedp.Focus(chromedp.CSS("#input")), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, input.ImeSetComposition, input.ImeSetCompositionParams{Text: "けんしゅうはなんかげつですか", SelectionStart: 14, SelectionEnd: 14}); err != nil {
			return err
		}
		for _, p := range []input.DispatchKeyEventParams{
			{Type: input.DispatchKeyEventTypeRawKeyDown, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 229, NativeVirtualKeyCode: 229},
			{Type: input.DispatchKeyEventTypeKeyUp, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13},
		} {
			if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, p); err != nil {
				return err
			}
		}
		_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: question}) // the conversion is committed
		return err
	}))
	time.Sleep(500 * time.Millisecond) // a message sent by mistake would be shown and stored by now
	if v := eval[string](t, ctx, `document.getElementById('input').value`); v != question {
		t.Errorf("after the compositions the input holds %q; want %q, unsent", v, question)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#log .line.visitor').length`); n != 0 {
		t.Errorf("Enter during a composition sent: the page shows %d lines of the visitor", n)
	}
	if posts := site.requests("/webchat/messages"); len(posts) != 1 { // the greeting's "open"
		t.Errorf("the page posted %d times; want only its greeting request", len(posts))
	}
	for _, l := range site.storedLines(visitor) {
		if !l.FromBot {
			t.Errorf("stored a line of the visitor: %q", l.Text)
		}
	}

	// Enter now sends.
	n := botLines(t, ctx)
	c.think()
	do(t, ctx, "press Enter", chromedp.Focus(chromedp.CSS("#input")), pressEnter(0))
	waitBot(t, ctx, n, answerOf(t, "training-period"))
	if v := eval[string](t, ctx, `document.getElementById('input').value`); v != "" {
		t.Errorf("after Enter the input holds %q; want it empty", v)
	}

	// Shift+Enter: a new line, nothing sent; then Enter sends both lines.
	typeText(t, ctx, "東京での研修について")
	do(t, ctx, "press Shift+Enter", pressEnter(modShift))
	typeText(t, ctx, "詳しく教えてください")
	time.Sleep(300 * time.Millisecond)
	if v := eval[string](t, ctx, `document.getElementById('input').value`); v != "東京での研修について\n詳しく教えてください" {
		t.Errorf("after Shift+Enter the input holds %q; want two lines", v)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#log .line.visitor').length`); n != 1 {
		t.Errorf("Shift+Enter sent: the page shows %d lines of the visitor; want 1", n)
	}
	n = botLines(t, ctx)
	c.think()
	do(t, ctx, "press Enter", pressEnter(0))
	waitBot(t, ctx, n)
	var mine []string
	for _, l := range site.storedLines(visitor) {
		if !l.FromBot {
			mine = append(mine, l.Text)
		}
	}
	if want := []string{question, "東京での研修について\n詳しく教えてください"}; !slices.Equal(mine, want) {
		t.Errorf("stored the visitor's lines %q; want %q", mine, want)
	}
	shown := lines(t, ctx)
	var last pageLine
	for _, l := range shown {
		if l.visitor() {
			last = l
		}
	}
	if last.Text != "東京での研修について\n詳しく教えてください" {
		t.Errorf("the page shows the two-line message as %q", last.Text)
	}
}

// widgetHost serves the pages of a site that embeds the chat: /widget with
// the widget's script, /frame with the chat's frame put in directly.
func widgetHost(chat *string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/widget":
			fmt.Fprintf(w, `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>採用情報</title></head>
<body><h1>採用情報</h1><p>サケモデルの募集要項です。</p>
<script src="%s/webchat/widget.js" async></script></body></html>`, *chat)
		case "/frame":
			fmt.Fprintf(w, `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>埋め込み</title></head>
<body><h1>埋め込み</h1><iframe id="direct" title="chat" src="%s/webchat/?embed=1" width="400" height="500"></iframe></body></html>`, *chat)
		default:
			http.NotFound(w, r)
		}
	}))
}

// TestBrowserWidget: the widget's script on an allowed site adds the
// launcher; clicking it opens the chat in a frame, where a question is
// answered. On a site that is not allowed, the script is refused and the
// browser does not show the chat's frame even when the page puts it in
// directly (frame-ancestors).
func TestBrowserWidget(t *testing.T) {
	chromium(t)
	var chatURL string
	allowed, other := widgetHost(&chatURL), widgetHost(&chatURL)
	t.Cleanup(allowed.Close)
	t.Cleanup(other.Close)
	site := newChatSite(t, storetest.SQLiteURL(t), allowed.URL) // 127.0.0.1, another port: same site, another origin
	chatURL = site.URL
	ctx, _ := newBrowser(t, 1280, 900)
	const shadow = `document.querySelector('sakebot-widget').shadowRoot`

	t.Run("allowed", func(t *testing.T) {
		do(t, ctx, "open the allowed site", chromedp.Navigate(allowed.URL+"/widget"))
		waitJS(t, ctx, "the launcher is shown", `() => {
			const w = document.querySelector('sakebot-widget');
			return w && w.shadowRoot && w.shadowRoot.querySelector('.launcher') !== null;
		}`, nil)
		type state struct {
			Expanded string `json:"expanded"`
			Hidden   bool   `json:"hidden"`
			Frames   int    `json:"frames"`
			Src      string `json:"src"`
		}
		const readState = `(() => { const r = ` + shadow + `; const f = r.querySelector('iframe');
			return {expanded: r.querySelector('.launcher').getAttribute('aria-expanded'),
				hidden: r.querySelector('#sakebot-panel.panel').hidden,
				frames: r.querySelectorAll('iframe').length, src: f ? f.src : ''}; })()`
		if s := eval[state](t, ctx, readState); s.Expanded != "false" || !s.Hidden || s.Frames != 0 {
			t.Fatalf("before opening: %+v; want a closed panel and no frame yet", s)
		}
		do(t, ctx, "click the launcher", chromedp.Click(chromedp.JSPath(shadow+`.querySelector('.launcher')`)))
		s := eval[state](t, ctx, readState)
		if s.Expanded != "true" || s.Hidden || s.Frames != 1 || s.Src != site.URL+"/webchat/?embed=1" {
			t.Fatalf("after clicking the launcher: %+v; want the panel open with the chat's frame", s)
		}
		frame := get(t, ctx, "find the frame", chromedp.Nodes(chromedp.JSPath(shadow+`.querySelector('iframe')`)))[0]
		waitJS(t, ctx, "the chat in the frame is ready", `() => { // the frame may still hold about:blank
			const log = document.getElementById('log');
			return document.documentElement.classList.contains('embed') && log !== null &&
				log.getAttribute('aria-busy') === 'false' && document.querySelector('#log .line.bot .bubble') !== null;
		}`, frame)

		typeTextIn(t, ctx, frame, "北見の冬は寒いですか")
		do(t, ctx, "press Enter in the frame", pressEnter(0))
		waitJS(t, ctx, "the frame shows the answer", `(q, a) => {
			const v = Array.from(document.querySelectorAll('#log .line.visitor')).map((l) => l.querySelector('.bubble').textContent);
			const b = Array.from(document.querySelectorAll('#log .line.bot .bubble')).map((e) => e.textContent);
			return v.length === 1 && v[0] === q && b.includes(a) && !document.querySelector('#log .line.pending');
		}`, frame, "北見の冬は寒いですか", answerOf(t, "kitami-winter"))
		if len(site.requests("/webchat/widget.js")) == 0 || site.requests("/webchat/widget.js")[0].Status != 200 {
			t.Errorf("widget.js requests: %+v; want it served", site.requests("/webchat/widget.js"))
		}

		// Closing keeps the conversation's frame; the page's API opens it again.
		do(t, ctx, "close the panel", chromedp.Click(chromedp.JSPath(shadow+`.querySelector('.close')`)))
		if s := eval[state](t, ctx, readState); s.Expanded != "false" || !s.Hidden || s.Frames != 1 {
			t.Errorf("after closing: %+v; want the panel hidden, its frame kept", s)
		}
		eval[chromedp.Void](t, ctx, `window.SakebotWidget.open()`)
		if s := eval[state](t, ctx, readState); s.Expanded != "true" || s.Hidden || s.Frames != 1 {
			t.Errorf("after SakebotWidget.open(): %+v; want the panel open with the same frame", s)
		}

		// The allowed site may also put the chat's frame in directly.
		do(t, ctx, "open the allowed site's frame page", chromedp.Navigate(allowed.URL+"/frame"))
		direct := get(t, ctx, "find the frame", chromedp.Nodes(chromedp.CSS("#direct")))[0]
		waitJS(t, ctx, "the chat in the frame is ready", `() => document.getElementById('log') !== null &&
			document.getElementById('log').getAttribute('aria-busy') === 'false'`, direct)
	})

	t.Run("not allowed", func(t *testing.T) {
		do(t, ctx, "open the other site", chromedp.Navigate(other.URL+"/widget"))
		refused := func() bool {
			for _, r := range site.requests("/webchat/widget.js") {
				if strings.HasPrefix(r.Referer, other.URL) && r.Status == http.StatusForbidden {
					return true
				}
			}
			return false
		}
		for deadline := time.Now().Add(waitTimeout); !refused(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("widget.js was not refused to the other site: %+v", site.requests("/webchat/widget.js"))
			}
		}
		do(t, ctx, "wait for the page to load", chromedp.WaitReady(chromedp.CSS("body")))
		time.Sleep(300 * time.Millisecond)
		if eval[bool](t, ctx, `document.querySelector('sakebot-widget') !== null || window.SakebotWidget !== undefined`) {
			t.Error("the widget appeared on a site not allowed to embed the chat")
		}

		// The chat's frame put in directly: the server answers (its CSP
		// says who may frame it) and the browser refuses to show it.
		streams := len(site.requests("/webchat/events"))
		do(t, ctx, "open the other site's frame page", chromedp.Navigate(other.URL+"/frame"))
		var child *cdp.Frame
		for deadline := time.Now().Add(waitTimeout); ; time.Sleep(50 * time.Millisecond) {
			tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
			if err != nil {
				t.Fatal(err)
			}
			if len(tree.FrameTree.ChildFrames) == 1 && tree.FrameTree.ChildFrames[0].Frame.UnreachableURL != "" {
				child = tree.FrameTree.ChildFrames[0].Frame
				break
			}
			if time.Now().After(deadline) {
				var urls []string
				for _, c := range tree.FrameTree.ChildFrames {
					urls = append(urls, c.Frame.URL)
				}
				t.Fatalf("the frame of the chat was shown on a site not allowed to frame it: frames %q", urls)
			}
		}
		if child.UnreachableURL != site.URL+"/webchat/?embed=1" || strings.HasPrefix(child.URL, site.URL) {
			t.Errorf("the blocked frame is at %q (unreachable %q); want Chromium's error page for the chat's URL", child.URL, child.UnreachableURL)
		}
		var served bool
		for _, r := range site.requests("/webchat/") {
			served = served || strings.HasPrefix(r.Referer, other.URL) && r.Status == 200
		}
		if !served {
			t.Error("the server was not asked for the frame: the check proves nothing")
		}
		time.Sleep(300 * time.Millisecond)
		if n := len(site.requests("/webchat/events")); n != streams {
			t.Errorf("the blocked frame opened %d streams: its page ran", n-streams)
		}
	})
}

// markup is what an attacker types, hoping it becomes HTML.
const markup = `<img src=x onerror=alert(1)>`

// TestBrowserMarkupStaysText: markup typed by a visitor is shown as text
// in the log, is refused as a name (the bot says why and asks again, and
// no markup is kept as the name), is shown as text in the summary card
// when it is a free-text answer, and never runs (no dialog opens). On a
// 360-pixel-wide phone, nothing scrolls sideways.
func TestBrowserMarkupStaysText(t *testing.T) {
	chromium(t)
	site := newChatSite(t, storetest.SQLiteURL(t))
	ctx, dialogs := newBrowser(t, 360, 740)
	c := &chat{t: t, ctx: ctx, site: site}
	do(t, ctx, "emulate a phone", chromedp.EmulateViewport(360, 740, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch))
	openChat(t, ctx, site.URL+"/")
	visitor := visitorID(t, ctx, site.URL)

	checkText := func(what string) {
		t.Helper()
		type markupCheck struct {
			Bubbles  []string `json:"bubbles"`
			Elements int      `json:"elements"`
		}
		got := eval[markupCheck](t, ctx, `(() => ({
			bubbles: Array.from(document.querySelectorAll('#log .line.visitor .bubble')).map((b) => b.textContent),
			elements: document.querySelectorAll('#log img, #log script, #log iframe, #log .line.visitor .bubble *').length,
		}))()`)
		if !slices.Contains(got.Bubbles, markup) {
			t.Errorf("%s: the visitor's bubbles show %q; want %q as text", what, got.Bubbles, markup)
		}
		if got.Elements != 0 {
			t.Errorf("%s: the log holds %d elements made of the markup", what, got.Elements)
		}
	}

	n := botLines(t, ctx)
	c.send(markup)
	waitBot(t, ctx, n)
	checkText("a message")

	c.say("応募したい", "個人情報の取り扱い")
	c.tap("同意する", "（1/10）お名前")
	refusal := c.say(markup, "お名前")
	if !strings.Contains(refusal.Text, "お名前に使えない文字が含まれているようです。例：北見 太郎") ||
		!strings.Contains(refusal.Text, "（1/10）お名前（氏名）を入力してください。") {
		t.Errorf("after markup as a name the bot says %q; want the refusal with an example and the question again", refusal.Text)
	}
	checkText("a name")
	if answers := formAnswers(t, site, visitor); answers[bot.FieldName] != "" {
		t.Errorf("kept %q as the name", answers[bot.FieldName])
	}

	_, _, gradShown := graduation(site)
	gradTyped, _, _ := graduation(site)
	answerForm(c, []formStep{
		{ask: "（1/10）お名前（氏名）", typed: "北見 花子"},
		{ask: "（2/10）お名前のフリガナ", typed: "キタミ ハナコ"},
		{ask: "（3/10）学校名", tapped: "北見工業大学"},
		{ask: "（4/10）学部・学科", typed: markup}, // free text: accepted as it is
		{ask: "（5/10）卒業（予定）年月", typed: gradTyped},
		{ask: "（6/10）連絡先のメールアドレス", typed: "hanako@example.com"},
		{ask: "（7/10）電話番号", typed: "0157-23-4567"},
		{ask: "（8/10）北見での勤務", tapped: "相談したい"},
		{ask: "（9/10）プログラミングなど、ITの経験", tapped: "なし"},
		{ask: "（10/10）最後に、志望動機", tapped: "スキップ"},
	}, "ご入力内容の確認")
	card := readSummary(t, ctx)
	want := [][2]string{
		{"氏名", "北見\u3000花子"}, {"フリガナ", "キタミ\u3000ハナコ"}, {"学校名", "北見工業大学"},
		{"学部・学科", markup}, {"卒業（予定）年月", gradShown},
		{"メールアドレス", "hanako@example.com"}, {"電話番号", "0157-23-4567"}, {"北見での勤務希望", "相談したい"},
		{"IT経験", "なし"}, {"志望動機・質問", "（なし）"},
	}
	if !slices.Equal(card.Fields, want) {
		t.Errorf("the summary card shows %q;\nwant %q", card.Fields, want)
	}
	if card.Images != 0 || eval[int](t, ctx, `document.querySelectorAll('#log img').length`) != 0 {
		t.Error("the summary card holds elements made of the markup")
	}
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("with the summary card the page is %d pixels wide on a 360-pixel phone: it scrolls sideways", w)
	}

	// Nothing is submitted: the visitor gives up; no markup is kept.
	c.tap("やめる", "応募の入力をやめますか")
	c.tap("はい、やめる", "入力内容を削除しました")
	if apps, err := site.store.ListApplications(context.Background(), bot.ApplicationFilter{}); err != nil || len(apps) != 0 {
		t.Errorf("stored applications %+v (%v); want none", apps, err)
	}
	if answers := formAnswers(t, site, visitor); len(answers) != 0 {
		t.Errorf("the conversation keeps the answers %q", answers)
	}

	if d := dialogs.seen(); len(d) != 0 {
		t.Errorf("the page opened JavaScript dialogs: %q", d)
	}
	dialogs.probe(t, ctx) // the check above could have seen one
}

// formAnswers is the form's answers the conversation keeps.
func formAnswers(t *testing.T, site *chatSite, visitor string) map[bot.Field]string {
	t.Helper()
	var answers map[bot.Field]string
	key := bot.UserKey{Channel: bot.ChannelWeb, UserID: visitor}
	err := site.store.InTx(context.Background(), key, func(tx bot.Tx) error {
		c, err := tx.Conversation(context.Background(), key)
		answers = c.Answers
		if errors.Is(err, bot.ErrNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return answers
}

// TestBrowserAccessibility: the log is a polite live region, busy until
// the history has come; the input has an accessible name; on a 360-pixel
// phone nothing scrolls sideways, even with a long unbroken message.
func TestBrowserAccessibility(t *testing.T) {
	chromium(t)
	site := newChatSite(t, storetest.SQLiteURL(t))
	ctx, _ := newBrowser(t, 360, 740)
	c := &chat{t: t, ctx: ctx, site: site}
	do(t, ctx, "emulate a phone", chromedp.EmulateViewport(360, 740, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch))

	release := site.holdStreams()
	do(t, ctx, "open the page", chromedp.Navigate(site.URL+"/"), chromedp.WaitReady(chromedp.CSS("#log")))
	for deadline := time.Now().Add(waitTimeout); len(site.requests("/webchat/events")) == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the page did not open its stream")
		}
	}
	if busy := eval[string](t, ctx, `document.getElementById('log').getAttribute('aria-busy')`); busy != "true" {
		t.Errorf("before its history came, the log's aria-busy is %q; want true", busy)
	}
	release()
	waitReady(t, ctx)

	attrs := get(t, ctx, "read #log", chromedp.Attributes(chromedp.CSS("#log")))
	if attrs["role"] != "log" || attrs["aria-live"] != "polite" || attrs["aria-busy"] != "false" {
		t.Errorf("#log has role %q, aria-live %q, aria-busy %q; want log, polite, false", attrs["role"], attrs["aria-live"], attrs["aria-busy"])
	}
	if role, _ := axNode(t, ctx, "#log"); role != "log" {
		t.Errorf("Chromium sees #log as %q; want log", role)
	}
	if role, name := axNode(t, ctx, "#input"); role != "textbox" || name != "メッセージ" {
		t.Errorf("Chromium sees #input as %q named %q; want a textbox named メッセージ", role, name)
	}
	if role, name := axNode(t, ctx, "#send"); role != "button" || name != "送信" {
		t.Errorf("Chromium sees #send as %q named %q; want a button named 送信", role, name)
	}
	if attrs := get(t, ctx, "read #error", chromedp.Attributes(chromedp.CSS("#error"))); attrs["role"] != "alert" {
		t.Errorf("#error has role %q; want alert", attrs["role"])
	}

	c.say("研修は何ヶ月ですか", answerOf(t, "training-period"))
	// The send button sends too; a long unbroken message wraps.
	n := botLines(t, ctx)
	c.think()
	typeText(t, ctx, "https://example.com/"+strings.Repeat("abcdefghij", 12))
	do(t, ctx, "tap 送信", chromedp.Click(chromedp.CSS("#send")))
	waitBot(t, ctx, n)
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("the page is %d pixels wide on a 360-pixel phone: it scrolls sideways", w)
	}

	// Near the limit of a message, the counter (the input's description)
	// says how many characters there are.
	if !eval[bool](t, ctx, `document.getElementById('counter').hidden`) {
		t.Error("the counter shows for a short message")
	}
	typeText(t, ctx, strings.Repeat("あ", 1900))
	type counter struct {
		Hidden bool   `json:"hidden"`
		Text   string `json:"text"`
		Of     string `json:"of"`
	}
	got := eval[counter](t, ctx, `(() => { const c = document.getElementById('counter');
		return {hidden: c.hidden, text: c.textContent, of: document.getElementById('input').getAttribute('aria-describedby')}; })()`)
	if got.Hidden || got.Text != "1,900 / 2,000 文字" || got.Of != "counter" {
		t.Errorf("with 1,900 characters the counter is %+v; want 1,900 / 2,000 文字 shown, describing the input", got)
	}
}

// TestBrowserRefusedMessages: a message the server refuses stays on the
// page, marked as not sent: after a burst (429) with the server's reason
// and a resend button that sends it once the visitor waited; after the
// visitor's cookie is lost (401) with a reload button, which starts a new
// conversation.
func TestBrowserRefusedMessages(t *testing.T) {
	chromium(t)
	site := newChatSiteOn(t, storetest.SQLiteURL(t), storetest.NewClock(t)) // stopped: no refill unless moved
	ctx, _ := newBrowser(t, 1024, 900)
	c := &chat{t: t, ctx: ctx, site: site}
	openChat(t, ctx, site.URL+"/")
	visitor := visitorID(t, ctx, site.URL)

	// The greeting's request and nineteen messages use the burst of twenty…
	for i := 1; i <= 19; i++ {
		typeText(t, ctx, fmt.Sprintf("質問%dです", i))
		do(t, ctx, "press Enter", pressEnter(0))
	}
	waitJS(t, ctx, "the nineteen are answered", `() => !document.querySelector('#log .line.pending') &&
		document.querySelectorAll('#log .line.visitor').length === 19 &&
		document.querySelectorAll('#log .line.bot').length >= 20`, nil)
	// …so the twentieth, at once, is refused.
	typeText(t, ctx, "質問20です")
	do(t, ctx, "press Enter", pressEnter(0))
	waitJS(t, ctx, "the twentieth message is refused", `() => {
		const l = Array.from(document.querySelectorAll('#log .line.visitor')).pop();
		return l && l.classList.contains('failed') && l.querySelector('button.resend') !== null;
	}`, nil)
	type failure struct {
		Text   string `json:"text"`
		Note   string `json:"note"`
		Error  string `json:"error"`
		Reload bool   `json:"reload"`
	}
	const readFailure = `(() => { const l = Array.from(document.querySelectorAll('#log .line.visitor.failed')).pop();
		return {text: l ? l.querySelector('.bubble').textContent : '', note: l && l.querySelector('.note') ? l.querySelector('.note').textContent : '',
			error: document.getElementById('error').textContent, reload: document.querySelector('#error button.reload') !== null}; })()`
	if f := eval[failure](t, ctx, readFailure); f.Text != "質問20です" || f.Note != "送信できませんでした" ||
		!strings.Contains(f.Error, "時間をおいて") || f.Reload {
		t.Errorf("after the burst the page shows %+v; want the twentieth message not sent, with the server's reason", f)
	}
	site.clock.Advance(time.Minute) // the visitor waits a minute (the worker's own per-minute limit too), then resends
	n := botLines(t, ctx)
	do(t, ctx, "tap 再送", chromedp.Click(chromedp.CSS("#log .line.visitor.failed button.resend")))
	waitBot(t, ctx, n)
	if f := eval[failure](t, ctx, readFailure); f.Text != "" || f.Error != "" {
		t.Errorf("after resending the page still shows %+v", f)
	}
	var mine []string
	for _, l := range site.storedLines(visitor) {
		if !l.FromBot {
			mine = append(mine, l.Text)
		}
	}
	if len(mine) != 20 || mine[19] != "質問20です" {
		t.Errorf("stored the visitor's lines %q; want the twenty, each once", mine)
	}

	// The cookie is lost: the page says to reload, and reloading starts over.
	if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	c.send("研修は何ヶ月ですか")
	waitJS(t, ctx, "the page asks for a reload", `() => document.querySelector('#error button.reload') !== null &&
		document.querySelector('#log .line.visitor.failed') !== null`, nil)
	if f := eval[failure](t, ctx, readFailure); f.Text != "研修は何ヶ月ですか" || !strings.Contains(f.Error, "再読み込み") ||
		eval[bool](t, ctx, `document.querySelector('#log .line.visitor.failed button.resend') !== null`) {
		t.Errorf("without a cookie the page shows %+v; want the message not sent, no resend, a reload", f)
	}
	get(t, ctx, "tap 再読み込み", chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS("#error button.reload"))))
	waitReady(t, ctx)
	if other := visitorID(t, ctx, site.URL); other == visitor {
		t.Error("the reloaded page has the lost visitor's id")
	}
	if ls := lines(t, ctx); len(ls) != 1 || !ls[0].bot() || !strings.Contains(ls[0].Text, "こんにちは") {
		t.Errorf("the reloaded page shows %+v; want a new conversation's greeting", ls)
	}
}

// axNode is the role and the accessible name Chromium computes for the
// element sel.
func axNode(t *testing.T, ctx context.Context, sel string) (role, name string) {
	t.Helper()
	n := get(t, ctx, "find "+sel, chromedp.Nodes(chromedp.CSS(sel)))[0]
	res, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{
		BackendNodeID: n.BackendNodeID, FetchRelatives: new(false)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Nodes) == 0 {
		t.Fatalf("no accessibility node for %s", sel)
	}
	value := func(v *accessibility.Value) string {
		var s string
		if v != nil {
			json.Unmarshal(v.Value, &s)
		}
		return s
	}
	return value(res.Nodes[0].Role), value(res.Nodes[0].Name)
}
