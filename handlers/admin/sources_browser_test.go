package admin_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/sakemodel/sakebot/bot"
)

// seedSourcesA11y adds sources (one disabled, one with students who came
// and applied) and returns the sources pages to audit.
func seedSourcesA11y(t *testing.T, e *env) []a11yPage {
	t.Helper()
	ctx := context.Background()
	src := bot.Source{Name: "北見工業大学 12月説明会", Kind: bot.SourceSession, Welcome: "説明会へのご参加ありがとうございました！\n気になることは何でも聞いてください。"}
	if err := e.engine.SaveSource(ctx, &src, "admin"); err != nil {
		t.Fatal(err)
	}
	poster := bot.Source{Name: "学内ポスター（掲示板）", Kind: bot.SourcePoster}
	if err := e.engine.SaveSource(ctx, &poster, "admin"); err != nil {
		t.Fatal(err)
	}
	if err := e.engine.SetSourceDisabled(ctx, poster.ID, true, "admin"); err != nil {
		t.Fatal(err)
	}
	e.arrive(src.ID, "U-a11y-src-1")
	e.arrive(src.ID, "U-a11y-src-2")
	addApplication(t, e.store, "U-a11y-src-1", "北見 一郎", "")
	path := "/admin/sources/" + itoa(src.ID)
	return []a11yPage{
		{name: "流入経路一覧", path: "/admin/sources"},
		{name: "流入経路作成", path: "/admin/sources/new"},
		{name: "流入経路作成（入力エラー）", path: "/admin/sources/new", then: []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`form[action="/admin/sources"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".field-error")),
		}},
		{name: "流入経路", path: path},
		{name: "流入経路（停止中）", path: "/admin/sources/" + itoa(poster.ID)},
		{name: "流入経路編集", path: path + "/edit"},
	}
}
