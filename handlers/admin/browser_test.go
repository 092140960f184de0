package admin_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The environment the browser tests read.
const (
	// envChromium overrides where Chromium is.
	envChromium = "SAKEBOT_CHROMIUM"
	// envRequireBrowser, when "1", makes a missing Chromium fail the browser
	// tests instead of skipping them (CI sets it).
	envRequireBrowser = "SAKEBOT_REQUIRE_BROWSER"
	// defaultChromium is where Debian's chromium package puts it.
	defaultChromium = "/usr/bin/chromium"
)

// chromium returns the path of the Chromium binary, skipping the test when
// there is none (failing it when the browser is required).
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv(envChromium)
	if path == "" {
		path = defaultChromium
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv(envRequireBrowser) == "1" {
			t.Fatalf("Chromium is required (%s=1) but not found at %s: %v", envRequireBrowser, path, err)
		}
		t.Skipf("skipping browser test: no Chromium at %s (install Debian's chromium package, or set %s; "+
			"%s=1 makes this a failure)", path, envChromium, envRequireBrowser)
	}
	return path
}

// newBrowser starts a headless Chromium with a fresh profile and a window
// of width×height, and returns a context to drive a tab of it. Everything
// stops when the test ends.
func newBrowser(t *testing.T, width, height int) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithErrorf(t.Logf))
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // start the browser now, to fail early
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// do runs browser steps and fails the test on an error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs a browser action that returns a value and fails the test on an
// error.
func get[T any](t *testing.T, ctx context.Context, what string, action chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// logIn logs the browser in through the form.
func logIn(t *testing.T, ctx context.Context, e *env) {
	t.Helper()
	do(t, ctx, "log in",
		chromedp.Navigate(e.srv.URL+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS(`main button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".stats")))
}

// signInAs signs the browser in with the staff account of email, as a
// staff member types it on the login page.
func signInAs(t *testing.T, ctx context.Context, e *env, email string) {
	t.Helper()
	do(t, ctx, "sign in as "+email,
		chromedp.Navigate(e.srv.URL+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), staffPassword),
		chromedp.Click(chromedp.CSS(`main button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".stats")))
}
