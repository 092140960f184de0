package admin_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestStaffFlowInBrowser drives a real headless Chromium through what staff
// do: log in, add an FAQ entry, see it answer in the 「試す」 box and in
// `sakebot ask`, edit it, turn unanswered questions into entries, change an
// application's status, download the CSV and log out.
func TestStaffFlowInBrowser(t *testing.T) {
	chromium(t) // skip early, before databases are made, when there is no browser
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := newBrowser(t, 1280, 900)
		app := addApplication(t, e.store, "U-browser", "北見 太郎", "<script>alert(1)</script>北見で働きたいです。")
		// A second replica (or the CLI) over the same database, with its own FAQ index.
		replica := faq.NewAnswerer(openAgain(t, e.dbURL))
		if _, err := replica.Ask(context.Background(), "ウォームアップ"); err != nil {
			t.Fatal(err)
		}

		logIn(t, ctx, e)

		// Add an entry through the form.
		do(t, ctx, "add an FAQ entry",
			chromedp.Click(chromedp.CSS(`nav a[href="/admin/faqs"]`)),
			chromedp.WaitVisible(chromedp.CSS(`a[href="/admin/faqs/new"]`)),
			chromedp.Click(chromedp.CSS(`a[href="/admin/faqs/new"]`)),
			chromedp.WaitVisible(chromedp.CSS("#question")),
			chromedp.SetValue(chromedp.CSS("#id"), "snow-sports"),
			chromedp.SetValue(chromedp.CSS("#category"), "北見の暮らし"),
			chromedp.SetValue(chromedp.CSS("#question"), "スノーボードやスキーはできますか？"),
			chromedp.SetValue(chromedp.CSS("#alternatives"), "スキー場は近くにありますか\nウィンタースポーツは楽しめますか"),
			chromedp.SetValue(chromedp.CSS("#keywords"), "スノーボード、スキー"),
			chromedp.SetValue(chromedp.CSS("#answer"), "北見の近くにはスキー場があり、冬はスノーボードやスキーを楽しめます。"),
			chromedp.Click(chromedp.CSS(`form[action="/admin/faqs"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".notice-ok")))
		wantText(t, ctx, ".notice-ok", "FAQを追加しました")
		wantText(t, ctx, ".try-result", "回答します", "このFAQ", "スキーを楽しめます")

		// The 「試す」 box on the list answers another phrasing with it.
		const question = "スキー場は近くにありますか？"
		do(t, ctx, "try a question",
			chromedp.Click(chromedp.CSS(`nav a[href="/admin/faqs"]`)),
			chromedp.WaitVisible(chromedp.CSS("#try")),
			chromedp.SendKeys(chromedp.CSS("#try"), question),
			chromedp.Click(chromedp.CSS(`.try button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".try-result")))
		wantText(t, ctx, ".try-result", "回答します", "スノーボードやスキーはできますか？", "スキーを楽しめます")

		// So do the other replica and the CLI's `ask`, on the same database.
		wantAnswer(t, replica, question, "snow-sports", "スキーを楽しめます")
		got := askCLI(t, e.dbURL, question)
		if !got.Matched || got.FAQID != "snow-sports" || !strings.Contains(got.Answer, "スキーを楽しめます") {
			t.Errorf("sakebot ask --json = %+v, want the new entry", got)
		}

		// Edit it: the answer changes at once, everywhere.
		do(t, ctx, "edit the entry",
			chromedp.Navigate(e.srv.URL+"/admin/faqs/snow-sports/edit"),
			chromedp.WaitVisible(chromedp.CSS("#answer")),
			chromedp.SetValue(chromedp.CSS("#answer"), "北見から車で30分ほどのスキー場で、冬はスノーボードやスキーを楽しめます。"),
			chromedp.Click(chromedp.CSS(`form[action="/admin/faqs/snow-sports/edit"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".notice-ok")),
			chromedp.SendKeys(chromedp.CSS("#try"), question),
			chromedp.Click(chromedp.CSS(`.try button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".try-result")))
		wantText(t, ctx, ".try-result", "回答します", "このFAQ", "車で30分ほど")
		wantAnswer(t, replica, question, "snow-sports", "車で30分ほど")

		// Unanswered questions become an entry, and an alternative of one.
		ctx0 := context.Background()
		for _, q := range []string{"副業はできますか", "副業はできますか", "リモートの研修もありますか"} {
			if err := e.store.RecordMiss(ctx0, q, faq.Normalize(q)); err != nil {
				t.Fatal(err)
			}
		}
		do(t, ctx, "make an entry from an unanswered question",
			chromedp.Click(chromedp.CSS(`nav a[href="/admin/misses"]`)),
			chromedp.WaitVisible(chromedp.CSS(".miss-table")),
			chromedp.Click(chromedp.CSS(`.miss-table tbody tr:first-child a[href^="/admin/faqs/new?miss="]`)),
			chromedp.WaitVisible(chromedp.CSS("#answer")))
		if v := get(t, ctx, "read the question", chromedp.Value(chromedp.CSS("#question"))); v != "副業はできますか" {
			t.Fatalf("the editor holds %q, want the unanswered question", v)
		}
		do(t, ctx, "save it",
			chromedp.SetValue(chromedp.CSS("#category"), "働き方"),
			chromedp.SetValue(chromedp.CSS("#answer"), "就業規則の範囲で、事前に相談のうえ認めています。"),
			chromedp.Click(chromedp.CSS(`form[action="/admin/faqs"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".notice-ok")))
		wantText(t, ctx, ".try-result", "回答します", "このFAQ", "就業規則の範囲で")
		do(t, ctx, "add an unanswered question to an entry",
			chromedp.Click(chromedp.CSS(`nav a[href="/admin/misses"]`)),
			chromedp.WaitVisible(chromedp.CSS(".miss-table")),
			chromedp.Click(chromedp.CSS(`.miss-table tbody tr:first-child a[href$="/attach"]`)),
			chromedp.WaitVisible(chromedp.CSS("#faq")),
			chromedp.SetValue(chromedp.CSS("#faq"), "training-content"),
			chromedp.Click(chromedp.CSS(`form[action$="/attach"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".notice-ok")))
		wantText(t, ctx, ".try-result", "回答します", "このFAQ")
		do(t, ctx, "see the list empty", chromedp.Navigate(e.srv.URL+"/admin/misses"), chromedp.WaitVisible(chromedp.CSS(".empty")))
		wantAnswer(t, replica, "副業はできますか", "", "就業規則の範囲で")

		// Change an application's status.
		do(t, ctx, "change an application's status",
			chromedp.Click(chromedp.CSS(`nav a[href="/admin/applications"]`)),
			chromedp.WaitVisible(chromedp.CSS(`a[href="/admin/applications/`+itoa(app.ID)+`"]`)),
			chromedp.Click(chromedp.CSS(`a[href="/admin/applications/`+itoa(app.ID)+`"]`)),
			chromedp.WaitVisible(chromedp.CSS("#status")),
			chromedp.SetValue(chromedp.CSS("#status"), "interview"),
			chromedp.Click(chromedp.CSS(`form[action$="/status"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".notice-ok")))
		wantText(t, ctx, ".page-head", app.Ref, "面談調整中")
		wantText(t, ctx, ".timeline", "「応募受付」から「面談調整中」", "管理画面")
		wantText(t, ctx, ".fields", "<script>alert(1)</script>北見で働きたいです。") // shown as text
		if a, err := e.store.Application(ctx0, app.ID); err != nil || a.Status != bot.StatusInterview {
			t.Errorf("stored status = %v, %v", a.Status, err)
		}

		// Download the CSV of the list as a browser does.
		do(t, ctx, "open the list", chromedp.Click(chromedp.CSS(`nav a[href="/admin/applications"]`)),
			chromedp.WaitVisible(chromedp.CSS(`a[href^="/admin/applications.csv"]`)))
		csvText := download(t, ctx, `a[href^="/admin/applications.csv"]`)
		rows := readCSV(t, csvText)
		if len(rows) != 2 || rows[0][0] != "受付番号" || rows[1][0] != app.Ref || rows[1][2] != "面談調整中" {
			t.Errorf("downloaded CSV = %q", rows)
		}

		// Log out: the session is gone.
		do(t, ctx, "log out",
			chromedp.Click(chromedp.CSS(`.logout button`)),
			chromedp.WaitVisible(chromedp.CSS("#password")),
			chromedp.Navigate(e.srv.URL+"/admin/faqs"),
			chromedp.WaitVisible(chromedp.CSS("#password")))
	})
}

// wantText fails the test unless the element sel shows every string.
// The element is read afresh each time, for a few seconds until it shows
// all of want: live pages replace their parts while they are read.
func wantText(t *testing.T, ctx context.Context, sel string, want ...string) {
	t.Helper()
	read := chromedp.Evaluate[string](`(() => { const n = document.querySelector(` + strconv.Quote(sel) + `); return n ? n.innerText : ""; })()`)
	var text string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		text = get(t, ctx, "read "+sel, read)
		if containsAll(text, want) || time.Now().After(deadline) {
			break
		}
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s shows %q, want %q in it", sel, text, w)
		}
	}
}

func containsAll(s string, subs []string) bool {
	for _, w := range subs {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// wantAnswer asks an answerer, as another replica would, and checks the
// bot answers with entry id (any, when empty) and answer.
func wantAnswer(t *testing.T, a *faq.Answerer, question, id, answer string) {
	t.Helper()
	m, err := a.Ask(context.Background(), question)
	if err != nil {
		t.Fatal(err)
	}
	best, ok := m.Best()
	if m.Outcome != faq.Answered || !ok || (id != "" && best.FAQ.ID != id) || !strings.Contains(best.FAQ.Answer, answer) {
		t.Errorf("another replica answers %q with %v %+v, want %s: %q", question, m.Outcome, best.FAQ, id, answer)
	}
}

// openAgain opens a second store on the same database, as another replica.
func openAgain(t *testing.T, dbURL string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dbURL, storetest.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// download clicks the link sel and returns the file the browser saved.
func download(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	dir := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	do(t, ctx, "download "+sel,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true),
			})
			return err
		}),
		chromedp.Click(chromedp.CSS(sel)))
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		case browser.DownloadProgressStateCanceled:
			t.Fatal("the download was cancelled")
		}
	}
	t.Fatal("the download never finished")
	return ""
}

// askResult is one line of `sakebot ask --json`.
type askResult struct {
	Question string  `json:"question"`
	Matched  bool    `json:"matched"`
	FAQID    string  `json:"faq_id"`
	Score    float64 `json:"score"`
	Answer   string  `json:"answer"`
}

// cli is the sakebot binary, built once for the test binary.
var cli struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// askCLI runs `sakebot ask --json QUESTION` against the database, as an
// operator would from a terminal.
func askCLI(t *testing.T, dbURL, question string) askResult {
	t.Helper()
	cli.once.Do(func() {
		dir, err := os.MkdirTemp("", "sakebot-cli-")
		if err != nil {
			cli.err = err
			return
		}
		cli.path = filepath.Join(dir, "sakebot")
		cmd := exec.Command("go", "build", "-o", cli.path, "./cmd/sakebot")
		cmd.Dir = filepath.Join("..", "..")
		cli.out, cli.err = cmd.CombinedOutput()
	})
	if cli.err != nil {
		t.Fatalf("build sakebot: %v\n%s", cli.err, cli.out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, cli.path, "ask", "--json", question)
	cmd.Dir = t.TempDir() // no .env of the developer's
	cmd.Env = []string{"DATABASE_URL=" + dbURL, "PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("sakebot ask: %v\n%s", err, out)
	}
	var r askResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("sakebot ask printed %q: %v", out, err)
	}
	return r
}
