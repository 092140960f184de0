package webchat_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// TestOpenWithSourceCode: the page opened with ?src= sends the code with
// its open event; the visitor is tagged and welcomed with the source's
// message, once per code however often the page is opened, and a visitor
// who has talked already is tagged and welcomed too; a code that is no
// code opens as usual.
func TestOpenWithSourceCode(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		ctx := context.Background()
		src := bot.Source{Code: "W0001", Name: "採用サイト", Kind: bot.SourceWeb, Welcome: "採用サイトからようこそ！"}
		eng := bot.NewEngine(bot.Config{Store: e.store, Now: e.clock.Now})
		if err := eng.SaveSource(ctx, &src, "admin"); err != nil {
			t.Fatal(err)
		}
		v := e.newVisitor()
		s := v.open(0)
		s.ready()
		if status, msg := v.post(map[string]string{"id": newClientID(), "kind": "open", "src": "w0001"}); status != 202 {
			t.Fatalf("open = %d %s", status, msg)
		}
		s.botSays(src.Welcome)
		if status, _ := v.post(map[string]string{"id": newClientID(), "kind": "open", "src": "W0001"}); status != 202 {
			t.Fatalf("second open = %d", status)
		}
		if l, quiet := s.quiet(700 * time.Millisecond); !quiet {
			t.Errorf("a second open with the code was answered: %+v", l)
		}
		counts, err := e.store.SourceCounts(ctx)
		if err != nil || len(counts) != 1 || counts[0].Students != 1 || counts[0].Arrivals != 1 {
			t.Fatalf("counts: %+v %v", counts, err)
		}

		w := e.newVisitor()
		ws := w.open(0)
		ws.ready()
		w.post(map[string]string{"id": newClientID(), "kind": "open", "src": "<b>x</b>"})
		g := ws.until(func(l line) bool { return l.From == "bot" })
		if got := g[len(g)-1].text(); !strings.Contains(got, "こんにちは！サケモデル") {
			t.Fatalf("a bad code: %q", got)
		}
		w.post(map[string]string{"id": newClientID(), "kind": "open", "src": "W0001"})
		ws.botSays(src.Welcome)
		counts, err = e.store.SourceCounts(ctx)
		if err != nil || counts[0].Students != 2 {
			t.Fatalf("counts: %+v %v", counts, err)
		}
	})
}
