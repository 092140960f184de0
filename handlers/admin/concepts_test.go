package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/faqfile"
)

// storedConcept returns the stored concept named name, words joined by |,
// or "" when there is none.
func (e *env) storedConcept(t *testing.T, name string) string {
	t.Helper()
	concepts, err := e.store.ListConcepts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range concepts {
		if c.Name == name {
			return strings.Join(c.Words, "|") + " by " + c.UpdatedBy
		}
	}
	return ""
}

// wantConceptEvents checks the FAQ audit trail of concept name, as
// "actor action" strings.
func (e *env) wantConceptEvents(t *testing.T, name string, want ...string) {
	t.Helper()
	events, err := e.store.ConceptEvents(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range events {
		got = append(got, ev.Actor+" "+ev.Action)
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("audit of %s = %q, want %q", name, got, want)
	}
}

func TestConceptsPage(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		// Linked from the FAQ page and the navigation.
		wantBody(t, e.get("/admin/faqs"), `href="/admin/concepts"`, "言い換え（同義語）")
		r := e.get("/admin/concepts")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "<title>言い換え（同義語）｜", `<a href="/admin/concepts" aria-current="page">言い換え</a>`,
			"言い換えはまだありません", `href="/admin/concepts/new"`)
		wantStatus(t, e.get("/admin/concepts/new"), http.StatusOK)

		// Nothing right: every problem in Japanese, next to its field.
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "name": {" "}, "words": {"事務所\n\n"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "入力内容をご確認ください", "名前を入力してください。", "2個以上入力してください（いまは1個です）",
			`aria-invalid="true"`, ">事務所</textarea>")
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "name": {"事務所"},
			"words": {"事務所\n" + strings.Repeat("長", faq.MaxConceptWordLength+1)}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "言葉は1行30文字以内で入力してください（2行目が31文字です）。")
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "name": {"事務所"}, "words": {"職場\nオフィス\n職場"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "言葉の3行目「職場」は1行目と同じです。")
		if got := e.storedConcept(t, "事務所"); got != "" {
			t.Fatalf("a refused concept was stored: %s", got)
		}

		// A good one: one word a line (blank lines and spaces dropped), live at once.
		rev, _ := e.store.FAQRevision(ctx)
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "name": {" 事務所 "}, "words": {"事務所\r\n\r\n 職場 \r\nオフィス"}})
		wantRedirect(t, r, "/admin/concepts?msg=concept_created")
		if got := e.storedConcept(t, "事務所"); got != "事務所|職場|オフィス by admin" {
			t.Errorf("stored %q", got)
		}
		if after, _ := e.store.FAQRevision(ctx); after == rev {
			t.Error("the FAQ revision did not move: the bot would not see the concept")
		}
		r = e.get("/admin/concepts?msg=concept_created")
		wantBody(t, r, "言い換えを追加しました。", `<span class="tag">職場</span>`,
			`href="/admin/concepts/edit?name=%e4%ba%8b%e5%8b%99%e6%89%80"`)

		// The same name again is refused: it would overwrite the other.
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "name": {"事務所"}, "words": {"a\nb"}})
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "この名前の言い換えはすでにあります。")

		// Edit: the words, not the name; 、 separates words too.
		r = e.get("/admin/concepts/edit?name=" + url.QueryEscape("事務所"))
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "言い換えを編集", `name="original" value="事務所"`, ">事務所\n職場\nオフィス</textarea>")
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "original": {"事務所"}, "name": {"ignored"},
			"words": {"事務所、職場、オフィス\nサテライトオフィス"}})
		wantRedirect(t, r, "/admin/concepts?msg=concept_saved")
		if got := e.storedConcept(t, "事務所"); got != "事務所|職場|オフィス|サテライトオフィス by admin" {
			t.Errorf("after the edit: %q", got)
		}
		if got := e.storedConcept(t, "ignored"); got != "" {
			t.Error("the edit renamed or copied the concept")
		}
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "original": {"事務所"}, "words": {"事務所"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "いまは1個です", `name="original" value="事務所"`)
		wantStatus(t, e.get("/admin/concepts/edit?name=nope"), http.StatusNotFound)

		// A word in two concepts is pointed out.
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "name": {"場所"}, "words": {"場所\nどこ\nオフィス"}})
		wantRedirect(t, r, "/admin/concepts?msg=concept_created")
		wantBody(t, e.get("/admin/concepts"), "2つの言い換えに入っています", "「オフィス」：「事務所」と「場所」")

		// Delete asks first, then deletes.
		r = e.get("/admin/concepts/delete?name=" + url.QueryEscape("事務所"))
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "言い換えを削除しますか？", "事務所、職場、オフィス、サテライトオフィス", `name="name" value="事務所"`)
		r = e.post("/admin/concepts/delete", url.Values{"csrf": {csrf}, "name": {"事務所"}})
		wantRedirect(t, r, "/admin/concepts?msg=concept_deleted")
		if got := e.storedConcept(t, "事務所"); got != "" {
			t.Errorf("not deleted: %s", got)
		}
		wantStatus(t, e.post("/admin/concepts/delete", url.Values{"csrf": {csrf}, "name": {"事務所"}}), http.StatusNotFound)
		wantStatus(t, e.get("/admin/concepts/delete?name="+url.QueryEscape("事務所")), http.StatusNotFound)
		e.wantConceptEvents(t, "事務所", "admin created", "admin updated", "admin deleted")
	})
}

