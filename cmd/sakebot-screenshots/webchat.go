package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/handlers/webchat"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/worker"
)

// webPoll is how often the web chat looks for lines another replica
// wrote, as in `sakebot serve`.
const webPoll = time.Second

// visitorTTL is how long the browser keeps its conversation: the default
// form-expiry period of `sakebot serve` (FORM_EXPIRY_DAYS).
const visitorTTL = 14 * 24 * time.Hour

// conversation is what the student types in the web chat after the
// greeting, in order; each gets one reply. The last is vague on purpose:
// the bot answers it with "did you mean" choices, so the pictures show
// buttons.
var conversation = []string{"研修はどこで何ヶ月ですか", "勤務地は？"}

// window is a size of the browser's window to photograph the chat in.
type window struct {
	file          string // the picture, in the output directory
	width, height int64  // in CSS pixels
	scale         float64
	phone         bool // a touch screen with a mobile viewport
}

// webWindows are the web chat's pictures: the desktop one, then the same
// conversation as on a phone (at twice the pixels, as a phone shows it).
var webWindows = []window{
	{file: "webchat-desktop.png", width: 1280, height: 800, scale: 1},
	{file: "webchat-phone.png", width: 360, height: 740, scale: 2, phone: true},
}

// mountWebChat mounts the web chat on mux as `sakebot serve` mounts it
// (the page at /, the rest under /webchat/) and returns what runs behind
// it until its context ends: the worker that answers the visitors with
// eng and delivers the replies through the web chat's Sender, and the
// hub's poll.
func mountWebChat(ctx context.Context, mux *http.ServeMux, s *store.Store, eng *bot.Engine, clk *clock, log *slog.Logger) (func(context.Context), error) {
	secret, err := s.WebChatSecret(ctx)
	if err != nil {
		return nil, fmt.Errorf("web chat: %w", err)
	}
	log = log.With("channel", "web")
	hub := webchat.NewHub()
	wk := worker.New(worker.Config{Engine: eng, Inbox: s, Outbox: s, Batch: s, Now: clk.Now, Logger: log,
		Senders: map[bot.Channel]worker.Sender{bot.ChannelWeb: webchat.NewSender(s, hub)}})
	h := webchat.New(webchat.Config{Log: s, Inbox: wk, Hub: hub, Secret: secret, VisitorTTL: visitorTTL,
		Now: clk.Now, Logger: log})
	mux.Handle("GET /{$}", h)
	mux.Handle("/webchat/", h)
	return func(ctx context.Context) {
		var wg sync.WaitGroup
		wg.Go(func() { hub.Poll(ctx, s, webPoll, clk.Now, log) })
		wk.Run(ctx)
		wg.Wait()
	}, nil
}

// shootWebChat holds the conversation in the web chat at base with
// headless Chromium, as a student would, and photographs it in each of
// webWindows; profile is a directory for Chromium's profile.
func shootWebChat(ctx context.Context, o options, base, profile string) error {
	first := webWindows[0]
	ctx, cancel := newBrowser(ctx, o.chromium, filepath.Join(profile, "chromium-webchat"), int(first.width), int(first.height))
	defer cancel()
	err := chromedp.Do(ctx, inJapan(), first.emulate(), chromedp.Navigate(base+"/"), waitReplies(1))
	if err != nil {
		return fmt.Errorf("open the web chat (see the page's errors above): %w", err)
	}
	for i, text := range conversation {
		if err := chromedp.Do(ctx, say(text), waitReplies(i+2)); err != nil {
			return fmt.Errorf("web chat: say %q: %w", text, err)
		}
	}
	if err := chromedp.Do(ctx, waitChoices()); err != nil {
		return fmt.Errorf("web chat: no choices after %q: %w", conversation[len(conversation)-1], err)
	}
	for i, w := range webWindows {
		if i > 0 { // the same conversation, replayed from the log
			err := chromedp.Do(ctx, w.emulate(), chromedp.Reload(), waitReplies(len(conversation)+1), waitChoices())
			if err != nil {
				return fmt.Errorf("web chat: reopen for %s: %w", w.file, err)
			}
		}
		if err := checkWidth(ctx, w); err != nil {
			return err
		}
		if err := photograph(ctx, o, w); err != nil {
			return err
		}
	}
	return nil
}

// inJapan shows times as in Japan, where the students are.
func inJapan() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "Asia/Tokyo"})
		return err
	})
}

// emulate sizes the page as w.
func (w window) emulate() chromedp.Action[chromedp.Void] {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(w.scale)}
	if w.phone {
		opts = append(opts, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	return chromedp.EmulateViewport(w.width, w.height, opts...)
}

// say types text in the chat's input and sends it with the button.
func say(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.SendKeys(chromedp.CSS("#input"), text),
		chromedp.Click(chromedp.CSS("#send")))
}

// waitReplies waits until the page has shown the conversation so far
// (the log is no longer busy) with n lines of the bot, nothing waits to be
// sent and the bot is not typing.
func waitReplies(n int) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`document.querySelector('#log[aria-busy="false"]') !== null`+
		` && document.querySelectorAll("#log .line.bot").length >= `+strconv.Itoa(n)+
		` && !document.querySelector("#log .line.pending") && !document.querySelector("#typing.active")`,
		chromedp.WithPollingTimeout(30*time.Second))
}

// waitChoices waits until the bot's last line offers choices.
func waitChoices() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`document.querySelector("#log .line.bot:last-of-type .choices button.choice") !== null`,
		chromedp.WithPollingTimeout(30*time.Second))
}

// checkWidth says on stderr when the page, or the conversation in it,
// is wider than w's window (it would scroll sideways), which the picture
// may not show.
func checkWidth(ctx context.Context, w window) error {
	over, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`Math.max(...[document.documentElement,
		document.getElementById("log")].map((e) => e.scrollWidth - e.clientWidth))`))
	if err != nil {
		return err
	}
	if over > 0 {
		fmt.Fprintf(os.Stderr, "sakebot-screenshots: warning: the web chat scrolls sideways by %d pixels (%s)\n", over, w.file)
	}
	return nil
}

// photograph saves the window as it is in w.file, with nothing focused
// and the mouse away from the buttons.
func photograph(ctx context.Context, o options, w window) error {
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`),
		chromedp.MouseEvent(chromedp.MouseMoved, 0, 0))
	if err != nil {
		return err
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return fmt.Errorf("photograph the web chat: %w", err)
	}
	out := filepath.Join(o.out, w.file)
	if err := os.WriteFile(out, png, 0o644); err != nil {
		return err
	}
	fmt.Println("wrote", out)
	return nil
}
