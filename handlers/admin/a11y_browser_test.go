package admin_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/handlers/admin"
	"github.com/sakemodel/sakebot/store/storetest"
	"github.com/sakemodel/sakebot/worker"
)

// axeFile is axe-core, vendored from the npm registry (see testdata/README.md).
const axeFile = "testdata/axe.min.js"

// axeRun runs axe-core's WCAG 2.1 A and AA rules on the page and returns
// the violations, each with the CSS selectors of the elements at fault.
const axeRun = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
	resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || '', help: v.help,
	nodes: v.nodes.map(n => ({target: n.target.map(String).join(' '), summary: n.failureSummary || ''})),
})))`

// axeViolation is one rule axe-core found broken, with where.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// a11yViewport is a window size the pages are checked at.
type a11yViewport struct {
	name          string
	width, height int64
	mobile        bool
}

// a11yViewports are a desktop and a phone (390 CSS px, an iPhone's width).
var a11yViewports = []a11yViewport{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}}

// a11yPage is one state of a page to check: its address, and what to do
// there first (submit a form, say), if anything.
type a11yPage struct {
	name string
	path string
	then []chromedp.Action[chromedp.Void]
}

// TestAccessibilityInBrowser runs axe-core (WCAG 2.1 A and AA) in a real
// headless Chromium over every page of the admin site, seeded so that each
// shows real content, at a desktop width and a phone's, and fails on any
// serious or critical violation. It also checks by hand what axe cannot: a
// skip link comes first and moves focus to the content, the FAQ list has
// one tab stop per entry, the focus ring shows (3:1 against what is behind
// it, not clipped), and the chart's labels fit.
func TestAccessibilityInBrowser(t *testing.T) {
	chromium(t) // skip early, before the database is made, when there is no browser
	t.Parallel()
	axe, err := os.ReadFile(axeFile)
	if err != nil {
		t.Fatalf("read axe-core: %v", err)
	}
	base := newEnv(t, storetest.SQLiteURL(t))
	out := base.outreach()
	e := base.withConfig(func(c *admin.Config) {
		c.Quota, c.Calendar = fixedQuota(57, 200), &feedSecrets{secret: "a11y-secret"}
		wireOutreach(c, base, out)
	})
	pages := append(append(seedA11y(t, e), seedEventsA11y(t, e)...), seedSourcesA11y(t, e)...)
	pages = append(pages, seedOutreachA11y(t, e, out)...)
	checkEveryPageAudited(t, pages)
	for _, vp := range a11yViewports {
		t.Run(vp.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t, 1280, 900)
			do(t, ctx, "set the viewport", a11yEmulate(vp))

			a11yAudit(t, ctx, string(axe), vp, e.srv.URL, a11yPage{name: "ログイン", path: "/admin/login"})
			logIn(t, ctx, e)
			for _, p := range pages {
				a11yAudit(t, ctx, string(axe), vp, e.srv.URL, p)
			}

			t.Run("skip link", func(t *testing.T) { checkSkipLink(t, ctx, e.srv.URL+"/admin/faqs") })
			t.Run("one tab stop per FAQ", func(t *testing.T) { checkFAQTabStops(t, ctx, e) })
			t.Run("focus ring", func(t *testing.T) {
				for _, path := range []string{"/admin/", "/admin/faqs/training-period/edit", "/admin/misses",
					"/admin/applications/" + itoa(a11yApp(pages)), "/admin/events", "/admin/events/new"} {
					checkFocusRing(t, ctx, e.srv.URL+path)
				}
			})
			t.Run("chart labels", func(t *testing.T) { checkChartLabels(t, ctx, e.srv.URL+"/admin/") })

			do(t, ctx, "log out",
				chromedp.Navigate(e.srv.URL+"/admin/"),
				chromedp.Click(chromedp.CSS(`.logout button`)),
				chromedp.WaitVisible(chromedp.CSS("#password")))
			a11yAudit(t, ctx, string(axe), vp, e.srv.URL, a11yPage{name: "ログアウト後", path: ""})
		})
	}
}

// a11yEmulate sets the browser's viewport to vp.
func a11yEmulate(vp a11yViewport) chromedp.Action[chromedp.Void] {
	if vp.mobile {
		return chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateMobile, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(vp.width, vp.height)
}

// a11yAudit opens the page (stays on the current one when p.path is empty),
// runs axe-core there and fails on every serious or critical violation.
func a11yAudit(t *testing.T, ctx context.Context, axe string, vp a11yViewport, base string, p a11yPage) {
	t.Helper()
	steps := []chromedp.Action[chromedp.Void]{}
	if p.path != "" {
		steps = append(steps, chromedp.Navigate(base+p.path), chromedp.WaitVisible(chromedp.CSS("main")))
	}
	steps = append(steps, p.then...)
	do(t, ctx, "open "+p.name, steps...)
	do(t, ctx, "load axe-core", chromedp.Evaluate[chromedp.Void](`typeof axe === 'undefined' && (()=>{`+axe+`
})()`))
	found := get(t, ctx, "run axe-core on "+p.name, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
	n, nodes := 0, 0
	for _, v := range found {
		if v.Impact != "serious" && v.Impact != "critical" {
			continue
		}
		n++
		nodes += len(v.Nodes)
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s (%s): %s [%s]", vp.name, p.name, p.path, v.ID, v.Impact)
		fmt.Fprintf(&b, "\n\t%s", v.Help)
		for _, node := range v.Nodes {
			fmt.Fprintf(&b, "\n\t- %s", node.Target)
			if s := strings.ReplaceAll(node.Summary, "\n", " "); s != "" {
				fmt.Fprintf(&b, ": %s", s)
			}
		}
		t.Error(b.String())
	}
	t.Logf("axe %s %s: %d serious or critical violations (%d elements), %d violations in all",
		vp.name, p.name, n, nodes, len(found))
}

// mustOK fails the test at once on an error while seeding.
func mustOK(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// seedA11y fills the store so that every page has real content (entries
// with categories, one disabled; a synonym group; applications in every
// status; handoffs waiting, one a conversation in 対応中の会話; questions on
// the chart; unanswered questions, one with a pick; staff accounts) and
// returns the pages to check, in each state worth checking (the 「試す」
// result of every kind, a form with its errors).
func seedA11y(t *testing.T, e *env) []a11yPage {
	t.Helper()
	ctx := context.Background()
	var app bot.Application
	for i, status := range bot.Statuses {
		a := addApplication(t, e.store, fmt.Sprintf("U-a11y-%d", i), "北見 太郎"+itoa(int64(i)), "北見で働きたいです。")
		if status != bot.StatusSubmitted {
			_, err := e.store.SetApplicationStatus(ctx, a.ID, status, "admin")
			mustOK(t, err)
		}
		if status == bot.StatusInterview {
			app = a
		}
	}
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-a11y-0"}
	mustOK(t, e.store.InTx(ctx, key, func(tx bot.Tx) error {
		if err := tx.RecordHandoff(ctx, &bot.Handoff{Key: key, Reason: bot.HandoffAsked, Question: "寮の費用はいくらですか？"}); err != nil {
			return err
		}
		for _, q := range [][2]string{{"answered", "training-period"}, {"answered", "holidays"}, {"answered", "holidays"},
			{"ambiguous", ""}, {"missed", ""}} {
			if err := tx.RecordQuestion(ctx, bot.ChannelLINE, q[0], q[1]); err != nil {
				return err
			}
		}
		id, err := tx.RecordMiss(ctx, "副業はできますか", faq.Normalize("副業はできますか"))
		if err != nil {
			return err
		}
		return tx.RecordMissPick(ctx, id, "work-style")
	}))
	mustOK(t, e.store.RecordMiss(ctx, "ペットは飼えますか", faq.Normalize("ペットは飼えますか")))
	misses, err := e.store.ListMisses(ctx, 0)
	mustOK(t, err)
	if len(misses) == 0 {
		t.Fatal("no unanswered questions stored")
	}
	mustOK(t, e.store.SaveConcept(ctx, faq.Concept{Name: "事務所", Words: []string{"事務所", "職場", "オフィス"}}, "admin"))
	recruiter := bot.Staff{Email: "sato@example.jp", Name: "佐藤 花子", Role: bot.RoleRecruiter}
	mustOK(t, e.store.CreateStaff(ctx, &recruiter, "not-a-hash", "test"))
	mustOK(t, e.store.CreateStaff(ctx, &bot.Staff{Email: "kato@example.jp", Name: "加藤 一郎", Role: bot.RoleViewer}, "not-a-hash", "test"))

	// A student asks for a person and writes on: a conversation waits in 対応中の会話.
	talker := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-a11y-talk"}
	for i, text := range []string{"担当者と話したい", "面談の日程を相談したいです"} {
		_, err := e.store.AcceptEvents(ctx, []worker.Event{{ID: fmt.Sprintf("a11y-talk-%d", i),
			Incoming: bot.Incoming{Key: talker, Kind: bot.KindMessage, Text: text}}})
		mustOK(t, err)
		_, err = e.worker.ProcessEvents(ctx)
		mustOK(t, err)
	}
	waiting, err := e.store.WaitingHandoffs(ctx, 10)
	mustOK(t, err)
	if len(waiting) == 0 {
		t.Fatal("no conversation waits for staff")
	}
	f, err := e.store.FAQ(ctx, "kitami-winter")
	mustOK(t, err)
	f.Enabled, f.UpdatedBy = false, "admin"
	mustOK(t, e.store.UpdateFAQ(ctx, &f))

	try := func(q string) string { return "/admin/faqs?try=" + url.QueryEscape(q) }
	missID := itoa(misses[0].ID)
	return []a11yPage{
		{name: "ダッシュボード", path: "/admin/"},
		{name: "FAQ一覧", path: "/admin/faqs"},
		{name: "FAQ一覧（試す：回答）", path: try("研修はどこで何ヶ月ありますか")},
		{name: "FAQ一覧（試す：候補）", path: try("応募")},
		{name: "FAQ一覧（試す：もしかして）", path: try("趣味の時間はありますか")},
		{name: "FAQ一覧（試す：回答できず）", path: try("副業はできますか")},
		{name: "FAQ追加", path: "/admin/faqs/new"},
		{name: "FAQ追加（入力エラー）", path: "/admin/faqs/new", then: []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`form[action="/admin/faqs"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".field-error")),
		}},
		{name: "FAQ追加（未回答から）", path: "/admin/faqs/new?miss=" + missID},
		{name: "FAQ編集", path: "/admin/faqs/training-period/edit?try=" + url.QueryEscape("研修の期間は")},
		{name: "FAQ削除", path: "/admin/faqs/training-period/delete"},
		{name: "FAQ取り込み", path: "/admin/faqs/import"},
		{name: "言い換え一覧", path: "/admin/concepts"},
		{name: "言い換え追加", path: "/admin/concepts/new"},
		{name: "言い換え編集", path: "/admin/concepts/edit?name=" + url.QueryEscape("事務所")},
		{name: "言い換え削除", path: "/admin/concepts/delete?name=" + url.QueryEscape("事務所")},
		{name: "未回答の質問", path: "/admin/misses"},
		{name: "既存のFAQに追加", path: "/admin/misses/" + missID + "/attach"},
		{name: "応募一覧", path: "/admin/applications"},
		{name: "応募一覧（絞り込み）", path: "/admin/applications?status=interview&q=" + url.QueryEscape("北見")},
		{name: "応募詳細", path: "/admin/applications/" + itoa(app.ID)},
		{name: "対応中の会話", path: "/admin/inbox"},
		{name: "会話", path: "/admin/inbox/" + itoa(waiting[0].ID)},
		{name: "アカウント一覧", path: "/admin/staff"},
		{name: "アカウント編集", path: "/admin/staff/" + itoa(recruiter.ID)},
		{name: "自分のアカウント", path: "/admin/account"},
		{name: "変更の履歴", path: "/admin/audit"},
		{name: "ページがありません", path: "/admin/no-such-page"},
	}
}