func TestConceptsNeedSessionAndCSRF(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		for _, p := range []string{"/admin/concepts", "/admin/concepts/new", "/admin/concepts/edit?name=x", "/admin/concepts/delete?name=x"} {
			wantRedirect(t, e.get(p), "/admin/login")
		}
		for _, p := range []string{"/admin/concepts", "/admin/concepts/delete"} {
			wantRedirect(t, e.post(p, url.Values{"csrf": {"x"}, "name": {"a"}, "words": {"a\nb"}}), "/admin/login")
		}
		e.login()
		if err := e.store.SaveConcept(context.Background(), faq.Concept{Name: "面接", Words: []string{"面接", "面談"}}, "seed"); err != nil {
			t.Fatal(err)
		}
		for _, form := range []url.Values{
			{"name": {"事務所"}, "words": {"事務所\n職場"}},
			{"csrf": {"forged"}, "name": {"事務所"}, "words": {"事務所\n職場"}},
		} {
			wantStatus(t, e.post("/admin/concepts", form), http.StatusForbidden)
		}
		wantStatus(t, e.post("/admin/concepts/delete", url.Values{"csrf": {"forged"}, "name": {"面接"}}), http.StatusForbidden)
		if got := e.storedConcept(t, "事務所"); got != "" {
			t.Error("a post without the CSRF token saved a concept")
		}
		if got := e.storedConcept(t, "面接"); got == "" {
			t.Error("a post without the CSRF token deleted a concept")
		}
	})
}

// TestConceptTextIsEscaped puts markup and awkward characters in a
// concept's name and words, and checks every page shows them as text and
// links to the concept by its name.
func TestConceptTextIsEscaped(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		const evil = `<script>alert("x")</script>`
		name := "a/../b&c=d" + evil
		e.login()
		csrf := e.csrf()
		r := e.post("/admin/concepts", url.Values{"csrf": {csrf}, "name": {name}, "words": {evil + "\n<img src=x onerror=alert(1)>"}})
		wantRedirect(t, r, "/admin/concepts?msg=concept_created")
		q := url.QueryEscape(name)
		for _, p := range []string{"/admin/concepts", "/admin/concepts/edit?name=" + q, "/admin/concepts/delete?name=" + q} {
			r := e.get(p)
			wantStatus(t, r, http.StatusOK)
			if strings.Contains(r.Body, "<script") || strings.Contains(r.Body, "<img src=x") {
				t.Errorf("%s: markup is not escaped", p)
			}
			wantBody(t, r, "&lt;script&gt;")
		}
		// The list links to pages that find the concept.
		r = e.get("/admin/concepts")
		wantBody(t, r, `href="/admin/concepts/edit?name=a%2f..%2fb%26c%3dd%3cscript%3ealert%28%22x%22%29%3c%2fscript%3e"`)
		// A form that sends the name back as typed deletes it.
		r = e.post("/admin/concepts/delete", url.Values{"csrf": {csrf}, "name": {name}})
		wantRedirect(t, r, "/admin/concepts?msg=concept_deleted")
		// NUL and control characters never reach the store.
		r = e.post("/admin/concepts", url.Values{"csrf": {csrf}, "name": {"事\x00務所"}, "words": {"事務所\n職\x00場\x07"}})
		wantRedirect(t, r, "/admin/concepts?msg=concept_created")
		if got := e.storedConcept(t, "事務所"); got != "事務所|職場 by admin" {
			t.Errorf("stored %q", got)
		}
	})
}

