package admin_test

import (
	"context"
	"html/template"
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

// recordPicks counts question as a miss, as the engine does when it offers
// did-you-mean choices, and then each entry of faqIDs as picked by a
// student who asked it; it returns the miss.
func recordPicks(t *testing.T, e *env, question string, faqIDs ...string) bot.Miss {
	t.Helper()
	ctx := context.Background()
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U-picks"}
	var id int64
	err := e.store.InTx(ctx, key, func(tx bot.Tx) error {
		var err error
		if id, err = tx.RecordMiss(ctx, question, faq.Normalize(question)); err != nil {
			return err
		}
		for _, f := range faqIDs {
			if err := tx.RecordMissPick(ctx, id, f); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	misses, err := e.store.ListMisses(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range misses {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("miss %d of %q is not listed", id, question)
	return bot.Miss{}
}

// entry reads a stored FAQ entry.
func (e *env) entry(t *testing.T, id string) faq.FAQ {
	t.Helper()
	f, err := e.store.FAQ(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// addButton is the one-click button that adds a question to the entry
// whose question is q, as the page shows it.
func addButton(q string) string {
	return "この質問を「" + template.HTMLEscapeString(q) + "」の言い回しに追加"
}

func TestMissPickedEntryTakesTheQuestionInOneClick(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		const q = "研修って東京で何をするの"
		m := recordPicks(t, e, q, "training-content", "training-period", "training-content", "no-such-entry")
		content, period := e.entry(t, "training-content"), e.entry(t, "training-period")

		// The list shows the picks, most picked first, with a button each;
		// an entry that is not stored is no choice.
		r := e.get("/admin/misses")
		wantBody(t, r, q, "学生が選んだFAQ", "「"+content.Question+"」", "2回選択", "「"+period.Question+"」", "1回選択",
			addButton(content.Question), addButton(period.Question),
			`action="/admin/misses/`+itoa(m.ID)+`/phrasing"`, `name="faq" value="training-content"`)
		if strings.Index(r.Body, addButton(content.Question)) > strings.Index(r.Body, addButton(period.Question)) {
			t.Error("the most picked entry is not first")
		}
		if strings.Contains(r.Body, "no-such-entry") {
			t.Error("an entry that is not stored is offered")
		}

		// One click: the question is a phrasing of the entry, saved as the
		// editor saves (a new version, audited as done on the page), and
		// the question leaves the list.
		r = e.post("/admin/misses/"+itoa(m.ID)+"/phrasing", url.Values{"csrf": {e.csrf()}, "faq": {"training-content"}})
		loc := wantRedirect(t, r, "/admin/misses?")
		after := e.entry(t, "training-content")
		if len(after.Alternatives) != len(content.Alternatives)+1 || after.Alternatives[len(after.Alternatives)-1] != q {
			t.Errorf("alternatives = %q, want %q added", after.Alternatives, q)
		}
		if after.Version != content.Version+1 || after.UpdatedBy != "admin" {
			t.Errorf("saved at version %d by %q, want %d by admin", after.Version, after.UpdatedBy, content.Version+1)
		}
		e.wantFAQEvents(t, "training-content", "seed created 1", "admin updated 2")
		e.wantFAQEvents(t, "training-period", "seed created 1")
		r = e.get(loc)
		wantBody(t, r, "質問を「"+content.Question+"」の言い回しとして追加し、一覧から外しました。")
		if strings.Contains(r.Body, q) {
			t.Error("the question is still listed")
		}
		wantAnswer(t, e.engine.Answerer(), q, "training-content", "")

		// A question the entry already has: nothing is saved, the
		// question leaves the list, and the page says so.
		m = recordPicks(t, e, q, "training-content")
		r = e.post("/admin/misses/"+itoa(m.ID)+"/phrasing", url.Values{"csrf": {e.csrf()}, "faq": {"training-content"}})
		r = e.get(wantRedirect(t, r, "/admin/misses?"))
		wantBody(t, r, "すでに登録されていたため、一覧から外しました")
		if strings.Contains(r.Body, q) {
			t.Error("the question is still listed")
		}
		if again := e.entry(t, "training-content"); again.Version != after.Version {
			t.Errorf("a known phrasing saved the entry again (version %d)", again.Version)
		}
		e.wantFAQEvents(t, "training-content", "seed created 1", "admin updated 2")

		// A question handled meanwhile (in another tab): the page says so.
		r = e.post("/admin/misses/"+itoa(m.ID)+"/phrasing", url.Values{"csrf": {e.csrf()}, "faq": {"training-content"}})
		wantBody(t, e.get(wantRedirect(t, r, "/admin/misses?msg=missgone")), "すでに対応済みの可能性があります")
	})
}

func TestMissPickedEntryDeletedSince(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		const q = "冬の北見はどれくらい寒いの"
		m := recordPicks(t, e, q, "kitami-winter")
		winter := e.entry(t, "kitami-winter")
		wantBody(t, e.get("/admin/misses"), addButton(winter.Question))
		// Someone deletes the entry while the list is open.
		if err := e.store.DeleteFAQ(ctx, "kitami-winter", 0, "admin"); err != nil {
			t.Fatal(err)
		}
		r := e.post("/admin/misses/"+itoa(m.ID)+"/phrasing", url.Values{"csrf": {e.csrf()}, "faq": {"kitami-winter"}})
		r = e.get(wantRedirect(t, r, "/admin/misses?msg=phrasing-faqgone"))
		wantBody(t, r, "選ばれたFAQはすでに削除されているため、追加できませんでした", q)
		if strings.Contains(r.Body, addButton(winter.Question)) {
			t.Error("a deleted entry is still offered")
		}
		e.wantFAQEvents(t, "kitami-winter", "seed created 1", "admin deleted 1")
	})
}

func TestMissTooLongForAPhrasing(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		e.login()
		q := "研修" + strings.Repeat("について", 60) + "教えて"
		m := recordPicks(t, e, q, "training-content")
		before := e.entry(t, "training-content")
		r := e.post("/admin/misses/"+itoa(m.ID)+"/phrasing", url.Values{"csrf": {e.csrf()}, "faq": {"training-content"}})
		r = e.get(wantRedirect(t, r, "/admin/misses?msg=phrasing-long"))
		wantBody(t, r, "200文字を超えるため", q)
		if after := e.entry(t, "training-content"); after.Version != before.Version {
			t.Errorf("the entry was saved (version %d)", after.Version)
		}
		e.wantFAQEvents(t, "training-content", "seed created 1")
		// The page that adds to an entry of one's choice says the same.
		r = e.post("/admin/misses/"+itoa(m.ID)+"/attach", url.Values{"csrf": {e.csrf()}, "faq": {"training-content"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "200文字を超えるため")
	})
}
