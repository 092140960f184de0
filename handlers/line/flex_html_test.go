package line

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// flexHTML draws LINE messages (the JSON render sends) as a simple HTML
// page that looks like the chat: text bubbles, Flex bubbles and carousels
// laid out with CSS flexbox, the quick replies at the bottom. It knows only
// the Flex features sakebot uses; it is for the README's picture, not a
// Flex simulator.
func flexHTML(msgs []map[string]any) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><meta charset="utf-8"><style>
body{margin:0;font-family:"Noto Sans CJK JP","Noto Sans JP",sans-serif;background:#8CABD9}
#stage{width:820px;padding:16px 0 16px 16px;display:flex;flex-direction:column;gap:10px}
.msg{display:flex;gap:8px;align-items:flex-start}
.icon{width:36px;height:36px;border-radius:50%;background:#0E7C66;color:#fff;font-size:12px;display:flex;align-items:center;justify-content:center;flex:none}
.text{background:#fff;border-radius:16px;padding:10px 14px;max-width:520px;font-size:14px;line-height:1.5;white-space:pre-wrap}
.carousel{display:flex;gap:8px;overflow:hidden}
.bubble{background:#fff;border-radius:14px;overflow:hidden;flex:none;display:flex;flex-direction:column}
.bubble.kilo{width:240px}.bubble.mega{width:300px}
.section{padding:14px}.section.header{padding-bottom:0}.section.footer{padding-top:0;margin-top:auto}
.box{display:flex;min-width:0}.v{flex-direction:column}.h{flex-direction:row}.b{flex-direction:row;align-items:baseline}
.t{min-width:0;line-height:1.4;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.t.wrap{white-space:normal;overflow-wrap:anywhere}
.btn{border-radius:8px;display:flex;align-items:center;justify-content:center;font-size:14px;height:40px}
.quick{display:flex;gap:8px;padding-left:44px}.chip{background:#fff;border:1px solid #0E7C66;color:#0E7C66;border-radius:18px;padding:6px 14px;font-size:13px}
</style><div id="stage">`)
	var quick []any
	for _, m := range msgs {
		b.WriteString(`<div class="msg"><div class="icon">bot</div>`)
		switch m["type"] {
		case "text":
			b.WriteString(`<div class="text">` + html.EscapeString(fmt.Sprint(m["text"])) + `</div>`)
		case "flex":
			drawFlex(&b, m["contents"].(map[string]any))
		}
		b.WriteString(`</div>`)
		if qr, ok := m["quickReply"].(map[string]any); ok {
			quick, _ = qr["items"].([]any)
		}
	}
	if len(quick) > 0 {
		b.WriteString(`<div class="quick">`)
		for _, it := range quick {
			a := it.(map[string]any)["action"].(map[string]any)
			b.WriteString(`<div class="chip">` + html.EscapeString(fmt.Sprint(a["label"])) + `</div>`)
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

var flexSizes = map[string]string{"xxs": "10px", "xs": "11px", "sm": "13px", "md": "15px", "lg": "17px", "xl": "20px"}
var flexSpacing = map[string]string{"none": "0", "xs": "2px", "sm": "4px", "md": "8px", "lg": "12px", "xl": "16px"}

// drawFlex writes a Flex component and its children.
func drawFlex(b *strings.Builder, c map[string]any) {
	str := func(k string) string { s, _ := c[k].(string); return s }
	switch str("type") {
	case "carousel":
		b.WriteString(`<div class="carousel">`)
		for _, x := range c["contents"].([]any) {
			drawFlex(b, x.(map[string]any))
		}
		b.WriteString(`</div>`)
	case "bubble":
		size := str("size")
		if size == "" {
			size = "mega"
		}
		b.WriteString(`<div class="bubble ` + size + `">`)
		for _, part := range []string{"header", "body", "footer"} {
			if box, ok := c[part].(map[string]any); ok {
				style := ""
				if p, ok := box["paddingBottom"].(string); ok {
					style = ` style="padding-bottom:` + flexSpacing[p] + `"`
				}
				b.WriteString(`<div class="section ` + part + `"` + style + `>`)
				drawFlex(b, box)
				b.WriteString(`</div>`)
			}
		}
		b.WriteString(`</div>`)
	case "box":
		layout := map[string]string{"vertical": "v", "horizontal": "h", "baseline": "b"}[str("layout")]
		b.WriteString(`<div class="box ` + layout + `" style="gap:` + flexSpacing[str("spacing")] + `;` + flexStyle(c) + `">`)
		for _, x := range c["contents"].([]any) {
			drawFlex(b, x.(map[string]any))
		}
		b.WriteString(`</div>`)
	case "text":
		cls := "t"
		if w, _ := c["wrap"].(bool); w {
			cls += " wrap"
		}
		style := "font-size:" + flexSizes[str("size")] + ";color:" + str("color") + ";" + flexStyle(c)
		if str("weight") == "bold" {
			style += "font-weight:bold;"
		}
		if str("align") == "end" {
			style += "text-align:right;"
		}
		b.WriteString(`<div class="` + cls + `" style="` + style + `">` + html.EscapeString(str("text")) + `</div>`)
	case "button":
		a, _ := c["action"].(map[string]any)
		fg, bg := "#111827", str("color")
		if str("style") == "primary" {
			fg = "#fff"
		}
		b.WriteString(`<div class="btn" style="background:` + bg + `;color:` + fg + `">` + html.EscapeString(fmt.Sprint(a["label"])) + `</div>`)
	}
}

// flexStyle is a component's "flex" as CSS.
func flexStyle(c map[string]any) string {
	f, ok := c["flex"].(float64)
	if !ok {
		return ""
	}
	if f == 0 {
		return "flex:none;"
	}
	return fmt.Sprintf("flex:%g 1 0;", f)
}

// screenshotFlex draws the messages in raw (render's JSON) in headless
// Chromium and returns a PNG of them.
func screenshotFlex(t *testing.T, raw []byte) []byte {
	t.Helper()
	var msgs []map[string]any
	if err := json.Unmarshal(raw, &msgs); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "carousel.html")
	if err := os.WriteFile(page, []byte(flexHTML(msgs)), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := os.Getenv("SAKEBOT_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(900, 600))
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()
	err := chromedp.Do(tab, chromedp.EmulateViewport(836, 400, chromedp.EmulateScale(2)), chromedp.Navigate("file://"+page))
	if err != nil {
		t.Fatalf("open the page in Chromium (%s): %v", exe, err)
	}
	png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("draw the carousel in Chromium (%s): %v", exe, err)
	}
	return png
}