func TestFAQOfferPersonCheckbox(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		const box = `name="offer_person" value="true"`
		r := e.get("/admin/faqs/new")
		wantBody(t, r, "回答に「担当者と話す」ボタンを添える", box+` aria-describedby="offer-person-help">`)

		// A new entry with the button.
		r = e.post("/admin/faqs", url.Values{"csrf": {csrf}, "id": {"pets"}, "category": {"暮らし"},
			"question": {"ペットは飼えますか"}, "answer": {"住まいによります。担当者にご相談ください。"},
			"enabled": {"true"}, "offer_person": {"true"}})
		wantRedirect(t, r, "/admin/faqs/pets/edit")
		f, err := e.store.FAQ(ctx, "pets")
		if err != nil || !f.OfferPerson {
			t.Fatalf("created %+v, %v; want OfferPerson", f, err)
		}
		wantBody(t, e.get("/admin/faqs/pets/edit"), box+` aria-describedby="offer-person-help" checked>`)
		wantBody(t, e.get("/admin/faqs"), "pets・担当者ボタンあり")

		// Switching the entry off and on keeps it.
		r = e.post("/admin/faqs/pets/enabled", url.Values{"csrf": {csrf}, "enabled": {"false"}, "version": {"1"}})
		wantRedirect(t, r, "/admin/faqs?msg=disabled")
		if f, _ := e.store.FAQ(ctx, "pets"); !f.OfferPerson {
			t.Error("switching the entry off lost OfferPerson")
		}

		// Unticked, it goes.
		edit := url.Values{"csrf": {csrf}, "version": {"2"}, "category": {"暮らし"}, "question": {"ペットは飼えますか"},
			"answer": {"住まいによります。"}, "enabled": {"true"}}
		r = e.post("/admin/faqs/pets/edit", edit)
		wantRedirect(t, r, "/admin/faqs/pets/edit?")
		if f, _ := e.store.FAQ(ctx, "pets"); f.OfferPerson || f.Version != 3 {
			t.Errorf("after unticking: %+v", f)
		}

		// Someone else ticked it meanwhile: the conflict shows it.
		f, _ = e.store.FAQ(ctx, "pets")
		f.OfferPerson, f.UpdatedBy = true, "U123"
		if err := e.store.UpdateFAQ(ctx, &f); err != nil {
			t.Fatal(err)
		}
		edit.Set("version", "3")
		r = e.post("/admin/faqs/pets/edit", edit)
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "<dt>担当者ボタン</dt><dd>添える</dd>")
	})
}

func TestYAMLCarriesConceptsAndOfferPerson(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.login()
		csrf := e.csrf()
		if _, err := e.store.SeedConcepts(ctx, faqfile.DefaultConcepts()); err != nil {
			t.Fatal(err)
		}
		f, _ := e.store.FAQ(ctx, "training-period")
		f.OfferPerson = true
		if err := e.store.UpdateFAQ(ctx, &f); err != nil {
			t.Fatal(err)
		}
		r := e.get("/admin/faqs/export.yaml")
		wantStatus(t, r, http.StatusOK)
		file, err := faqfile.DecodeFile(strings.NewReader(r.Body))
		if err != nil {
			t.Fatalf("the export does not decode: %v", err)
		}
		if len(file.Concepts) != len(faqfile.DefaultConcepts()) || !strings.Contains(r.Body, "concepts:\n  - name: ") {
			t.Errorf("exported %d concepts:\n%s", len(file.Concepts), clip(r.Body))
		}
		offered, training := 0, false
		for _, f := range file.FAQs {
			if f.OfferPerson {
				offered++
				training = training || f.ID == "training-period"
			}
		}
		if !training || strings.Count(r.Body, "offer_person: true") != offered ||
			strings.Contains(r.Body, "offer_person: false") {
			t.Errorf("exported %d entries with offer_person (training-period: %v)", offered, training)
		}

		// A broken concept: its line, nothing changed.
		r = e.upload(t, csrf, "faqs:\n  - id: dorm\n    category: 暮らし\n    question: 寮はありますか\n    answer: あります。\n"+
			"concepts:\n  - name: 住まい\n    words: [住まい]\n")
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "取り込みませんでした", "<strong>8行目</strong> <code>words</code>：must have at least 2 different words")
		if got, want := e.storedConcept(t, "住まい"), seededConcept(t, "住まい"); got != want {
			t.Errorf("a broken file changed a concept: %q, want %q", got, want)
		}
		// A good one: entries and concepts in one go.
		r = e.upload(t, csrf, "faqs:\n  - id: dorm\n    category: 暮らし\n    question: 寮はありますか\n    answer: あります。\n"+
			"    offer_person: true\nconcepts:\n  - name: 住まい\n    words: [住まい, 寮, 社宅]\n")
		wantRedirect(t, r, "/admin/faqs?msg=imported")
		if got := e.storedConcept(t, "住まい"); got != "住まい|寮|社宅 by admin" {
			t.Errorf("imported concept %q", got)
		}
		if f, err := e.store.FAQ(ctx, "dorm"); err != nil || !f.OfferPerson {
			t.Errorf("imported entry %+v, %v", f, err)
		}
		e.wantConceptEvents(t, "住まい", "seed created", "admin updated")
	})
}

// seededConcept is the default concept name as storedConcept shows it
// once seeded: its words joined by |, then " by seed".
func seededConcept(t *testing.T, name string) string {
	t.Helper()
	for _, c := range faqfile.DefaultConcepts() {
		if c.Name == name {
			return strings.Join(c.Words, "|") + " by seed"
		}
	}
	t.Fatalf("no default concept %q", name)
	return ""
}
