package admin_test

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
)

// TestTrySaysWhatTheBotDoes checks the 「試す」 box in words: which entry
// answers, which are offered to choose from, or that a person is offered;
// the scores only inside 「スコアを見る」.
func TestTrySaysWhatTheBotDoes(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		seen := map[faq.Outcome]bool{}
		for _, q := range []string{"研修はどこで何ヶ月ありますか", "応募", "趣味の時間はありますか", "宇宙旅行はできますか"} {
			m, err := e.engine.Answerer().Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			seen[m.Outcome] = true
			r := e.get("/admin/faqs?try=" + urlQuery(q))
			body := r.Body
			if i := strings.Index(body, `<div class="try-result"`); i >= 0 {
				body = body[i:]
			} else {
				t.Fatalf("%s: no result shown", q)
			}
			link := func(f faq.FAQ) string {
				return `<a href="/admin/faqs/` + f.ID + `/edit">` + template.HTMLEscapeString(f.Question) + `</a>`
			}
			switch m.Outcome {
			case faq.Answered:
				wantBody(t, response{r.Response, body}, "この質問には「"+link(m.Candidates[0].FAQ)+"」の回答を返します。",
					template.HTMLEscapeString(m.Candidates[0].FAQ.Answer))
			case faq.Ambiguous, faq.Suggested:
				want := []string{"近い候補を示して選んでもらいます："}
				for _, c := range m.Candidates {
					want = append(want, "<li>"+link(c.FAQ)+"</li>")
				}
				if m.Outcome == faq.Suggested {
					want = append(want, "「担当者と話す」も選べる")
				}
				wantBody(t, response{r.Response, body}, want...)
			default:
				wantBody(t, response{r.Response, body}, "回答できるFAQがありません。担当者をご案内します。")
			}
			details := strings.Index(body, "<summary>スコアを見る</summary>")
			if len(m.Candidates) > 0 && details < 0 {
				t.Errorf("%s: the scores cannot be shown:\n%s", q, clip(body))
			}
			for _, jargon := range []string{"スコア 0", "スコア 1", fmt.Sprintf("%.2f", faq.AnswerThreshold)} {
				if i := strings.Index(body, jargon); i >= 0 && (details < 0 || i < details) {
					t.Errorf("%s: %q shown outside 「スコアを見る」:\n%s", q, jargon, clip(body))
				}
			}
		}
		if !seen[faq.Answered] || !seen[faq.Missed] || !seen[faq.Ambiguous] && !seen[faq.Suggested] {
			t.Errorf("the questions tried gave only %v; pick questions that answer, offer choices and miss", seen)
		}
	})
}