// a11yNotPages are the GET routes that answer with something else than a page.
var a11yNotPages = map[string]bool{"/admin/faqs/export.yaml": true, "/admin/applications.csv": true,
	"/admin/inbox/live": true, "/admin/inbox/{id}/live": true, // parts of a page, for its script
	"/admin/sources.csv": true, "/admin/sources/{id}/qr.png": true, "/admin/sources/{id}/qr.svg": true}

// a11yRoutePattern finds the GET routes in routes.go.
var a11yRoutePattern = regexp.MustCompile(`"GET (/admin/[^"]*)"`)

// checkEveryPageAudited fails the test when a page of routes.go is not
// among the pages audited, so that a new page is checked from the start.
func checkEveryPageAudited(t *testing.T, pages []a11yPage) {
	t.Helper()
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range a11yRoutePattern.FindAllStringSubmatch(string(src), -1) {
		route := m[1]
		if a11yNotPages[route] {
			continue
		}
		parts := strings.Split(strings.TrimSuffix(route, "{$}"), "/")
		for i, part := range parts {
			if strings.HasPrefix(part, "{") {
				parts[i] = `[^/]+`
			} else {
				parts[i] = regexp.QuoteMeta(part)
			}
		}
		match := regexp.MustCompile("^" + strings.Join(parts, "/") + "$")
		found := route == "/admin/login"
		for _, p := range pages {
			path, _, _ := strings.Cut(p.path, "?")
			found = found || match.MatchString(path)
		}
		if !found {
			t.Errorf("the page %s is not audited: add it, with content, to seedA11y", route)
		}
	}
}

