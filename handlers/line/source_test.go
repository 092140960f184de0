package line_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/store/storetest"
)

// newSource makes a source as staff would, with the code chosen.
func (e *env) newSource(code, name, welcome string) bot.Source {
	e.t.Helper()
	s := bot.Source{Code: code, Name: name, Kind: bot.SourceSession, Welcome: welcome}
	eng := bot.NewEngine(bot.Config{Store: e.store, Now: e.clock.Now})
	if err := eng.SaveSource(context.Background(), &s, "admin"); err != nil {
		e.t.Fatal(err)
	}
	return s
}

// TestSourceCodeOverLINE: the text of a QR code's link, sent through the
// signed webhook — as it comes, in full width, or edited around a
// question — tags the student and gets the source's welcome with the
// menu, not an FAQ answer; an unknown code gets the greeting; 配信停止 and
// 配信再開 are confirmed.
func TestSourceCodeOverLINE(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, url string) {
		e := newEnv(t, url)
		src := e.newSource("K0612", "北見工業大学 12月説明会", "12月説明会にご参加いただきありがとうございました！")
		for i, text := range []string{
			"#K0612 北見工業大学 12月説明会から来ました",
			"＃ｋ０６１２　北見工業大学 12月説明会から来ました",
			"#K0612 研修は何ヶ月ですか",
		} {
			user := "Usrc" + string(rune('A'+i))
			e.send(e.text(user, text))
			got := e.lastTexts()
			if !strings.Contains(got, src.Welcome) || strings.Contains(got, "4ヶ月") {
				t.Fatalf("after %q: %s", text, got)
			}
			if _, ok := e.quickReplies()["応募する"]; !ok {
				t.Fatalf("after %q: no menu: %v", text, e.quickReplies())
			}
		}
		counts, err := e.store.SourceCounts(context.Background())
		if err != nil || len(counts) != 1 || counts[0].Students != 3 || counts[0].Arrivals != 3 {
			t.Fatalf("counts: %+v %v", counts, err)
		}
		e.send(e.text("UsrcX", "#Q0000 説明会から来ました"))
		if got := e.lastTexts(); !strings.Contains(got, "こんにちは！サケモデル") {
			t.Fatalf("unknown code: %s", got)
		}
		e.send(e.text("UsrcA", "配信停止"))
		if got := e.lastTexts(); !strings.Contains(got, "配信を停止します") {
			t.Fatalf("配信停止: %s", got)
		}
		e.send(e.text("UsrcA", "配信再開"))
		if got := e.lastTexts(); !strings.Contains(got, "配信を再開します") {
			t.Fatalf("配信再開: %s", got)
		}
	})
}
