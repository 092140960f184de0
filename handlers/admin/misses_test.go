package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
)

// recordMisses counts questions the bot could not answer, as the engine does.
func recordMisses(t *testing.T, e *env, questions ...string) map[string]bot.Miss {
	t.Helper()
	ctx := context.Background()
	for _, q := range questions {
		if err := e.store.RecordMiss(ctx, q, faq.Normalize(q)); err != nil {
			t.Fatal(err)
		}
	}
	misses, err := e.store.ListMisses(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	byQuestion := map[string]bot.Miss{}
	for _, m := range misses {
		byQuestion[m.Question] = m
	}
	return byQuestion
}

func TestMissesList(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		misses := recordMisses(t, e, "副業はできますか", "寮の家賃はいくらですか", "寮の家賃はいくらですか", "寮の家賃はいくらですか？")
		r := e.get("/admin/misses")
		wantBody(t, r, "3回", "1回", "FAQを作成", "既存のFAQに追加", "一覧から外す")
		if strings.Index(r.Body, "寮の家賃") > strings.Index(r.Body, "副業") {
			t.Error("the most frequent question is not first")
		}
		// Dismiss.
		r = e.post("/admin/misses/"+itoa(misses["副業はできますか"].ID)+"/dismiss", url.Values{"csrf": {e.csrf()}})
		wantRedirect(t, r, "/admin/misses?msg=dismissed")
		if strings.Contains(e.get("/admin/misses").Body, "副業") {
			t.Error("a dismissed question is still listed")
		}
	})
}

func TestMissBecomesANewFAQ(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		m := recordMisses(t, e, "副業はできますか")["副業はできますか"]
		// The editor opens with the question filled in.
		r := e.get("/admin/faqs/new?miss=" + itoa(m.ID))
		wantBody(t, r, `value="副業はできますか"`, `name="miss" value="`+itoa(m.ID)+`"`)
		r = e.post("/admin/faqs", url.Values{"csrf": {e.csrf()}, "miss": {itoa(m.ID)}, "id": {"side-job"},
			"category": {"働き方"}, "question": {"副業はできますか"}, "answer": {"就業規則の範囲で相談できます。"}, "enabled": {"true"}})
		loc := wantRedirect(t, r, "/admin/faqs/side-job/edit?")
		wantBody(t, e.get(loc), "回答します", "就業規則の範囲で相談できます。")
		if strings.Contains(e.get("/admin/misses").Body, "副業") {
			t.Error("the question is still listed after its entry was made")
		}
	})
}

func TestMissBecomesAnAlternative(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		const q = "リモートの研修もありますか"
		m := recordMisses(t, e, q)[q]
		r := e.get("/admin/misses/" + itoa(m.ID) + "/attach")
		wantBody(t, r, q, "近いFAQ", "追加先のFAQ")
		// Nothing chosen.
		r = e.post("/admin/misses/"+itoa(m.ID)+"/attach", url.Values{"csrf": {e.csrf()}, "faq": {""}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "追加先のFAQを選んでください")

		before, _ := e.store.FAQ(ctx, "training-content")
		r = e.post("/admin/misses/"+itoa(m.ID)+"/attach", url.Values{"csrf": {e.csrf()}, "faq": {"training-content"}})
		loc := wantRedirect(t, r, "/admin/faqs/training-content/edit?")
		after, _ := e.store.FAQ(ctx, "training-content")
		if len(after.Alternatives) != len(before.Alternatives)+1 || after.Alternatives[len(after.Alternatives)-1] != q {
			t.Errorf("alternatives = %v", after.Alternatives)
		}
		r = e.get(loc)
		wantBody(t, r, "別の言い方」として追加しました", q, "このFAQ")
		if strings.Contains(e.get("/admin/misses").Body, q) {
			t.Error("the question is still listed")
		}
		wantStatus(t, e.get("/admin/misses/"+itoa(m.ID)+"/attach"), http.StatusNotFound)
	})
}