// a11yApp is the id of the application whose page is among pages.
func a11yApp(pages []a11yPage) int64 {
	for _, p := range pages {
		if id, ok := strings.CutPrefix(p.path, "/admin/applications/"); ok {
			var n int64
			fmt.Sscan(id, &n)
			return n
		}
	}
	return 0
}

// a11yFocusJS describes the focused element: where it is, whether it shows a
// focus ring, the contrast of the ring against what is behind it (the
// ring composited over the nearest opaque background outside the element)
// and the element that clips the ring, if any.
const a11yFocusJS = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body || el === document.documentElement) return null;
	const parse = c => {
		const m = /rgba?\(([^)]*)\)/.exec(c);
		if (!m) return null;
		const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
		return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
	};
	const over = (c, bg) => ({r: c.r*c.a + bg.r*(1-c.a), g: c.g*c.a + bg.g*(1-c.a), b: c.b*c.a + bg.b*(1-c.a), a: 1});
	const background = n => {
		const layers = [];
		for (; n; n = n.parentElement) {
			const c = parse(getComputedStyle(n).backgroundColor);
			if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
		}
		let out = {r: 255, g: 255, b: 255, a: 1};
		for (const c of layers.reverse()) out = over(c, out);
		return out;
	};
	const lum = c => {
		const f = v => { v /= 255; return v <= 0.04045 ? v/12.92 : Math.pow((v+0.055)/1.055, 2.4); };
		return 0.2126*f(c.r) + 0.7152*f(c.g) + 0.0722*f(c.b);
	};
	const ratio = (x, y) => { const a = lum(x), b = lum(y); return (Math.max(a, b)+0.05) / (Math.min(a, b)+0.05); };
	const name = n => n.tagName.toLowerCase() + (n.id ? '#'+n.id : '') +
		(typeof n.className === 'string' && n.className ? '.'+n.className.trim().split(/\s+/).join('.') : '');
	const cs = getComputedStyle(el);
	const width = parseFloat(cs.outlineWidth) || 0, offset = parseFloat(cs.outlineOffset) || 0;
	const behind = background(offset >= 0 ? el.parentElement : el);
	const color = parse(cs.outlineColor);
	const ring = color ? over(color, behind) : behind;
	const r = el.getBoundingClientRect(), grow = Math.max(offset, 0) + width;
	let clippedBy = '';
	for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
		const s = getComputedStyle(a);
		if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
		const ar = a.getBoundingClientRect();
		const left = ar.left + a.clientLeft, top = ar.top + a.clientTop;
		if (r.left-grow < left-0.5 || r.top-grow < top-0.5 ||
			r.right+grow > left+a.clientWidth+0.5 || r.bottom+grow > top+a.clientHeight+0.5) { clippedBy = name(a); break; }
	}
	const row = el.closest('.faq-table tbody tr');
	return {
		element: name(el) + (el.getAttribute('href') ? '[href="'+el.getAttribute('href')+'"]' : '') +
			(el.textContent.trim() ? ' 「'+el.textContent.trim().slice(0, 20)+'」' : ''),
		href: el.getAttribute('href') || '',
		inHeader: !!el.closest('header'), inMain: !!el.closest('main'),
		row: row ? Array.prototype.indexOf.call(row.parentElement.children, row) : -1,
		outline: cs.outlineStyle, width: width, contrast: ratio(ring, behind), clippedBy: clippedBy,
		visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.left < innerWidth,
	};
})()`

// a11yFocus is what a11yFocusJS reports.
type a11yFocus struct {
	Element   string  `json:"element"`
	Href      string  `json:"href"`
	InHeader  bool    `json:"inHeader"`
	InMain    bool    `json:"inMain"`
	Row       int     `json:"row"`
	Outline   string  `json:"outline"`
	Width     float64 `json:"width"`
	Contrast  float64 `json:"contrast"`
	ClippedBy string  `json:"clippedBy"`
	Visible   bool    `json:"visible"`
}

// a11yTab presses Tab and reports the element that has the focus then (nil
// when none has).
func a11yTab(t *testing.T, ctx context.Context) *a11yFocus {
	t.Helper()
	do(t, ctx, "press Tab", chromedp.KeyEvent(kb.Tab))
	return get(t, ctx, "read the focus", chromedp.Evaluate[*a11yFocus](a11yFocusJS))
}

// a11yTabThrough opens the page and presses Tab until the focus leaves the
// page, reporting each element focused on the way.
func a11yTabThrough(t *testing.T, ctx context.Context, pageURL string) []a11yFocus {
	t.Helper()
	do(t, ctx, "open "+pageURL, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.CSS("main")))
	var stops []a11yFocus
	for range 400 {
		f := a11yTab(t, ctx)
		if f == nil || (len(stops) > 0 && f.Element == stops[0].Element) {
			return stops
		}
		stops = append(stops, *f)
	}
	t.Fatalf("%s: the focus never left the page after %d Tab presses", pageURL, len(stops))
	return nil
}

// checkSkipLink checks that the first Tab on a page reaches a visible
// link to the content, and that following it moves the focus there.
func checkSkipLink(t *testing.T, ctx context.Context, pageURL string) {
	do(t, ctx, "open "+pageURL, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.CSS("main")))
	first := a11yTab(t, ctx)
	if first == nil || first.Href != "#main" || !first.Visible {
		t.Fatalf("the first Tab focuses %+v, want a visible skip link to #main", first)
	}
	if first.Outline == "none" || first.Contrast < 3 || first.ClippedBy != "" {
		t.Errorf("the skip link's focus ring: %+v", first)
	}
	do(t, ctx, "follow the skip link", chromedp.KeyEvent(kb.Enter))
	id := get(t, ctx, "read the focus", chromedp.Evaluate[string](`document.activeElement.id + ' ' + document.activeElement.tagName`))
	if id != "main MAIN" {
		t.Fatalf("after the skip link the focus is on %q, want main#main", id)
	}
	if next := a11yTab(t, ctx); next == nil || !next.InMain {
		t.Errorf("the Tab after the skip link focuses %+v, want the first control of the content", next)
	}
}

// checkFAQTabStops tabs through the FAQ list: each entry is one tab stop
// (its question, which opens the editor), every entry is reached.
func checkFAQTabStops(t *testing.T, ctx context.Context, e *env) {
	all, err := e.store.ListFAQs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stops := a11yTabThrough(t, ctx, e.srv.URL+"/admin/faqs")
	perRow := map[int][]string{}
	for _, f := range stops {
		if f.Row >= 0 {
			perRow[f.Row] = append(perRow[f.Row], f.Element)
		}
	}
	if len(perRow) != len(all) {
		t.Errorf("Tab reaches %d of the %d entries", len(perRow), len(all))
	}
	for row, elements := range perRow {
		if len(elements) != 1 {
			t.Errorf("entry %d takes %d tab stops, want 1: %q", row+1, len(elements), elements)
		}
	}
	t.Logf("the FAQ list (%d entries) takes %d Tab presses in all", len(all), len(stops))
}

// checkFocusRing tabs through a page: every stop shows a focus ring of at
// least 2px with 3:1 contrast against what is behind it, not clipped.
func checkFocusRing(t *testing.T, ctx context.Context, pageURL string) {
	stops := a11yTabThrough(t, ctx, pageURL)
	header := 0
	for _, f := range stops {
		if f.InHeader {
			header++
		}
		if f.Outline == "none" || f.Width < 2 || f.Contrast < 3 || f.ClippedBy != "" || !f.Visible {
			t.Errorf("%s: focus ring of %s: %s %.0fpx, contrast %.2f:1 (want 3:1), clipped by %q, visible %v",
				pageURL, f.Element, f.Outline, f.Width, f.Contrast, f.ClippedBy, f.Visible)
		}
	}
	if header < 3 {
		t.Errorf("%s: %d tab stops in the header, want the menu's", pageURL, header)
	}
}

// checkChartLabels checks that every label of the dashboard's chart lies
// within the chart, so none is cut off.
func checkChartLabels(t *testing.T, ctx context.Context, pageURL string) {
	do(t, ctx, "open "+pageURL, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
	cut := get(t, ctx, "measure the chart", chromedp.Evaluate[[]string](`(() => {
		const svg = document.querySelector('svg.chart').getBoundingClientRect();
		return Array.from(document.querySelectorAll('svg.chart text')).filter(n => {
			const r = n.getBoundingClientRect();
			return r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 || r.bottom > svg.bottom + 0.5;
		}).map(n => n.textContent);
	})()`))
	if len(cut) > 0 {
		t.Errorf("chart labels cut off: %q", cut)
	}
}
