package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"
)

// shot is a page to photograph and the file it goes to.
type shot struct {
	path, file string
	top        bool // only the top of the page (the window), not all of it
}

// shoot logs in to the page at base with headless Chromium and saves the
// pictures in o.out; profile is a directory for Chromium's profile.
func shoot(ctx context.Context, o options, base, profile string) error {
	height := 1400
	if o.width < 1280 {
		height = 844
	}
	ctx, cancel := newBrowser(ctx, o.chromium, filepath.Join(profile, "chromium"), o.width, height)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS(`main button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".stats")))
	if err != nil {
		return fmt.Errorf("log in (see the page's errors above): %w", err)
	}
	shots := []shot{
		{path: "/admin/", file: "admin-dashboard.png", top: o.width < 1280},
		// The 「試す」 box and the first entries.
		{path: "/admin/faqs?try=" + url.QueryEscape("研修はどこで何ヶ月くらいありますか"), file: "admin-faqs.png", top: true},
	}
	for i, p := range o.pages {
		shots = append(shots, shot{path: p, file: "extra-" + string(rune('a'+i)) + ".png", top: o.width < 1280})
	}
	for _, s := range shots {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+s.path), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
			return fmt.Errorf("open %s: %w", s.path, err)
		}
		take := chromedp.FullScreenshot(100)
		if s.top {
			take = chromedp.CaptureScreenshot()
		}
		png, err := chromedp.Run(ctx, take)
		if err != nil {
			return fmt.Errorf("photograph %s: %w", s.path, err)
		}
		out := filepath.Join(o.out, s.file)
		if err := os.WriteFile(out, png, 0o644); err != nil {
			return err
		}
		fmt.Println("wrote", out)
	}
	return nil
}

// newBrowser starts headless Chromium with a fresh profile in dir and a
// window of width×height, and returns a context that drives a tab of it.
func newBrowser(ctx context.Context, chromium, dir string, width, height int) (context.Context, context.CancelFunc) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(width, height))
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	return tabCtx, func() {
		cancelTab()
		cancelAlloc()
	}
}
