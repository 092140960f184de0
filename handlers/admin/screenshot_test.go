package admin_test

import (
	"context"
	"database/sql"
	"github.com/sakemodel/sakebot/faq"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jmoiron/sqlx"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// envScreenshots, when "1", makes TestScreenshots write the README's
// pictures to docs/.
const envScreenshots = "SAKEBOT_SCREENSHOTS"

// TestScreenshots takes docs/admin-dashboard.png and docs/admin-faqs.png
// with headless Chromium over realistic data. Run it with
// SAKEBOT_SCREENSHOTS=1 go test -run TestScreenshots ./handlers/admin/
// (Japanese glyphs need a CJK font, e.g. Debian's fonts-noto-cjk).
func TestScreenshots(t *testing.T) {
	if os.Getenv(envScreenshots) != "1" {
		t.Skipf("set %s=1 to write the screenshots in docs/", envScreenshots)
	}
	dbURL := storetest.SQLiteURL(t)
	e := newEnv(t, dbURL)
	seedShowcase(t, e)
	docs := filepath.Join("..", "..", "docs")
	width := 1280
	if w := os.Getenv("SAKEBOT_SCREENSHOT_WIDTH"); w == "390" {
		width = 390
	}
	height := 1400
	if width < 1280 {
		height = 844
	}
	ctx := newBrowser(t, width, height)
	logIn(t, ctx, e)
	shots := []struct{ path, file string }{
		{"/admin/", "admin-dashboard.png"},
		{"/admin/faqs?try=" + urlQuery("研修はどこで何ヶ月くらいありますか"), "admin-faqs.png"},
	}
	if extra := os.Getenv("SAKEBOT_SCREENSHOT_EXTRA"); extra != "" { // more pages, to look at while styling
		for i, p := range strings.Split(extra, ",") {
			shots = append(shots, struct{ path, file string }{p, "extra-" + string(rune('a'+i)) + ".png"})
		}
	}
	for _, s := range shots {
		do(t, ctx, "open "+s.path, chromedp.Navigate(e.srv.URL+s.path), chromedp.WaitVisible(chromedp.CSS("main")))
		shot := chromedp.FullScreenshot(100)
		if s.file == "admin-faqs.png" || width != 1280 { // the top of the page: the 「試す」 box and the first entries
			shot = chromedp.CaptureScreenshot()
		}
		png := get(t, ctx, "screenshot "+s.path, shot)
		out := filepath.Join(docs, s.file)
		if strings.HasPrefix(s.file, "extra-") || width != 1280 {
			out = filepath.Join(os.TempDir(), "sakebot-"+itoa(int64(width))+"-"+s.file)
		}
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", out)
	}
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

// seedShowcase fills the store with a month of plausible activity.
func seedShowcase(t *testing.T, e *env) {
	t.Helper()
	ctx := context.Background()
	people := []struct{ id, name, status string }{
		{"U01", "北見 太郎", "submitted"}, {"U02", "網走 花子", "screening"}, {"U03", "佐藤 健", "interview"},
		{"U04", "鈴木 美咲", "offer"}, {"U05", "高橋 大輔", "screening"}, {"U06", "田中 さくら", "submitted"},
		{"U07", "伊藤 翔", "declined"}, {"U08", "渡辺 結衣", "interview"},
	}
	for _, p := range people {
		a := addApplication(t, e.store, p.id, p.name, "地元の北見で、ITの仕事に挑戦したいと考えています。")
		if p.status != "submitted" {
			if _, err := e.store.SetApplicationStatus(ctx, a.ID, bot.Status(p.status), "admin"); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, q := range []string{"寮の家賃はいくらですか", "寮の家賃はいくらですか？", "寮の家賃はいくらですか", "冬の通勤は大変ですか",
		"冬の通勤は大変ですか", "副業はできますか", "大学院生でも応募できますか", "車の免許は必要ですか"} {
		if err := e.store.RecordMiss(ctx, q, faq.Normalize(q)); err != nil {
			t.Fatal(err)
		}
	}
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U03"}
	err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
		return tx.RecordHandoff(ctx, &bot.Handoff{Key: key, Reason: "requested", Question: "面談の日程を相談したいです"})
	})
	if err != nil {
		t.Fatal(err)
	}
	logMonth(t, e.dbURL, e.clock.Now())
}

// logMonth writes 30 days of question_log rows, more on recent days.
func logMonth(t *testing.T, dbURL string, now time.Time) {
	t.Helper()
	driver, dsn := "postgres", dbURL
	if path, ok := strings.CutPrefix(dbURL, "sqlite:"); ok {
		driver, dsn = "sqlite", path+"?_pragma=busy_timeout(10000)"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	insert := sqlx.Rebind(sqlx.BindType(driver),
		`INSERT INTO question_log (at, channel, outcome, faq_id) VALUES (?, ?, ?, ?)`)
	popular := []string{"training-period", "how-to-apply", "work-style", "who-can-apply", "kitami-winter",
		"it-inexperienced", "return-to-kitami"}
	rng := rand.New(rand.NewPCG(7, 26))
	for day := 29; day >= 0; day-- {
		n := 4 + rng.IntN(8) + (30-day)/3
		for i := 0; i < n; i++ {
			at := now.AddDate(0, 0, -day).Add(-time.Duration(rng.IntN(8*60)) * time.Minute)
			outcome, faq := "answered", popular[min(rng.IntN(len(popular)), rng.IntN(len(popular)))]
			switch r := rng.IntN(10); {
			case r == 0:
				outcome, faq = "ambiguous", ""
			case r <= 2:
				outcome, faq = "missed", ""
			}
			if _, err := db.Exec(insert, at.UTC().Format("2006-01-02T15:04:05.000000Z"), "line", outcome, faq); err != nil {
				t.Fatal(err)
			}
		}
	}
}
