// Command sakebot-screenshots takes the pictures that README.md shows: of
// the admin page, docs/admin-dashboard.png and docs/admin-faqs.png, and of
// the web chat, docs/webchat-desktop.png (a 1280×800 window) and
// docs/webchat-phone.png (360×740, as on a phone). It serves both, wired
// as `sakebot serve` wires them, over a temporary SQLite database filled
// with a month of sample activity, on a fixed date, and photographs them
// with headless Chromium. In the web chat it talks like a student: after
// the bot's greeting it asks a question, then a vague one that the bot
// answers with "did you mean" choices, each answered by the real engine
// and worker. Run it from the repository root after changing a page:
//
//	go run ./cmd/sakebot-screenshots
//
// Japanese needs a CJK font (Debian's fonts-noto-cjk). -chromium says where
// Chromium is (default $SAKEBOT_CHROMIUM, else /usr/bin/chromium); -out
// writes elsewhere; -width 390 shows the admin page as on a phone, and
// -pages adds other admin pages to look at while styling (e.g. -pages
// /admin/misses).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

// options are the command's flags.
type options struct {
	out      string   // the directory the pictures go to
	chromium string   // the Chromium binary
	width    int      // the window width in CSS pixels
	pages    []string // more pages to photograph, as extra-a.png, extra-b.png, …
}

func main() {
	var o options
	var pages string
	flag.StringVar(&o.out, "out", "docs", "directory to write the pictures to")
	flag.StringVar(&o.chromium, "chromium", defaultChromium(), "path of the Chromium binary")
	flag.IntVar(&o.width, "width", 1280, "window width in CSS pixels")
	flag.StringVar(&pages, "pages", "", "comma-separated paths of more pages to photograph (extra-a.png, …)")
	flag.Parse()
	if pages != "" {
		o.pages = strings.Split(pages, ",")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "sakebot-screenshots:", err)
		os.Exit(1)
	}
}

// defaultChromium is $SAKEBOT_CHROMIUM, else where Debian's chromium
// package puts it.
func defaultChromium() string {
	if p := os.Getenv("SAKEBOT_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}
